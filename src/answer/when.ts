import type { Fact, Figure, Period } from '../types.ts';
import { isPartialYear } from '../knowledge/period.ts';
import { conflicting, latest, periodFit, pointsFor, trendPoints, type Point, type SeriesIndex } from './series.ts';
import type { TimeQuery } from './timeline.ts';

/** What the answer is, once time is taken into account. */
export type TimeChoice =
  | {
      kind: 'fact';
      fact: Fact;
      lead: Figure | null;
      /** The latest full year, when the answer's figure is only part of a year. */
      fullYear: Point | null;
      /** Other sources' values for the same measure and period. */
      conflicts: Point[];
      /** The period asked for ("this year") when the answer is the latest figure instead. */
      instead: Period | null;
      /** The most recently published figure of the measure, when it is not the latest period's. */
      published: Point | null;
    }
  | { kind: 'trend'; points: Point[]; from: Point | null; to: Point | null }
  | { kind: 'missing'; measure: string; periods: Period[] };

/** What {@link placeInTime} needs: the best fact and its lead figure, the alternatives, and the checks. */
export interface TimeContext {
  time: TimeQuery;
  fact: Fact;
  /** The figures of `fact` the question names, best first (the first leads the answer). */
  named: Figure[];
  /** Other candidate facts that cover the question well enough, best first. */
  alternatives: readonly Fact[];
  series: SeriesIndex;
  /** True when a fact holds everything else the question names (its numbers, dates, counted thing). */
  passes(fact: Fact): boolean;
  /** The publication date (or bound) of a fact's document. */
  publishedOf(fact: Fact): string;
  /** True when a fact holds the period asked (a figure of it, or its year in a fact without figures). */
  holds(fact: Fact): boolean;
  /** True when a fact matches the question about as well as `fact`: only such a fact may stand in as newer. */
  matchesAsWell(fact: Fact): boolean;
}

/**
 * Places the answer in time: the period asked for (switching to the source that has it), the latest
 * figure of the measure when no period is asked, or the series for a trend. A measure known but not for
 * the period asked is `missing`, so the engine declines naming the periods it has.
 */
export function placeInTime(ctx: TimeContext): TimeChoice {
  const { time, fact, named } = ctx;
  const lead = named[0] ?? (fact.figures.length === 1 ? fact.figures[0]! : null);
  const points = lead ? ctx.series.of(lead.measure) : [];
  const shared = points.length > 1;
  // "From H1 2022 to H1 2023": the two ends asked for, from the first named measure that has both.
  if (time.range) {
    for (const g of named.length > 0 ? named : fact.figures) {
      const own = ctx.series.of(g.measure);
      const from = pointsFor(own, time.range.from)[0];
      const to = time.range.to ? pointsFor(own, time.range.to)[0] : own.at(-1);
      if (!from || !to || from === to) continue;
      const between = trendPoints(own, to).filter((p) => p.at > from.at && p.at < to.at);
      return { kind: 'trend', points: [from, ...between, to], from, to };
    }
  }
  if ((time.trend || time.range) && shared && lead) {
    const here = points.find((p) => p.figure === lead) ?? points.at(-1)!;
    const trend = trendPoints(points, here);
    if (trend.length >= 2) {
      const from = time.range ? (pointsFor(trend, time.range.from)[0] ?? null) : null;
      const to = time.range?.to ? (pointsFor(trend, time.range.to)[0] ?? null) : null;
      return { kind: 'trend', points: trend, from, to };
    }
  }
  const asked = time.period;
  if (asked) {
    const min = time.wholeYear ? 1 : 0;
    const fit = (g: Figure) => periodFit(asked, g.period) > min;
    const fits = (f: Fact) => f.figures.some(fit);
    if (ctx.holds(fact) || (fits(fact) && !shared)) return single(fact, named.find(fit) ?? lead, points);
    for (const g of named.length > 0 ? named : fact.figures) {
      const own = ctx.series.of(g.measure);
      if (own.length < 2) continue;
      const match = pointsFor(own, asked).find((p) => ctx.passes(p.fact) && fit(p.figure));
      if (match) return single(match.fact, match.figure, own);
    }
    const other = ctx.alternatives.find((f) => fits(f) && ctx.passes(f));
    if (other) return single(other, other.figures.find(fit) ?? null, other.figures[0] ? ctx.series.of(other.figures[0].measure) : []);
    // "this year" before any source covers it: the latest figure, saying so.
    if (time.current && lead) {
      const newest = [...points].reverse().find((p) => sameKindOfCount(p.figure, lead)) ?? { fact, figure: lead, at: '' };
      return { ...single(newest.fact, newest.figure, points), instead: asked };
    }
    if (lead) return { kind: 'missing', measure: lead.measure, periods: uniquePeriods(shared ? points : [{ fact, figure: lead, at: '' }]) };
    return single(fact, lead, points);
  }
  if (shared && lead && named.length > 0) {
    // The latest figure of the measure, from a fact that fits the question as well ("the first fair" keeps 1993).
    const newest = [...points].reverse().find((p) => ctx.passes(p.fact) && sameKindOfCount(p.figure, lead) && ctx.matchesAsWell(p.fact));
    if (newest) return { ...single(newest.fact, newest.figure, points), published: newestPublished(points, newest, ctx) };
  }
  return single(fact, lead, points);
}

function single(fact: Fact, lead: Figure | null, points: readonly Point[]): Extract<TimeChoice, { kind: 'fact' }> {
  const point = points.find((p) => p.figure === lead);
  const conflicts = point ? conflicting(points, point) : [];
  let fullYear: Point | null = null;
  if (lead && isPartialYear(lead.period.kind)) {
    const years = points.filter((p) => p.figure.period.kind === 'year' && p.figure.unit === lead.unit && p.at <= (point?.at ?? '9999'));
    fullYear = latest(years);
  }
  return { kind: 'fact', fact, lead, fullYear, conflicts, instead: null, published: null };
}

/** A rate and an amount never stand in for each other, whatever the curator's measure says. */
function sameKindOfCount(a: Figure, b: Figure): boolean {
  return a.unit.startsWith('%') === b.unit.startsWith('%');
}

/**
 * The figure of the most recently published source, when it differs from the latest period's: a
 * reader who saw the newest report expects its number too.
 */
function newestPublished(points: readonly Point[], chosen: Point, ctx: TimeContext): Point | null {
  let best: Point | null = null;
  for (const p of points) {
    if (!ctx.passes(p.fact) || !sameKindOfCount(p.figure, chosen.figure) || p.fact.source.documentId === chosen.fact.source.documentId) continue;
    if (!best || ctx.publishedOf(p.fact) > ctx.publishedOf(best.fact)) best = p;
  }
  return best && ctx.publishedOf(best.fact) > ctx.publishedOf(chosen.fact) && best.figure.value !== chosen.figure.value ? best : null;
}

function uniquePeriods(points: readonly Point[]): Period[] {
  const seen = new Set<string>();
  return points.map((p) => p.figure.period).filter((p) => (seen.has(p.spec) ? false : (seen.add(p.spec), true)));
}
