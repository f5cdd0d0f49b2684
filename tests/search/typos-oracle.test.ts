import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/index.ts';
import { editDistance, stem } from '../../src/search/natural.ts';
import { createTypoCorrector } from '../../src/search/typos.ts';

/** A deterministic pseudo-random sequence (LCG), so a failure names the same variant every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One random edit of `word`: insertion, deletion, substitution or a swap of neighbours. */
function edit(word: string, random: () => number): string {
  const at = Math.floor(random() * word.length);
  const letter = LETTERS[Math.floor(random() * LETTERS.length)]!;
  switch (Math.floor(random() * 4)) {
    case 0: return word.slice(0, at) + letter + word.slice(at);
    case 1: return word.slice(0, at) + word.slice(at + 1);
    case 2: return word.slice(0, at) + letter + word.slice(at + 1);
    default: return at + 1 < word.length ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word;
  }
}

/** The vocabulary: every English word of three or more letters in the real base's answers and quotes. */
const vocabulary = [
  ...new Set(createAssistant().knowledge.facts.flatMap((f) => `${f.answer.en} ${f.source.quote}`.toLowerCase().match(/[a-z]{3,}/g) ?? [])),
].sort();
const stopWords = new Set(['have', 'how', 'the']);

const stems = new Set(vocabulary.map(stem));

/**
 * The brute-force oracle: the distance from the variant to every vocabulary word, the closest within
 * the allowed edits (two from eight letters, keeping the first letter), ties to the same first letter,
 * then alphabetical.
 */
function oracle(word: string): string {
  if (vocabulary.includes(word) || stopWords.has(word) || stems.has(stem(word))) return word;
  if (word.length < 4) return [...stopWords].find((w) => editDistance(word, w) === 1 && w[0] === word[0]) ?? word;
  const allowed = word.length >= 8 ? 2 : 1;
  const ranked = vocabulary
    .map((w) => ({ w, d: editDistance(word, w) }))
    .filter(({ w, d }) => d <= allowed && (allowed === 1 || w[0] === word[0]))
    .sort((a, b) => a.d - b.d || Number(b.w[0] === word[0]) - Number(a.w[0] === word[0]) || (a.w < b.w ? -1 : 1));
  return ranked[0]?.w ?? word;
}

describe('createTypoCorrector against a brute-force oracle', () => {
  const { correct } = createTypoCorrector(new Set(vocabulary), stopWords);
  const random = seeded(7);
  const variants = (edits: number, count: number): string[] =>
    Array.from({ length: count }, () => {
      let word = vocabulary[Math.floor(random() * vocabulary.length)]!;
      for (let i = 0; i < edits; i++) word = edit(word, random);
      return word;
    });

  it('GIVEN the real vocabulary THEN it has enough long words to test two edits', () => {
    expect(vocabulary.filter((w) => w.length >= 8).length).toBeGreaterThan(100);
  });

  it.each([
    [1, 600],
    [2, 600],
  ])('GIVEN %i random edits of a vocabulary word (%i samples) THEN corrects as the oracle does', (edits, count) => {
    const wrong = variants(edits, count).filter((v) => correct(v) !== oracle(v));
    expect(wrong.slice(0, 5).map((v) => [v, correct(v), oracle(v)])).toEqual([]);
  });
});
