import SearchableMap from 'minisearch/SearchableMap';
import { editDistance, stem } from './natural.ts';

/**
 * Typo correction: words from `minLength` letters are corrected against the base's words (one edit,
 * two from `twoEditsFrom`); shorter ones only to a stop word one edit away ("hav", "hw", "teh").
 * An edit is an insertion, a deletion, a substitution or a swap of neighbours.
 */
const TYPO = { minLength: 4, twoEditsFrom: 8 } as const;

/** Corrected words remembered per corrector, so a repeated typo costs one map look-up. */
const MAX_CACHED_CORRECTIONS = 10_000;

/** Corrects a question word to the closest word of the base, or returns it unchanged. */
export interface TypoCorrector {
  correct(word: string): string;
}

/**
 * The ranking of candidates: fewer edits first; on a
 * tie the one sharing the first letter (typos rarely hit it), then the alphabetically first, so the
 * result never depends on the order the vocabulary was listed in.
 */
function rankCandidates(word: string, candidates: Iterable<string>, allowed: number): string {
  let best = word;
  let bestDistance = allowed + 1;
  for (const candidate of candidates) {
    // Two edits only keep the first letter: "promoted" is not a typo of "rooted".
    if (allowed === 2 && candidate[0] !== word[0]) continue;
    const d = editDistance(word, candidate);
    if (d > allowed) continue;
    const sameFirst = (w: string): boolean => w[0] === word[0];
    const better =
      d < bestDistance ||
      (d === bestDistance && (sameFirst(candidate) !== sameFirst(best) ? sameFirst(candidate) : candidate < best));
    if (better) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Edits a word of this length may carry and still be corrected. */
function allowedEdits(length: number): number {
  return length >= TYPO.twoEditsFrom ? 2 : 1;
}

/**
 * Builds the corrector. Candidates come from MiniSearch's radix tree (`SearchableMap.fuzzyGet`), built
 * on first use, so a question costs a bounded walk of the tree rather than an edit distance to every
 * word of a large base. fuzzyGet counts a swap as two (Levenshtein) edits, so it is asked for twice
 * the allowed edits and {@link rankCandidates} keeps those within the allowed swap-aware distance.
 */
export function createTypoCorrector(known: ReadonlySet<string>, stopWords: ReadonlySet<string>): TypoCorrector {
  const knownStems = new Set([...known].map(stem));
  const stopCandidates = [...stopWords].filter((w) => /^[a-z]{2,5}$/.test(w));
  let tree: SearchableMap<true> | null = null;
  const index = (): SearchableMap<true> => {
    if (tree) return tree;
    tree = new SearchableMap<true>();
    for (const word of known) if (word.length >= TYPO.minLength - 2 && /^[a-z]/.test(word)) tree.set(word, true);
    return tree;
  };
  const corrections = new Map<string, string>();

  return {
    correct(word) {
      if (/\d/.test(word) || known.has(word) || stopWords.has(word) || knownStems.has(stem(word))) return word;
      if (word.length < TYPO.minLength) return stopCandidates.find((w) => editDistance(word, w) === 1 && w[0] === word[0]) ?? word;
      const cached = corrections.get(word);
      if (cached !== undefined) return cached;
      const allowed = allowedEdits(word.length);
      const best = rankCandidates(word, index().fuzzyGet(word, allowed * 2).keys(), allowed);
      if (corrections.size < MAX_CACHED_CORRECTIONS) corrections.set(word, best);
      return best;
    },
  };
}
