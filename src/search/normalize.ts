import * as OpenCC from 'opencc-js/t2cn';

const HAN_RUN = /\p{Script=Han}+/u;
// The base is written in simplified Chinese; questions in traditional characters are read as simplified.
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/** One piece of a question: a run of Han characters, or a Latin word or number. */
export type Piece = { kind: 'han'; text: string } | { kind: 'word'; text: string };

/**
 * Folds what people type into one form: traditional Chinese to simplified, NFKC (full-width to
 * half-width), lower case, invisible and
 * control characters dropped, dashes and apostrophes unified, thousands separators removed
 * (`5,567` -> `5567`), possessive `'s` dropped.
 */
export function normalizeText(input: string): string {
  const known = normalized.get(input);
  if (known !== undefined) return known;
  const out = normalizeUncached(input);
  if (normalized.size >= NORMALIZE_CACHE_SIZE) normalized.clear();
  normalized.set(input, out);
  return out;
}

/** Texts remembered by {@link normalizeText}: several steps normalize the same question (screen, analysis, coverage). */
const NORMALIZE_CACHE_SIZE = 50_000;
const normalized = new Map<string, string>();

function normalizeUncached(input: string): string {
  const text = HAN_RUN.test(input) ? toSimplified(input) : input;
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/(\d)[,\u00a0\u202f ](?=\d{3}(?!\d))/g, '$1')
    .replace(/'s\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Splits normalized text into Han runs and Latin words/numbers, in order. Hyphens split words
 * (`china-laos` -> `china`, `laos`) so the same phrase matches however it is hyphenated.
 */
export function splitPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  const pattern = /(\p{Script=Han}+)|(\d+(?:\.\d+)?(?:st|nd|rd|th)?(?![\p{L}\p{N}])|(?:(?!\p{Script=Han})[\p{L}\p{N}])+|%)/gu;
  for (const match of text.matchAll(pattern)) {
    if (match[1]) pieces.push({ kind: 'han', text: match[1] });
    else if (match[2]) pieces.push({ kind: 'word', text: match[2].replace(/'/g, '') });
  }
  return pieces;
}

/** A piece of a text with its Han run already segmented into Chinese words. */
export type SegmentedPiece = { kind: 'word'; text: string } | { kind: 'han'; text: string; words: string[] };

/**
 * Normalizes a text, splits it into pieces and segments its Han runs: the work every pass over a text
 * shares, done once when index building reads each field for its vocabulary and then for its terms.
 */
export function segmentText(text: string): SegmentedPiece[] {
  return splitPieces(normalizeText(text)).map((p) => (p.kind === 'han' ? { ...p, words: segmentHan(p.text) } : p));
}

/** True when the text has at least one Han character. */
export function hasHan(text: string): boolean {
  return HAN_RUN.test(text);
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Runs remembered by {@link segmentHan}; the ICU segmenter is the costliest step of indexing. */
const SEGMENT_CACHE_SIZE = 50_000;
const segmented = new Map<string, readonly string[]>();

/**
 * Chinese words of a Han run, by the platform's ICU dictionary segmenter. Remembered (bounded): many
 * runs recur across facts, and the suggester segments the example questions the index has segmented.
 */
export function segmentHan(run: string): string[] {
  const known = segmented.get(run);
  if (known) return [...known];
  const words: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(run)) if (isWordLike) words.push(segment);
  if (segmented.size >= SEGMENT_CACHE_SIZE) segmented.clear();
  segmented.set(run, words);
  return [...words];
}
