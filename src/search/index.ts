import type { SearchResult } from 'minisearch';
import type { Fact, Knowledge } from '../types.ts';
import { createAnalyzer, type Analyzer, type Unit } from './analyzer.ts';
import { compileLexicon } from './lexicon.ts';
import { segmentText, type SegmentedPiece } from './normalize.ts';
import { createPostingsBuilder } from './postings.ts';

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
function wordsOf(pieces: readonly SegmentedPiece[], into: Set<string>): void {
  for (const p of pieces) {
    if (p.kind === 'word') into.add(p.text);
    else for (const w of p.words) into.add(w);
  }
}

/**
 * Builds the index. The analyzer learns the base's words (for typo correction and for telling common
 * words the facts use from noise), then each field is analysed once and handed to MiniSearch as terms.
 */
export function buildIndex(knowledge: Knowledge): FactIndex {
  const fields = Object.keys(FIELD_BOOSTS) as Field[];
  // Each field is normalized and segmented once, for both the vocabulary and the terms.
  const docs = knowledge.facts.map((fact) => {
    const texts = fieldsOf(fact);
    return { id: fact.id, pieces: fields.map((f) => segmentText(texts[f])) };
  });
  const questionsField = fields.indexOf('questions');
  // Words the facts themselves use; example questions ("how many ...") do not count.
  const baseWords = new Set<string>();
  for (const doc of docs) doc.pieces.forEach((pieces, f) => f !== questionsField && wordsOf(pieces, baseWords));
  const { lexicon } = knowledge;
  const lexiconTerms = [...lexicon.synonyms.flat(), ...lexicon.offTopic, ...lexicon.greetings, ...lexicon.help, ...lexicon.stopWords];
  const vocabulary = new Set(baseWords);
  for (const doc of docs) wordsOf(doc.pieces[questionsField]!, vocabulary);
  for (const term of lexiconTerms) wordsOf(segmentText(term), vocabulary);
  const analyzer = createAnalyzer(compileLexicon(lexicon, baseWords), vocabulary);

  // Each term gets a number; a fact keeps its terms as a sorted Int32Array (4 bytes a term, where a
  // Set of strings would cost ten times that on a large base).
  const termIds = new Map<string, number>();
  const df: number[] = [];
  const factTerms = new Map<string, Int32Array>();
  const postings = createPostingsBuilder(fields);
  for (const doc of docs) {
    const ids = new Set<number>();
    const fieldTerms = doc.pieces.map((pieces) =>
      analyzer.indexTerms(pieces).map((t) => {
        let id = termIds.get(t);
        if (id === undefined) termIds.set(t, (id = termIds.size));
        ids.add(id);
        return id;
      }),
    );
    for (const id of ids) df[id] = (df[id] ?? 0) + 1;
    factTerms.set(doc.id, Int32Array.from(ids).sort());
    postings.add(doc.id, fieldTerms);
  }
  // MiniSearch knows a term by its number in base 36: short keys, and at most 36 children a node in its
  // search tree, where thousands of distinct Chinese characters at one level made it slow.
  const termKey = (id: number) => id.toString(36);
  const miniSearch = postings.load<IndexedFact>(termKey, {
    fields,
    storeFields: [],
    // Queries arrive as analysed term keys joined by spaces.
    tokenize: (query) => query.split(' '),
    processTerm: (term) => term,
    searchOptions: { boost: { ...FIELD_BOOSTS }, combineWith: 'OR', prefix: false, fuzzy: false },
  });
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
        .search(terms.map((t) => termKey(termIds.get(t)!)).join(' '))
        .map((r: SearchResult) => ({ fact: byId.get(String(r.id))!, score: r.score }));
    },
  };
}
