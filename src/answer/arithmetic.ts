import { message, type MessageKey } from '../messages.ts';
import type { Fact, Figure, FigureView, Language } from '../types.ts';
import { formatFigure, formatNumber } from './format.ts';
import type { Operation } from './intent.ts';
import { viewFigure } from './compose.ts';

/** A figure of the base with how well a question names it. */
export interface ScoredFigure {
  fact: Fact;
  figure: Figure;
  score: number;
  /** Positions of the question's words that name this figure fully. */
  named: number[];
}

/** Ranks the base's figures by how well a piece of text names them. */
export type FigureRanker = (text: string) => ScoredFigure[];

// Words that join the two things compared: "ratio of A to B", "A and B combined", "A 和 B".
const JOINERS = /\s(?:to|and|vs\.?|versus|plus|minus|than|over|divided by|with|per|for each|each)\s|\s?\+\s?|[和与跟同比及、]|是(?=.*倍)/;

/** The result of arithmetic across two figures, ready to answer with. */
export interface Calculation {
  text: string;
  facts: Fact[];
  figures: FigureView[];
}

const SYMBOL: Record<Operation, string> = { sum: '+', difference: '−', ratio: '÷' };
const WORD: Record<Operation, MessageKey> = { sum: 'operationSum', difference: 'operationDifference', ratio: 'operationRatio' };

/**
 * Computes `operation` over the two figures the question names, in its order. Both must be the same kind of
 * quantity (money, percent, count; ranks never mix); a result keeps the unit only when both share it.
 * Returns null when fewer than two figures are named, and an explanation when the kinds do not mix.
 */
export function calculate(
  operation: Operation,
  question: string,
  rank: FigureRanker,
  language: Language,
  joinedOnly = false,
): Calculation | null {
  const pair = pickPair(question, rank, joinedOnly);
  if (!pair) return null;
  const [first, second] = pair;
  const [a, b] = operation !== 'difference' || first.figure.value >= second.figure.value ? [first, second] : [second, first];
  const views = [viewFigure(a.fact, a.figure, language), viewFigure(b.fact, b.figure, language)];
  const facts = [...new Map([a.fact, b.fact].map((f) => [f.id, f])).values()];
  const shown = views.map((v) => `${v.label} ${v.display}`);
  const sameUnit = a.figure.unit === b.figure.unit;
  const [kindA, kindB] = [family(a.figure.unit), family(b.figure.unit)];
  // Tonnes per wagon is a ratio worth giving; their sum is not.
  const countable = (kind: string) => kind === 'count' || kind === 'measure';
  const compatible = kindA !== 'rank' && (kindA === kindB || (operation === 'ratio' && countable(kindA) && countable(kindB)));
  // Figures of different kinds, growth rates added up, or amounts in different units of measure
  // (tonnes and km) make no sum: leave the question to retrieval.
  const unlike = kindA === 'measure' && !sameUnit && operation !== 'ratio';
  if (!compatible || unlike || (operation === 'sum' && kindA === 'percent')) return null;
  const value = apply(operation, a.figure.value, b.figure.value);
  const result =
    operation === 'ratio' || !sameUnit
      ? formatNumber(value)
      : operation === 'difference' && family(a.figure.unit) === 'percent'
        ? `${formatNumber(value)} ${language === 'zh' ? '个百分点' : 'percentage points'}`
        : formatFigure({ ...a.figure, value }, language).replace(/^over /, '');
  const periods = [...new Set(views.map((v) => v.period))].join(language === 'zh' ? '、' : ', ');
  const text =
    language === 'zh'
      ? `${message(WORD[operation], language)}：${result}（${shown.join(` ${SYMBOL[operation]} `)}；${periods}）。`
      : `${message(WORD[operation], language)}: ${result} (${shown.join(` ${SYMBOL[operation]} `)}; ${periods}).`;
  return { text, facts, figures: views };
}

/** Candidates considered on each side of the joining word. */
const PAIR_CANDIDATES = 5;
/** Added to a pair whose figures one source states (scores are relative to each side's best, 0..1). */
const SAME_SOURCE_BONUS = 0.5;

/**
 * The two figures in the order the question names them: the best figure for the words before the
 * joining word ("to", "and", "和") and the best other one after it; failing that, the two best overall.
 */
function pickPair(question: string, rank: FigureRanker, joinedOnly: boolean): [ScoredFigure, ScoredFigure] | null {
  const match = JOINERS.exec(question);
  if (match) {
    // Of the few best on each side, the pair that one source states together wins: two figures named in
    // one question usually come from one statement, and a base of many sources has look-alikes.
    const befores = rank(question.slice(0, match.index)).filter((c) => c.score > 0).slice(0, PAIR_CANDIDATES);
    const afters = rank(question.slice(match.index + match[0].length)).filter((c) => c.score > 0).slice(0, PAIR_CANDIDATES);
    let best: { pair: [ScoredFigure, ScoredFigure]; score: number } | null = null;
    for (const before of befores) {
      for (const after of afters) {
        if (after.figure.key === before.figure.key) continue;
        const together = after.fact.source.documentId === before.fact.source.documentId ? SAME_SOURCE_BONUS : 0;
        const score = before.score / befores[0]!.score + after.score / afters[0]!.score + together;
        if (!best || score > best.score) best = { pair: [before, after], score };
      }
    }
    if (best) return best.pair;
  }
  if (joinedOnly) return null;
  // Without a joining word, the question must still tell the two apart: one needs a word of its own.
  const ranked = rank(question).filter((c) => c.score > 0);
  const first = ranked[0];
  const own = (a: ScoredFigure, b: ScoredFigure) => a.named.some((i) => !b.named.includes(i));
  const second = ranked.find((c) => c.figure.key !== first?.figure.key && c.score >= (first?.score ?? 0) * 0.5);
  return first && second && (own(first, second) || own(second, first)) ? [first, second] : null;
}

/** Sums and differences keep the inputs' precision (up to 3 decimals); ratios are shown to 2. */
function apply(operation: Operation, a: number, b: number): number {
  const raw = operation === 'sum' ? a + b : operation === 'difference' ? a - b : a / b;
  const scale = operation === 'ratio' ? 100 : 1000;
  return Math.round(raw * scale) / scale;
}

function family(unit: string): 'usd' | 'yuan' | 'percent' | 'rank' | 'measure' | 'count' {
  if (/usd|\$/i.test(unit)) return 'usd';
  if (/yuan|元/i.test(unit)) return 'yuan';
  if (unit.startsWith('%')) return 'percent';
  if (/^th\b|edition/.test(unit)) return 'rank';
  // Weights, lengths, areas and times: a tonne is not a wagon, so these never mix with counts.
  if (/\b(tonnes?|tons?|kg|kilograms?|km|kilomet(re|er)s?|square|m2|hectares?|mu|days?|hours?|minutes?|weeks?|months?|years?|teu)\b/i.test(unit)) return 'measure';
  return 'count';
}
