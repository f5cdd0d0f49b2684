import type { Fact, Figure, FigureView, Language } from '../types.ts';
import { formatFigure, formatNumber } from './format.ts';
import type { Operation } from './intent.ts';
import { viewFigure } from './compose.ts';

/** A figure of the base with how well a question names it. */
export interface ScoredFigure {
  fact: Fact;
  figure: Figure;
  score: number;
}

/** The result of arithmetic across two figures, ready to answer with. */
export interface Calculation {
  text: string;
  facts: Fact[];
  figures: FigureView[];
}

const SYMBOL: Record<Operation, string> = { sum: '+', difference: '−', ratio: '÷' };
const WORD: Record<Operation, { en: string; zh: string }> = {
  sum: { en: 'Combined', zh: '合计' },
  difference: { en: 'Difference', zh: '相差' },
  ratio: { en: 'Ratio', zh: '比值' },
};

/**
 * Computes `operation` over the two figures the question names best. Sums and differences need the
 * same unit; a ratio needs the same kind of unit. Returns null when fewer than two figures are named,
 * and an explanation instead of a number when their units do not mix.
 */
export function calculate(operation: Operation, ranked: ScoredFigure[], language: Language): Calculation | null {
  const named = ranked.filter((c) => c.score > 0);
  const first = named[0];
  const second = named.find((c) => c.figure.key !== first?.figure.key && c.score >= (first?.score ?? 0) * 0.5);
  if (!first || !second) return null;
  const [a, b] = operation === 'ratio' ? [first, second] : [first, second].sort((x, y) => y.figure.value - x.figure.value) as [ScoredFigure, ScoredFigure];
  const views = [viewFigure(a.fact, a.figure, language), viewFigure(b.fact, b.figure, language)];
  const facts = [...new Map([a.fact, b.fact].map((f) => [f.id, f])).values()];
  const shown = views.map((v) => `${v.label} ${v.display}`);
  const compatible = operation === 'ratio' ? family(a.figure.unit) === family(b.figure.unit) : a.figure.unit === b.figure.unit;
  if (!compatible) {
    const text =
      language === 'zh'
        ? `这两个数字单位不同，无法直接计算：${shown.join('；')}。`
        : `These figures are in different units, so I can't combine them: ${shown.join('; ')}.`;
    return { text, facts, figures: views };
  }
  const value = apply(operation, a.figure.value, b.figure.value);
  const result =
    operation === 'ratio'
      ? formatNumber(value)
      : formatFigure({ ...a.figure, value }, language).replace(/^over /, '');
  const periods = [...new Set(views.map((v) => v.period))].join(language === 'zh' ? '、' : ', ');
  const text =
    language === 'zh'
      ? `${WORD[operation].zh}：${result}（${shown.join(` ${SYMBOL[operation]} `)}；${periods}）。`
      : `${WORD[operation].en}: ${result} (${shown.join(` ${SYMBOL[operation]} `)}; ${periods}).`;
  return { text, facts, figures: views };
}

function apply(operation: Operation, a: number, b: number): number {
  const raw = operation === 'sum' ? a + b : operation === 'difference' ? a - b : a / b;
  return Math.round(raw * 1000) / 1000;
}

function family(unit: string): 'money' | 'percent' | 'rank' | 'count' {
  if (/usd|\$/i.test(unit)) return 'money';
  if (unit.startsWith('%')) return 'percent';
  if (/^th\b|edition/.test(unit)) return 'rank';
  return 'count';
}
