import { describe, expect, it } from 'vitest';
import { truncate } from '../../src/index.ts';

const PIECES = ['a', 'bc', ' ', '  ', '兰州', '😀', '🚂x', '\n', 'word'];

/** Deterministic random texts mixing Latin, Han, emoji (surrogate pairs) and whitespace. */
function samples(count: number): string[] {
  let state = 11;
  const next = (n: number): number => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) % n;
  return Array.from({ length: count }, () => Array.from({ length: next(40) }, () => PIECES[next(PIECES.length)]!).join(''));
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('truncate', () => {
  it('GIVEN text that fits THEN returns it unchanged; GIVEN more THEN ends in one ellipsis', () => {
    expect([truncate('abc', 3), truncate('abcd', 3), truncate('a b c d e', 7, { atWord: true })]).toEqual(['abc', 'ab…', 'a b c…']);
  });

  it('GIVEN 2,000 random texts and every limit from 1 to 30 THEN the result fits, is a prefix, and never splits an emoji', () => {
    for (const text of samples(2000)) {
      for (let max = 1; max <= 30; max += 1) {
        for (const options of [{}, { atWord: true }, { collapseSpace: true, atWord: true }]) {
          const out = truncate(text, max, options);
          const source = 'collapseSpace' in options ? text.replace(/\s+/g, ' ').trim() : text;
          expect(out.length).toBeLessThanOrEqual(max);
          expect(out).not.toMatch(loneSurrogate);
          if (source.length <= max) expect(out).toBe(source);
          else expect(source.startsWith(out.slice(0, -1).trimEnd())).toBe(true);
        }
      }
    }
  });
});
