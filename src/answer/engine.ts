import type { Answer, Fact, Knowledge, Language } from '../types.ts';
import { buildIndex, type Hit } from '../search/index.ts';
import type { Unit } from '../search/analyzer.ts';
import { normalizeText } from '../search/normalize.ts';
import { calculate, type ScoredFigure } from './arithmetic.ts';
import { answered, declined, exampleQuestions, figureLead, fitText, viewFigure } from './compose.ts';
import { detectIntent, unitFits, type Intent } from './intent.ts';
import { detectLanguage } from './language.ts';

/** Thresholds of the answer decision, all on a 0..1 scale. */
export const DEFAULT_ANSWER_OPTIONS = {
  /** Share of the question's weighted words a fact must cover to be answered from. */
  minCoverage: 0.5,
  /** A runner-up this close to the winner (as a share of its rank) is offered as the alternative. */
  ambiguity: 0.9,
  /** Longest question answered, in characters. */
  maxQuestionLength: 500,
} as const;

export type AnswerOptions = { -readonly [K in keyof typeof DEFAULT_ANSWER_OPTIONS]?: number };

/** Answers questions from a knowledge base; built once, then pure per question. */
export interface Engine {
  answer(question: string, language?: Language): Answer;
  examples(language: Language): string[];
}

interface Candidate {
  hit: Hit;
  coverage: number;
  rank: number;
}

/** Builds the index and returns the engine. */
export function createEngine(knowledge: Knowledge, options: AnswerOptions = {}): Engine {
  const settings = { ...DEFAULT_ANSWER_OPTIONS, ...stripUndefined(options) };
  const index = buildIndex(knowledge);
  const maxWeight = Math.log(1 + index.size);
  const examples = { en: exampleQuestions(knowledge, 'en'), zh: exampleQuestions(knowledge, 'zh') };
  const figureTerms = new Map(
    knowledge.facts.flatMap((fact) =>
      fact.figures.map((g) => [g.key, new Set(index.analyzer.indexTerms(`${g.label.en} ${g.label.zh} ${g.unit} ${g.unitZh}`))]),
    ),
  );

  /** Rare words say more about what is asked; words the base never uses weigh most of all. */
  const weight = (unit: Unit): number => {
    const dfs = unit.terms.map((t) => index.documentFrequency(t)).filter((df) => df > 0);
    return dfs.length === 0 ? maxWeight : Math.log(1 + index.size / Math.min(...dfs));
  };
  const covers = (terms: ReadonlySet<string>, unit: Unit) => unit.terms.some((t) => terms.has(t));

  const rankFigures = (units: Unit[], intent: Intent, facts: Fact[]): ScoredFigure[] =>
    facts
      .flatMap((fact) =>
        fact.figures.map((figure) => {
          const terms = figureTerms.get(figure.key)!;
          const named = units.reduce((sum, u) => sum + (covers(terms, u) ? weight(u) : 0), 0);
          return { fact, figure, score: named + (named > 0 || facts.length === 1 ? unitFits(intent.kind, figure.unit) : 0) };
        }),
      )
      .sort((a, b) => b.score - a.score);

  return {
    examples: (language) => examples[language],
    answer(question, forced) {
      const language = forced ?? detectLanguage(question);
      const decline = (reason: Parameters<typeof declined>[2], extra = '') => declined(question, language, reason, examples[language], extra);
      if (question.trim() === '') return decline('empty');
      if ([...question].length > settings.maxQuestionLength) {
        const limit = language === 'zh' ? `（上限${settings.maxQuestionLength}字）` : `(limit: ${settings.maxQuestionLength} characters)`;
        return decline('too_long', limit);
      }
      const units = index.analyzer.analyze(question);
      if (units.some((u) => u.role === 'offTopic')) return decline('off_topic');
      const content = units.filter((u) => u.role === 'word' || u.role === 'synonym');
      if (content.length === 0 || content.every((u) => weight(u) === maxWeight && u.role === 'word')) {
        if (units.some((u) => u.role === 'help')) return decline('help');
        if (units.some((u) => u.role === 'greeting')) return decline('greeting');
        return decline(content.length === 0 && units.length === 0 ? 'empty' : 'unknown');
      }
      if (unknownProperNoun(question, content, weight, maxWeight)) return decline('unknown');

      const normalized = normalizeText(question);
      const intent = detectIntent(normalized);
      if (intent.operation) {
        const calc = calculate(intent.operation, rankFigures(content, intent, knowledge.facts), language);
        if (calc) return answered(question, language, calc.text, calc.facts, calc.figures, 0.8, []);
      }

      const total = content.reduce((sum, u) => sum + weight(u), 0);
      const hits = index.search(content).slice(0, 8);
      const top = hits[0]?.score ?? 0;
      const candidates: Candidate[] = hits
        .map((hit) => {
          const terms = index.termsOf(hit.fact.id);
          const coverage = content.reduce((sum, u) => sum + (covers(terms, u) ? weight(u) : 0), 0) / total;
          const fits = hit.fact.figures.some((g) => unitFits(intent.kind, g.unit) > 0) ? 0.05 : 0;
          return { hit, coverage, rank: coverage * Math.sqrt(hit.score / top) + fits };
        })
        .sort((a, b) => b.rank - a.rank);
      const best = candidates[0];
      if (!best || best.coverage < settings.minCoverage) return decline('unknown');

      const fact = best.hit.fact;
      const runnerUp = candidates.find((c) => c.hit.fact.id !== fact.id && c.rank >= best.rank * settings.ambiguity);
      const figures = rankFigures(content, intent, [fact]);
      const lead = figures[0] && figures[0].score > 0 ? figures[0] : null;
      const views = fact.figures.map((g) => viewFigure(fact, g, language));
      if (lead) views.sort((a, b) => Number(b.label === lead.figure.label[language]) - Number(a.label === lead.figure.label[language]));
      const leadText = lead ? figureLead(viewFigure(fact, lead.figure, language), language) : '';
      const alsoText = runnerUp
        ? language === 'zh'
          ? `（另见：${runnerUp.hit.fact.title.zh}）`
          : `(See also: ${runnerUp.hit.fact.title.en}.)`
        : '';
      const body = fitText([leadText, fact.answer[language]], language);
      const text = body.length + alsoText.length + 1 <= 300 ? fitText([body, alsoText], language) : body;
      const followUps = [
        ...(runnerUp ? [runnerUp.hit.fact] : []),
        ...candidates.slice(1).map((c) => c.hit.fact),
        ...knowledge.facts.filter((f) => f.topic === fact.topic),
      ]
        .filter((f, i, all) => f.id !== fact.id && all.findIndex((g) => g.id === f.id) === i)
        .slice(0, 3)
        .map((f) => f.questions[0]![language]);
      return answered(question, language, text, [fact], views, best.coverage, followUps);
    },
  };
}

/**
 * A capitalised word the base never mentions, in the middle of an English question, is usually a place
 * or thing the facts do not cover ("... did Xinjiang send?"): answering would be answering something near.
 */
function unknownProperNoun(question: string, content: Unit[], weight: (u: Unit) => number, maxWeight: number): boolean {
  const unknown = new Set(content.filter((u) => u.role === 'word' && weight(u) === maxWeight).map((u) => u.raw));
  if (unknown.size === 0) return false;
  const words = question.split(/(?<=[.?!]\s*)|\s+/).filter(Boolean);
  return words.some((w, i) => i > 0 && /^[A-Z][a-z]{2,}/.test(w) && unknown.has(w.toLowerCase().replace(/[^a-z]/g, '')));
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
