import type { Fact, Figure, Knowledge, Period } from '../types.ts';
import { samePeriod } from '../knowledge/period.ts';

/** One figure of a series, with its fact and the date used to order it. */
export interface Point {
  fact: Fact;
  figure: Figure;
  /** ISO date the period ends on; for an undated period, its document's publication bound. */
  at: string;
}

/** Figures grouped by measure, each series in period order. */
export interface SeriesIndex {
  /** The measure's points in period order (oldest first); empty for an unknown measure. */
  of(measure: string): readonly Point[];
  measures(): string[];
}

/** Publication dates by document id, for {@link dateOfFigure}. */
export function publicationDates(knowledge: Knowledge): ReadonlyMap<string, string> {
  return new Map(knowledge.documents.map((d) => [d.id, d.published]));
}

/** The date that orders a figure in time: its period's end, or its document's publication for an undated one. */
export function dateOfFigure(fact: Fact, figure: Figure, published: ReadonlyMap<string, string>): string {
  return figure.period.end ?? published.get(fact.source.documentId) ?? '';
}

/** Builds the series of every measure: the figures that count the same thing, across sources. */
export function buildSeries(knowledge: Knowledge): SeriesIndex {
  const published = publicationDates(knowledge);
  const byMeasure = new Map<string, Point[]>();
  for (const fact of knowledge.facts) {
    for (const figure of fact.figures) {
      const at = dateOfFigure(fact, figure, published);
      const list = byMeasure.get(figure.measure) ?? [];
      list.push({ fact, figure, at });
      byMeasure.set(figure.measure, list);
    }
  }
  for (const list of byMeasure.values()) list.sort((a, b) => a.at.localeCompare(b.at) || spanDays(b.figure.period) - spanDays(a.figure.period));
  return { of: (measure) => byMeasure.get(measure) ?? [], measures: () => [...byMeasure.keys()] };
}

/**
 * How well a figure's period answers the period asked for: 2 the same span (H1 2022 is Jan-Jun 2022),
 * 1 a point inside it (an event or an as-of count in the year asked), 0 not at all.
 */
export function periodFit(asked: Period, p: Period): number {
  if (!p.yearStated || !asked.start || !asked.end || !p.end) return 0;
  if (p.kind !== 'asof' && p.kind !== 'cumulative' && p.start === asked.start && p.end === asked.end) return 2;
  const inside = p.end >= asked.start && p.end <= asked.end;
  // "By the end of May 2022": a running total or a count as of a date inside the span asked.
  if (inside && (p.kind === 'day' || p.kind === 'asof' || p.kind === 'cumulative')) return 1;
  // Part of the year asked (Jan-Sep 2024 for "in 2024"): usable, and the answer names its span.
  if (asked.kind === 'year' && inside && p.start !== null && p.start >= asked.start) return 0.5;
  return 0;
}

/** Points that match `asked`, best fit first. */
export function pointsFor(points: readonly Point[], asked: Period): Point[] {
  return points.map((p) => ({ p, fit: periodFit(asked, p.figure.period) })).filter((x) => x.fit > 0).sort((a, b) => b.fit - a.fit).map((x) => x.p);
}

/** The newest point; ties on the date keep the longer span (a full year over its last quarter). */
export function latest(points: readonly Point[]): Point | null {
  return points.at(-1) ?? null;
}

/** Points of the same period as `point` that state another value: sources that disagree. */
/** "As of 2023" and "as of January 2023": one source's count for the year and another's within it. */
function sameYearStock(a: Period, b: Period): boolean {
  if (a.kind !== 'asof' || b.kind !== 'asof' || !a.yearStated || !b.yearStated) return false;
  const yearOnly = (p: Period) => /^asof \d{4}$/.test(p.spec);
  return (yearOnly(a) || yearOnly(b)) && a.spec.slice(5, 9) === b.spec.slice(5, 9);
}

export function conflicting(points: readonly Point[], point: Point): Point[] {
  return points.filter(
    (p) =>
      p !== point &&
      p.fact.source.documentId !== point.fact.source.documentId &&
      p.figure.unit === point.figure.unit &&
      (samePeriod(p.figure.period, point.figure.period) || sameYearStock(p.figure.period, point.figure.period)) &&
      Math.abs(p.figure.value - point.figure.value) > 1e-9,
  );
}

/** One point per period for a trend: the span kind of `like` (years with years), first source per period. */
export function trendPoints(points: readonly Point[], like: Point): Point[] {
  const kind = like.figure.period.kind;
  const out: Point[] = [];
  for (const p of points) {
    if (p.figure.period.kind !== kind || !p.figure.period.yearStated || p.figure.unit !== like.figure.unit) continue;
    if (kind !== 'year' && kind !== 'asof' && kind !== 'cumulative' && monthsOf(p.figure.period) !== monthsOf(like.figure.period)) continue;
    if (out.some((q) => samePeriod(q.figure.period, p.figure.period))) continue;
    out.push(p);
  }
  return out;
}

/** `01-09` for Jan-Sep of any year: spans compare across years by their months. */
function monthsOf(p: Period): string {
  return `${p.start?.slice(5, 7) ?? ''}-${p.end?.slice(5, 7) ?? ''}`;
}

function spanDays(p: Period): number {
  if (!p.start || !p.end) return 0;
  return (Date.parse(p.end) - Date.parse(p.start)) / 86_400_000;
}
