import MiniSearch, { type SearchResult } from 'minisearch';
import type { Fact, Knowledge } from '../types.ts';
import { createAnalyzer, type Analyzer, type Unit } from './analyzer.ts';
import { compileLexicon } from './lexicon.ts';
import { normalizeText, segmentHan, splitPieces } from './normalize.ts';

/** Field weights: what a fact is called and what people call it count more than its long quote. */
export const FIELD_BOOSTS = { title: 3, aliases: 3, labels: 2, questions: 1.5, answer: 1, quote: 0.5 } as const;

type Field = keyof typeof FIELD_BOOSTS;
type IndexedFact = { id: string } & Record<Field, string>;

/** Membership of index terms: all the engine asks of a fact's terms. */
export interface TermSet {
  has(term: string): boolean;
}

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
  termsOf(factId: string): TermSet;
  /** How many facts contain `term` (0 when the base never mentions it). */
  documentFrequency(term: string): number;
  size: number;
}

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

/** Binary search in a sorted Int32Array. */
function contains(sorted: Int32Array, id: number | undefined): boolean {
  if (id === undefined) return false;
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = sorted[mid]!;
    if (value === id) return true;
    if (value < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
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
  // Each term gets a number; a fact keeps its terms as a sorted Int32Array (4 bytes a term, where a
  // Set of strings would cost ten times that on a large base).
  const termIds = new Map<string, number>();
  const df: number[] = [];
  const factTerms = new Map<string, Int32Array>();
  for (const doc of docs) {
    const out = { id: doc.id } as IndexedFact;
    const ids = new Set<number>();
    for (const field of fields) {
      const terms = analyzer.indexTerms(doc[field]);
      for (const t of terms) {
        let id = termIds.get(t);
        if (id === undefined) termIds.set(t, (id = termIds.size));
        ids.add(id);
      }
      out[field] = SEPARATOR + terms.map(encodeTerm).join(SEPARATOR);
    }
    for (const id of ids) df[id] = (df[id] ?? 0) + 1;
    factTerms.set(doc.id, Int32Array.from(ids).sort());
    miniSearch.add(out);
  }
  const byId = new Map(knowledge.facts.map((f) => [f.id, f]));
  const termsOf = (factId: string): TermSet => {
    const sorted = factTerms.get(factId) ?? new Int32Array();
    return { has: (term) => contains(sorted, termIds.get(term)) };
  };

  return {
    analyzer,
    size: knowledge.facts.length,
    termsOf,
    documentFrequency: (term) => df[termIds.get(term) ?? -1] ?? 0,
    search(units) {
      const terms = [...new Set(units.flatMap((u) => u.terms))].filter((t) => termIds.has(t));
      if (terms.length === 0) return [];
      return miniSearch
        .search(SEPARATOR + terms.map(encodeTerm).join(SEPARATOR))
        .map((r: SearchResult) => ({ fact: byId.get(String(r.id))!, score: r.score }));
    },
  };
}
