import MiniSearch from 'minisearch';
import { detectLanguage } from '../answer/language.ts';
import type { Knowledge, Language } from '../types.ts';
import { normalizeText, segmentHan, splitPieces } from './normalize.ts';

/** Suggests questions from the base as the user types, for autocomplete. */
export interface Suggester {
  suggest(partial: string, limit: number): string[];
}

interface QuestionDoc {
  id: number;
  text: string;
  language: Language;
}

/** Plain words for autocomplete: prefixes matter here, so no stemming or synonyms. */
function words(text: string): string[] {
  return splitPieces(normalizeText(text)).flatMap((p) => (p.kind === 'han' ? [...segmentHan(p.text), ...p.text] : [p.text]));
}

/**
 * Indexes every example question of the base (and fact titles, as questions people may type) with
 * MiniSearch prefix and fuzzy search; empty input lists the first examples in the input's language.
 */
export function createSuggester(knowledge: Knowledge): Suggester {
  const docs: QuestionDoc[] = knowledge.facts.flatMap((fact) =>
    fact.questions.flatMap((q) => [
      { text: q.en, language: 'en' as const },
      { text: q.zh, language: 'zh' as const },
    ]),
  ).map((d, id) => ({ ...d, id }));
  const search = new MiniSearch<QuestionDoc>({
    fields: ['text'],
    storeFields: ['text', 'language'],
    tokenize: words,
    processTerm: (term) => term,
    searchOptions: { prefix: true, fuzzy: (term) => (term.length >= 5 ? 0.2 : false), combineWith: 'AND' },
  });
  search.addAll(docs);
  return {
    suggest(partial, limit) {
      const query = partial.trim().slice(0, 200);
      const language = detectLanguage(query);
      if (query === '') return docs.filter((d) => d.language === 'en').slice(0, limit).map((d) => d.text);
      let results = search.search(query);
      if (results.length === 0) results = search.search(query, { combineWith: 'OR' });
      // Several sources share example questions; each is offered once.
      const texts = results
        .sort((a, b) => Number(b.language === language) - Number(a.language === language) || b.score - a.score)
        .map((r) => String(r.text));
      return [...new Set(texts)].slice(0, limit);
    },
  };
}
