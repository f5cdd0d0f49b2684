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

/** Marks a query whose terms are already analysed (an index text never contains it). */
const SEPARATOR = '\u0001';

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

/** Words the facts themselves use (not their example questions), English and Chinese. */
function baseWords(facts: readonly Fact[]): Set<string> {
  const words = new Set<string>();
  for (const fact of facts) {
    const texts = [fact.title.en, fact.title.zh, fact.answer.en, fact.answer.zh, fact.source.quote, ...fact.aliases.en, ...fact.aliases.zh];
    for (const g of fact.figures) texts.push(g.label.en, g.label.zh);
    for (const piece of splitPieces(normalizeText(texts.join(' ')))) {
      if (piece.kind === 'word') words.add(piece.text);
      else for (const w of segmentHan(piece.text)) words.add(w);
    }
  }
  return words;
}

/** Builds the index: analyzer (lexicon + the base's own words for typo correction), MiniSearch, term sets. */
export function buildIndex(knowledge: Knowledge): FactIndex {
  const docs = knowledge.facts.map(fieldsOf);
  const vocabulary = new Set<string>();
  const addWords = (text: string) => {
    for (const piece of splitPieces(normalizeText(text))) {
      if (piece.kind === 'word') vocabulary.add(piece.text);
      else for (const word of segmentHan(piece.text)) vocabulary.add(word);
    }
  };
  for (const doc of docs) for (const field of Object.keys(FIELD_BOOSTS) as Field[]) addWords(doc[field]);
  const { lexicon } = knowledge;
  for (const term of [...lexicon.synonyms.flat(), ...lexicon.offTopic, ...lexicon.greetings, ...lexicon.help, ...lexicon.stopWords]) {
    addWords(term);
  }
  const analyzer = createAnalyzer(compileLexicon(lexicon, baseWords(knowledge.facts)), vocabulary);

  const miniSearch = new MiniSearch<IndexedFact>({
    fields: Object.keys(FIELD_BOOSTS),
    storeFields: [],
    // Terms are analysed once, by our analyzer; MiniSearch must not split or change them again.
    tokenize: (text) => (text.startsWith(SEPARATOR) ? text.slice(1).split(SEPARATOR) : analyzer.indexTerms(text)),
    processTerm: (term) => term,
    searchOptions: { boost: { ...FIELD_BOOSTS }, combineWith: 'OR', prefix: false, fuzzy: false },
  });
  miniSearch.addAll(docs);

  const termSets = new Map<string, Set<string>>();
  const df = new Map<string, number>();
  for (const doc of docs) {
    const terms = new Set((Object.keys(FIELD_BOOSTS) as Field[]).flatMap((f) => analyzer.indexTerms(doc[f])));
    termSets.set(doc.id, terms);
    for (const term of terms) df.set(term, (df.get(term) ?? 0) + 1);
  }
  const byId = new Map(knowledge.facts.map((f) => [f.id, f]));

  return {
    analyzer,
    size: knowledge.facts.length,
    termsOf: (id) => termSets.get(id) ?? new Set(),
    documentFrequency: (term) => df.get(term) ?? 0,
    search(units) {
      const terms = [...new Set(units.flatMap((u) => u.terms))].filter((t) => df.has(t));
      if (terms.length === 0) return [];
      return miniSearch
        .search(SEPARATOR + terms.join(SEPARATOR))
        .map((r: SearchResult) => ({ fact: byId.get(String(r.id))!, score: r.score }));
    },
  };
}
