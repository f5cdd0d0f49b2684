import type { Answer, DeclineReason, Fact, Figure, Knowledge, Language } from '../types.ts';
import { buildIndex, type Hit } from '../search/index.ts';
import type { Unit } from '../search/analyzer.ts';
import { normalizeText } from '../search/normalize.ts';
import { calculate, type ScoredFigure } from './arithmetic.ts';
import { answered, composeFactAnswer, declined, exampleQuestions } from './compose.ts';
import { checkFact } from './checks.ts';
import { detectIntent, unitFits, type Intent } from './intent.ts';
import { detectLanguage } from './language.ts';
import { createMatcher, hasUnknownProperNoun } from './match.ts';

/** Thresholds of the answer decision, all on a 0..1 scale. */
export const DEFAULT_ANSWER_OPTIONS = {
  /** Share of the question's weighted words a fact must cover to be answered from. */
  minCoverage: 0.55,
  /**
   * A fact that matches at least this much evidence (in weights of the rarest word: 1.9 is about two
   * rare words) may answer with less coverage, `minStrongCoverage`: long, polite or rambling questions
   * bring many words the base never uses.
   */
  strongMatch: 1.9,
  minStrongCoverage: 0.35,
  /** With a greeting in the question, the coverage needed to answer rather than greet. */
  greetingCoverage: 0.75,
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
  /** Sum of the weights of the question's words the fact covers. */
  evidence: number;
  rank: number;
}

/** Builds the index and returns the engine. */
export function createEngine(knowledge: Knowledge, options: AnswerOptions = {}): Engine {
  const settings = { ...DEFAULT_ANSWER_OPTIONS, ...stripUndefined(options) };
  const index = buildIndex(knowledge);
  const matcher = createMatcher(index);
  const examples = { en: exampleQuestions(knowledge, 'en'), zh: exampleQuestions(knowledge, 'zh') };
  const byTopic = new Map<string, Fact[]>();
  for (const fact of knowledge.facts) {
    const list = byTopic.get(fact.topic);
    if (list) list.push(fact);
    else byTopic.set(fact.topic, [fact]);
  }
  const figureTerms = new Map<string, Set<string>>();
  /** Head terms of a figure's label and unit: "apple juice exports" names juice and exports, not apples. */
  const termsOfFigure = (g: Figure): Set<string> => {
    let terms = figureTerms.get(g.key);
    if (!terms) {
      terms = new Set(index.analyzer.analyze(`${g.label.en} ${g.label.zh} ${g.unit} ${g.unitZh}`).map((u) => u.terms[0]!));
      figureTerms.set(g.key, terms);
    }
    return terms;
  };

  /** Figures ranked by how well the question names them, then by how well their unit fits its kind. */
  const rankFigures = (units: Unit[], intent: Intent, facts: Fact[]): ScoredFigure[] =>
    facts
      .flatMap((fact) =>
        fact.figures.map((figure) => {
          const terms = termsOfFigure(figure);
          const named = matcher.evidence(terms, units);
          const fully = units.flatMap((u, i) => (matcher.strength(terms, u) === 1 ? [i] : []));
          return { fact, figure, named: fully, score: named + (named > 0 || facts.length === 1 ? unitFits(intent.kind, figure.unit) : 0) };
        }),
      )
      .sort((a, b) => b.score - a.score);

  /** Whether a candidate fact covers enough of the question to answer from. */
  const enough = (c: Candidate): boolean =>
    c.coverage >= settings.minCoverage ||
    (c.coverage >= settings.minStrongCoverage && c.evidence >= settings.strongMatch * matcher.maxWeight);

  return {
    examples: (language) => examples[language],
    answer(question, forced) {
      const language = forced ?? detectLanguage(question);
      const decline = (reason: DeclineReason, extra = '') =>
        declined(question, language, reason, knowledge.scope, examples[language], extra);
      if (question.trim() === '') return decline('empty');
      if ([...question].length > settings.maxQuestionLength) {
        const limit = language === 'zh' ? `（上限${settings.maxQuestionLength}字）` : `(limit: ${settings.maxQuestionLength} characters)`;
        return decline('too_long', limit);
      }
      const units = index.analyzer.analyze(question);
      if (units.some((u) => u.role === 'offTopic')) return decline('off_topic');
      const content = contentUnits(units);
      if (content.every((u) => matcher.unknown(u))) {
        if (units.some((u) => u.role === 'help')) return decline('help');
        if (units.some((u) => u.role === 'greeting')) return decline('greeting');
        // Nothing but question words ("tell me about gansu"): say what can be asked.
        return decline(content.length === 0 ? 'help' : 'unknown');
      }
      if (hasUnknownProperNoun(question, content, matcher)) return decline('unknown');

      const normalized = normalizeText(question);
      const intent = detectIntent(normalized);
      if (intent.operation) {
        const rank = (text: string) => rankFigures(contentUnits(index.analyzer.analyze(text)), intent, knowledge.facts);
        const calc = calculate(intent.operation, question, rank, language, intent.weakOperation);
        if (calc) return answered(question, language, calc.text, calc.facts, calc.figures, 0.8, []);
      }

      const hits = index.search(content).slice(0, 8);
      const top = hits[0]?.score ?? 0;
      const candidates: Candidate[] = hits
        .map((hit) => {
          const terms = index.termsOf(hit.fact.id);
          const coverage = matcher.coverage(terms, content);
          const evidence = matcher.evidence(terms, content);
          const fits = hit.fact.figures.some((g) => unitFits(intent.kind, g.unit) > 0) ? 0.05 : 0;
          return { hit, coverage, evidence, rank: coverage * (hit.score / top) + fits };
        })
        .sort((a, b) => b.rank - a.rank);
      const best = candidates[0];
      if (!best || !enough(best)) return decline('unknown');
      // "hi there, how's your day going?": small talk that brushes a fact is still small talk.
      const strong = best.evidence >= settings.strongMatch * matcher.maxWeight;
      if (units.some((u) => u.role === 'greeting') && best.coverage < settings.greetingCoverage && !strong) return decline('greeting');
      const fact = best.hit.fact;
      const problem = checkFact({
        question, normalized, intent, fact, factTerms: index.termsOf(fact.id), factText: JSON.stringify(fact), language,
        analyzer: index.analyzer, matcher, contentOf: contentUnits,
      });
      if (problem) return decline('unknown', problem);

      const runnerUp = candidates.find((c) => c.hit.fact.id !== fact.id && c.rank >= best.rank * settings.ambiguity);
      return composeFactAnswer({
        question,
        language,
        fact,
        lead: rankFigures(content, intent, [fact]).find((f) => f.score > 0)?.figure ?? null,
        runnerUp: runnerUp?.hit.fact ?? null,
        related: [...candidates.slice(1, 4).map((c) => c.hit.fact), ...(byTopic.get(fact.topic) ?? []).slice(0, 4)],
        confidence: best.coverage,
      });
    },
  };
}

/** Units that name what is asked: words and synonyms, not greetings or numbers (checked against the fact). */
function contentUnits(units: Unit[]): Unit[] {
  return units.filter((u) => (u.role === 'word' || u.role === 'synonym') && !/^\d+(\.\d+)?$/.test(u.raw));
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
