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

  const englishUnits = (words: string[], fix: boolean): Unit[] => {
    const fixed = fix ? words.map(correct) : words;
    const keys = fixed.map((w) => (w === '%' ? '%' : lightStem(w)));
    const stems = fixed.map((w) => (w === '%' ? '%' : stem(w)));
    const units: Unit[] = [];
    for (let i = 0; i < stems.length; ) {
      let matched = false;
      for (let len = Math.min(lexicon.maxEnglishWords, stems.length - i); len >= 1 && !matched; len -= 1) {
        const entry = lexicon.english.get(keys.slice(i, i + len).join(' '));
        if (!entry) continue;
        const parts = len === 1 ? [] : stems.slice(i, i + len).flatMap((s, k) => partTerm(lexicon.english.get(keys[i + k]!)?.term, s, fixed[i + k]!));
        units.push({ terms: unique([entry.term, ...parts]), raw: fixed.slice(i, i + len).join(' '), role: entry.role });
        i += len;
        matched = true;
      }
      if (matched) continue;
      const s = stems[i]!;
      if (!lexicon.stopWords.has(fixed[i]!)) units.push({ terms: [s], raw: fixed[i]!, role: 'word' });
      i += 1;
    }
    return units;
  };

  const partTerm = (lexiconTerm: string | undefined, s: string, word: string): string[] =>
    lexiconTerm?.startsWith('syn:') ? [lexiconTerm] : lexicon.stopWords.has(word) ? [] : [s];

  // A segment the base never uses ("几届", "说的") is often a particle glued to a word: drop the
  // particles and keep the rest ("届"); real words ("日本") keep all their characters.
  const hanWord = (w: string): string => (known.has(w) ? w : [...w].filter((ch) => !lexicon.particles.has(ch)).join(''));
  const hanWordUnits = (words: string[]): Unit[] =>
    words
      .filter((w) => !lexicon.stopHan.has(w))
      .map(hanWord)
      .filter((w) => w !== '' && !lexicon.stopHan.has(w))
      .map((w) => {
        const entry = lexicon.han.get(w);
        return entry ? { terms: [entry.term], raw: w, role: entry.role } : { terms: [w], raw: w, role: 'word' as const };
      });

  /** `words`: the whole run segmented, which is what its words are when no lexicon entry splits it. */
  const hanUnits = (run: string, words: string[]): Unit[] => {
    const units: Unit[] = [];
    let rest = '';
    for (let i = 0; i < run.length; ) {
      let matched = false;
      for (let len = Math.min(lexicon.maxHanLength, run.length - i); len >= 1 && !matched; len -= 1) {
        const text = run.slice(i, i + len);
        const entry = lexicon.han.get(text);
        if (!entry) continue;
        if (rest) units.push(...hanWordUnits(segmentHan(rest)));
        rest = '';
        const parts = len > 1 ? hanWordUnits(segmentHan(text)).flatMap((u) => u.terms).filter((t) => t !== entry.term) : [];
        units.push({ terms: unique([entry.term, ...parts]), raw: text, role: entry.role });
        i += len;
        matched = true;
      }
      if (!matched) rest += run[i++];
    }
    if (rest) units.push(...hanWordUnits(rest === run ? words : segmentHan(rest)));
    return units;
  };

  const units = (pieces: readonly SegmentedPiece[], fix: boolean): Unit[] => {
    const out: Unit[] = [];
    let words: string[] = [];
    const flush = () => {
      if (words.length) out.push(...englishUnits(words, fix));
      words = [];
    };
    for (const piece of pieces) {
      if (piece.kind === 'word') words.push(piece.text);
      else {
        flush();
        out.push(...hanUnits(piece.text, piece.words));
      }
    }
    flush();
    return out;
  };

  return {
    analyze: (text) => units(segmentText(text), true),
    indexTerms: (text) => units(typeof text === 'string' ? segmentText(text) : text, false).flatMap((u) => u.terms),
  };
}

function unique(terms: string[]): string[] {
  return [...new Set(terms)];
}
