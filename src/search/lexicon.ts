import type { Lexicon } from '../types.ts';
import { lightStem } from './natural.ts';
import { generalStopWords } from './stopwords.ts';
import { hasHan, normalizeText, splitPieces } from './normalize.ts';

/** What a lexicon entry says about the words it matches. */
export type TermRole = 'synonym' | 'offTopic' | 'greeting' | 'help';

/** One lexicon entry, ready to match: its key is a sequence of English stems or a Han string. */
export interface LexiconEntry {
  /** The index term the match becomes (`syn:12` for synonym group 12, `off:hotel`, ...). */
  term: string;
  role: TermRole;
}

/** The lexicon compiled for matching: English phrases by stem sequence, Chinese terms by text. */
export interface CompiledLexicon {
  /** Key: light stems (see `lightStem`) joined by a space. */
  english: Map<string, LexiconEntry>;
  /** Longest English phrase, in words. */
  maxEnglishWords: number;
  han: Map<string, LexiconEntry>;
  maxHanLength: number;
  /** Stop words as written (not stemmed: "important" must not drop "imported"). */
  stopWords: Set<string>;
  stopHan: Set<string>;
  /** The lexicon's own single-character Chinese stop words (的, 了, 吗): particles that glue onto words. */
  particles: Set<string>;
}

/** Light stems of an English phrase, the form lexicon entries are matched in. */
function phraseStems(phrase: string): string[] {
  return splitPieces(normalizeText(phrase))
    .filter((p) => p.kind === 'word')
    .map((p) => lightStem(p.text));
}

/**
 * Compiles the lexicon. Where two entries claim the same words, the first role listed here wins:
 * synonyms, then help, greetings, off-topic words (so "trade fair" stays a synonym). `baseWords` are
 * the words the facts use (English words and Chinese segments): common words among them stay content.
 */
export function compileLexicon(lexicon: Lexicon, baseWords: ReadonlySet<string> = new Set()): CompiledLexicon {
  const compiled: CompiledLexicon = {
    english: new Map(),
    maxEnglishWords: 1,
    han: new Map(),
    maxHanLength: 1,
    stopWords: new Set(),
    stopHan: new Set(),
    particles: new Set(),
  };
  const add = (raw: string, entry: LexiconEntry) => {
    const text = normalizeText(raw);
    if (hasHan(text)) {
      if (!compiled.han.has(text)) compiled.han.set(text, entry);
      compiled.maxHanLength = Math.max(compiled.maxHanLength, text.length);
      return;
    }
    const stems = phraseStems(text);
    if (stems.length === 0) {
      if (text === '%' && !compiled.english.has('%')) compiled.english.set('%', entry);
      return;
    }
    const key = stems.join(' ');
    if (!compiled.english.has(key)) compiled.english.set(key, entry);
    compiled.maxEnglishWords = Math.max(compiled.maxEnglishWords, stems.length);
  };
  lexicon.synonyms.forEach((group, i) => {
    for (const term of group) add(term, { term: `syn:${i}`, role: 'synonym' });
  });
  for (const term of lexicon.help) add(term, { term: `help:${normalizeText(term)}`, role: 'help' });
  for (const term of lexicon.greetings) add(term, { term: `greet:${normalizeText(term)}`, role: 'greeting' });
  for (const term of lexicon.offTopic) add(term, { term: `off:${normalizeText(term)}`, role: 'offTopic' });
  const general = generalStopWords();
  const unused = general.unlessUsed.filter((w) => !baseWords.has(w));
  for (const word of lexicon.stopWords) if (/^\p{Script=Han}$/u.test(word)) compiled.particles.add(word);
  for (const word of [...general.always, ...unused, ...lexicon.stopWords]) {
    const text = normalizeText(word);
    if (hasHan(text)) compiled.stopHan.add(text);
    else for (const piece of splitPieces(text)) compiled.stopWords.add(piece.text);
  }
  return compiled;
}
