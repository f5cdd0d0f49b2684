import { createRequire } from 'node:module';

// natural's main entry loads every module it has (and dotenv, which prints to stdout); we need two.
const require = createRequire(import.meta.url);
const porter = require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(word: string): string };
const distance = require('natural/lib/natural/distance/levenshtein_distance.js') as {
  DamerauLevenshteinDistance(a: string, b: string, options?: { restricted?: boolean }): number;
};

const stopwords = require('natural/lib/natural/util/stopwords.js') as { words: string[] };

/** natural's English stop words (function words like `besides`, `during`), digits left out. */
export const ENGLISH_STOP_WORDS: readonly string[] = stopwords.words.filter((w) => /^[a-z]+$/.test(w));

/**
 * A light stemmer for lexicon matching: folds inflections only (`nations` -> `nation`,
 * `traded`/`trading`/`trade` -> `trad`) where Porter also merges derivations (`national` -> `nation`),
 * which would let one synonym group capture another's words.
 */
export function lightStem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(s|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

const STEM_CACHE_SIZE = 100_000;
const stems = new Map<string, string>();

/** Porter stem of one lower-case English word; memoised, as the same words recur in every text. */
export function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = porter.stem(word);
    if (stems.size < STEM_CACHE_SIZE) stems.set(word, stemmed);
  }
  return stemmed;
}

/** Edit distance counting a swap of neighbours as one edit (`warehoses` -> `warehouses` is 1). */
export function editDistance(a: string, b: string): number {
  return distance.DamerauLevenshteinDistance(a, b, { restricted: true });
}
