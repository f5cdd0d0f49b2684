import { describe, expect, it } from 'vitest';
import { createTypoCorrector } from '../../src/search/typos.ts';

const { correct } = createTypoCorrector(
  new Set(['warehouses', 'international', 'investment', 'freight', 'countries', 'rooted', 'sister']),
  new Set(['have', 'how', 'the']),
);

describe('createTypoCorrector', () => {
  it.each([
    ['warehoses', 'warehouses'], // a letter missing
    ['warehuoses', 'warehouses'], // two letters swapped
    ['frieght', 'freight'],
    ['internatonal', 'international'],
    ['countires', 'countries'],
    ['sistr', 'sister'],
    ['warahousas', 'warehouses'], // two substitutions in a long word
    ['internasionel', 'international'],
    ['invistmant', 'investment'],
  ])('GIVEN the typo %j THEN corrects it to %j', (typo, word) => {
    expect(correct(typo)).toBe(word);
  });

  it('GIVEN a short word one edit from a stop word THEN corrects only to that stop word', () => {
    expect([correct('hav'), correct('hw'), correct('teh')]).toEqual(['have', 'how', 'the']);
  });

  it('GIVEN a word far from every known word, or changing its first letter at two edits THEN leaves it', () => {
    expect(correct('population')).toBe('population');
    expect(correct('promoted')).toBe('promoted');
  });

  it('GIVEN a known word, an inflection of one, or a number THEN leaves it', () => {
    expect([correct('freight'), correct('warehouse'), correct('2024')]).toEqual(['freight', 'warehouse', '2024']);
  });
});
