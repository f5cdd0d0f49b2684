import { editDistance, stem } from './natural.ts';

/**
 * Typo correction: words from `minLength` letters are corrected against the base's words (one edit,
 * two from `twoEditsFrom`); shorter ones only to a stop word one edit away ("hav", "hw", "teh").
 */
const TYPO = { minLength: 4, twoEditsFrom: 8 } as const;

/** Corrects a question word to the closest word of the base, or returns it unchanged. */
export interface TypoCorrector {
  correct(word: string): string;
}

/** Every string one deletion away from `word`, and the word itself. */
function deletions(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i += 1) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * Builds the corrector. Candidates are found through their one-deletion variants (two words within
 * one edit, swaps included, share one), indexed on first use, so a question costs a few map look-ups
 * rather than an edit distance to every word of a large base.
 */
export function createTypoCorrector(known: ReadonlySet<string>, stopWords: ReadonlySet<string>): TypoCorrector {
  const knownStems = new Set([...known].map(stem));
  const stopCandidates = [...stopWords].filter((w) => /^[a-z]{2,5}$/.test(w));
  let byDeletion: Map<string, string[]> | null = null;
  const index = (): Map<string, string[]> => {
    if (byDeletion) return byDeletion;
    byDeletion = new Map();
    for (const word of known) {
      if (word.length < TYPO.minLength - 1 || !/^[a-z]/.test(word)) continue;
      for (const variant of new Set(deletions(word))) {
        const list = byDeletion.get(variant);
        if (list) list.push(word);
        else byDeletion.set(variant, [word]);
      }
    }
    return byDeletion;
  };
  const corrections = new Map<string, string>();

  return {
    correct(word) {
      if (/\d/.test(word) || known.has(word) || stopWords.has(word) || knownStems.has(stem(word))) return word;
      if (word.length < TYPO.minLength) return stopCandidates.find((w) => editDistance(word, w) === 1 && w[0] === word[0]) ?? word;
      const cached = corrections.get(word);
      if (cached !== undefined) return cached;
      const allowed = word.length >= TYPO.twoEditsFrom ? 2 : 1;
      const candidates = new Set(deletions(word).flatMap((variant) => index().get(variant) ?? []));
      let best = word;
      let bestDistance = allowed + 1;
      for (const candidate of candidates) {
        // Two edits only keep the first letter: "promoted" is not a typo of "rooted".
        if (allowed === 2 && candidate[0] !== word[0]) continue;
        const d = editDistance(word, candidate);
        // On a tie, prefer the candidate sharing the first letter: typos rarely hit it.
        if (d < bestDistance || (d === bestDistance && candidate[0] === word[0] && best[0] !== word[0])) {
          best = candidate;
          bestDistance = d;
        }
      }
      if (corrections.size < 10_000) corrections.set(word, best);
      return best;
    },
  };
}
