import MiniSearch, { type SearchResult } from 'minisearch';
import type { Fact, Knowledge } from '../types.ts';
import { createAnalyzer, type Analyzer, type Unit } from './analyzer.ts';
import { compileLexicon } from './lexicon.ts';
import { normalizeText, segmentHan, splitPieces } from './normalize.ts';

/** Field weights: what a fact is called and what people call it count more than its long quote. */
export const FIELD_BOOSTS = { title: 3, aliases: 3, labels: 2, questions: 1.5, answer: 1, quote: 0.5 } as const;

type Field = keyof typeof FIELD_BOOSTS;
type IndexedFact = { id: string } & Record<Field, string>;

/** A fact and how well it matched a question. */
export interface Hit {
  fact: Fact;
  score: number;
}

/** The searchable base: MiniSearch over both languages plus term statistics for confidence. */
export interface FactIndex {
  analyzer: Analyzer;
  search(units: Unit[]): Hit[];
  /** Terms of one fact (all fields), to see which question units it covers. */
  termsOf(factId: string): ReadonlySet<string>;
  /** How many facts contain `term` (0 when the base never mentions it). */
  documentFrequency(term: string): number;
  size: number;
}

/** Facts whose terms stay cached for coverage checks. */
const TERM_CACHE_SIZE = 4096;

/** Marks a query whose terms are already analysed (an index text never contains it). */
const SEPARATOR = '\u0001';

/**
 * MiniSearch's radix tree scans a node's children one by one, so thousands of distinct Chinese
 * characters at one level make indexing quadratic-ish; spelled as hex code points (大 -> `~5927`) they
 * branch at most 17 ways. Applied to every term going into and out of MiniSearch.
 */
function encodeTerm(term: string): string {
  return term.replace(/[^\p{ASCII}]/gu, (ch) => `~${ch.codePointAt(0)!.toString(16)}`);
}

function fieldsOf(fact: Fact): IndexedFact {
  const both = (b: { en: string; zh: string }) => `${b.en}\n${b.zh}`;
  return {
    id: fact.id,
    title: both(fact.title),
    aliases: [...fact.aliases.en, ...fact.aliases.zh].join('\n'),
    labels: fact.figures.map((f) => `${both(f.label)}\n${f.unit}\n${f.unitZh}`).join('\n'),
    questions: fact.questions.map(both).join('\n'),
    answer: both(fact.answer),
    quote: fact.source.quote,
  };
}

/** The words of a text as written: English words and Chinese segments. */
function wordsOf(text: string): string[] {
  return splitPieces(normalizeText(text)).flatMap((p) => (p.kind === 'word' ? [p.text] : segmentHan(p.text)));
}

/**
 * Builds the index. The analyzer learns the base's words (for typo correction and for telling common
 * words the facts use from noise), then each field is analysed once and handed to MiniSearch as terms.
 */
export function buildIndex(knowledge: Knowledge): FactIndex {
  const docs = knowledge.facts.map(fieldsOf);
  const fields = Object.keys(FIELD_BOOSTS) as Field[];
  // Words the facts themselves use; example questions ("how many ...") do not count.
  const baseWords = new Set(docs.flatMap((doc) => fields.filter((f) => f !== 'questions').flatMap((f) => wordsOf(doc[f]))));
  const { lexicon } = knowledge;
  const lexiconTerms = [...lexicon.synonyms.flat(), ...lexicon.offTopic, ...lexicon.greetings, ...lexicon.help, ...lexicon.stopWords];
  const vocabulary = new Set([...baseWords, ...docs.flatMap((doc) => wordsOf(doc.questions)), ...lexiconTerms.flatMap(wordsOf)]);
  const analyzer = createAnalyzer(compileLexicon(lexicon, baseWords), vocabulary);

  const miniSearch = new MiniSearch<IndexedFact>({
    fields,
    storeFields: [],
    // Texts arrive already analysed (SEPARATOR-joined terms); MiniSearch must not split or change them.
    tokenize: (text) => (text.startsWith(SEPARATOR) ? text.slice(1).split(SEPARATOR).filter(Boolean) : analyzer.indexTerms(text).map(encodeTerm)),
    processTerm: (term) => term,
    searchOptions: { boost: { ...FIELD_BOOSTS }, combineWith: 'OR', prefix: false, fuzzy: false },
  });
  const df = new Map<string, number>();
  for (const doc of docs) {
    const out = { id: doc.id } as IndexedFact;
    const all = new Set<string>();
    for (const field of fields) {
      const terms = analyzer.indexTerms(doc[field]);
      for (const t of terms) all.add(t);
      out[field] = SEPARATOR + terms.map(encodeTerm).join(SEPARATOR);
    }
    for (const term of all) df.set(term, (df.get(term) ?? 0) + 1);
    miniSearch.add(out);
  }
  const byId = new Map(knowledge.facts.map((f) => [f.id, f]));

  // A fact's terms are needed only for the few top hits of a question: analysed again on demand and
  // kept in a bounded cache, rather than held for every fact (a large base would double its memory).
  const termCache = new Map<string, Set<string>>();
  const termsOf = (id: string): Set<string> => {
    let terms = termCache.get(id);
    if (!terms) {
      const fact = byId.get(id);
      const doc = fact ? fieldsOf(fact) : null;
      terms = new Set(doc ? fields.flatMap((f) => analyzer.indexTerms(doc[f])) : []);
      if (termCache.size >= TERM_CACHE_SIZE) termCache.delete(termCache.keys().next().value!);
      termCache.set(id, terms);
    }
    return terms;
  };

  return {
    analyzer,
    size: knowledge.facts.length,
    termsOf,
    documentFrequency: (term) => df.get(term) ?? 0,
    search(units) {
      const terms = [...new Set(units.flatMap((u) => u.terms))].filter((t) => df.has(t));
      if (terms.length === 0) return [];
      return miniSearch
        .search(SEPARATOR + terms.map(encodeTerm).join(SEPARATOR))
        .map((r: SearchResult) => ({ fact: byId.get(String(r.id))!, score: r.score }));
    },
  };
}
