import type { CompiledLexicon, TermRole } from './lexicon.ts';
import { lightStem, stem } from './natural.ts';
import { createTypoCorrector } from './typos.ts';
import { segmentHan, segmentText, type SegmentedPiece } from './normalize.ts';

/** One meaningful unit of a text: a lexicon phrase, an English word, or a Chinese word. */
export interface Unit {
  /** Index terms: the unit's own term first, then its parts (`syn:7`, `lanzhou`, `area`). */
  terms: string[];
  /** The words as written (after normalization and typo correction). */
  raw: string;
  role: TermRole | 'word';
}

/** Turns text into units for the index and for questions, the same way on both sides. */
export interface Analyzer {
  /** Content units of a question, stop words removed, English typos corrected against the base's words. */
  analyze(text: string): Unit[];
  /** Every index term of a stored text, or of its pieces when the caller has segmented it already. */
  indexTerms(text: string | readonly SegmentedPiece[]): string[];
}

/**
 * Creates the analyzer. `vocabulary` is every word of the base and lexicon (English words, Chinese
 * segments); an English question word outside it is corrected to the closest one within the allowed
 * edits, if any.
 */
export function createAnalyzer(lexicon: CompiledLexicon, vocabulary: Iterable<string>): Analyzer {
  const known = new Set(vocabulary);
  const { correct } = createTypoCorrector(known, lexicon.stopWords);
  const englishMatch = longestMatch(lexicon.english, ' ');
  const hanMatch = longestMatch(lexicon.han, '');

  const englishUnits = (words: string[], fix: boolean, units: Unit[]): void => {
    const fixed = fix ? words.map(correct) : words;
    const keys = fixed.map((w) => (w === '%' ? '%' : lightStem(w)));
    const stems = fixed.map((w) => (w === '%' ? '%' : stem(w)));
    for (let i = 0; i < stems.length; ) {
      const match = englishMatch(keys, i);
      if (match) {
        const { entry, length } = match;
        const parts = length === 1 ? [] : stems.slice(i, i + length).flatMap((s, k) => partTerm(lexicon.english.get(keys[i + k]!)?.term, s, fixed[i + k]!));
        units.push({ terms: unique([entry.term, ...parts]), raw: fixed.slice(i, i + length).join(' '), role: entry.role });
        i += length;
        continue;
      }
      if (!lexicon.stopWords.has(fixed[i]!)) units.push({ terms: [stems[i]!], raw: fixed[i]!, role: 'word' });
      i += 1;
    }
  };

  const partTerm = (lexiconTerm: string | undefined, s: string, word: string): string[] =>
    lexiconTerm?.startsWith('syn:') ? [lexiconTerm] : lexicon.stopWords.has(word) ? [] : [s];

  // A segment the base never uses ("几届", "说的") is often a particle glued to a word: drop the
  // particles and keep the rest ("届"); real words ("日本") keep all their characters.
  const hanWord = (w: string): string => (known.has(w) ? w : [...w].filter((ch) => !lexicon.particles.has(ch)).join(''));
  const hanWordUnits = (segments: readonly string[], units: Unit[] = []): Unit[] => {
    for (const segment of segments) {
      if (lexicon.stopHan.has(segment)) continue;
      const w = hanWord(segment);
      if (w === '' || lexicon.stopHan.has(w)) continue;
      const entry = lexicon.han.get(w);
      units.push(entry ? { terms: [entry.term], raw: w, role: entry.role } : { terms: [w], raw: w, role: 'word' });
    }
    return units;
  };

  /** `words`: the whole run segmented, which is what its words are when no lexicon entry splits it. */
  const hanUnits = (run: string, words: readonly string[], units: Unit[]): void => {
    let rest = 0; // where the characters no entry matched begin
    for (let i = 0; i < run.length; ) {
      // A one-character entry (建, 仓) is a word only where the segmenter finds it alone, not inside 福建.
      const match = hanMatch(run, i);
      if (!match || match.length === 1) {
        i += 1;
        continue;
      }
      const { entry, length } = match;
      const text = run.slice(i, i + length);
      if (i > rest) hanWordUnits(segmentHan(run.slice(rest, i)), units);
      const parts = length > 1 ? hanWordUnits(segmentHan(text)).flatMap((u) => u.terms).filter((t) => t !== entry.term) : [];
      units.push({ terms: unique([entry.term, ...parts]), raw: text, role: entry.role });
      rest = i += length;
    }
    if (rest < run.length) hanWordUnits(rest === 0 ? words : segmentHan(run.slice(rest)), units);
  };

  const units = (pieces: readonly SegmentedPiece[], fix: boolean): Unit[] => {
    const out: Unit[] = [];
    let words: string[] = [];
    const flush = () => {
      if (words.length) englishUnits(words, fix, out);
      words = [];
    };
    for (const piece of pieces) {
      if (piece.kind === 'word') words.push(piece.text);
      else {
        flush();
        hanUnits(piece.text, piece.words, out);
      }
    }
    flush();
    return out;
  };

  return {
    analyze: (text) => units(segmentText(text), true),
    indexTerms: (text) => {
      const terms: string[] = [];
      for (const unit of units(typeof text === 'string' ? segmentText(text) : text, false)) for (const term of unit.terms) terms.push(term);
      return terms;
    },
  };
}

/**
 * The longest key of `entries` that starts at `parts[from]` (a key is its parts joined by `separator`:
 * English stems, or the characters of a Chinese term). Longer keys are tried only while some key
 * starts that way, where trying every length down from the longest cost nine look-ups a character.
 */
function longestMatch<T>(entries: ReadonlyMap<string, T>, separator: string) {
  const prefixes = new Set<string>();
  for (const key of entries.keys()) {
    const parts = key.split(separator);
    for (let n = 1; n < parts.length; n += 1) prefixes.add(parts.slice(0, n).join(separator));
  }
  return (parts: ArrayLike<string>, from: number): { entry: T; length: number } | undefined => {
    let found: { entry: T; length: number } | undefined;
    let key = '';
    for (let length = 1; from + length <= parts.length; length += 1) {
      key = length === 1 ? parts[from]! : key + separator + parts[from + length - 1]!;
      const entry = entries.get(key);
      if (entry) found = { entry, length };
      if (!prefixes.has(key)) break;
    }
    return found;
  };
}

function unique(terms: string[]): string[] {
  return [...new Set(terms)];
}
