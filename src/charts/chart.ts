import type { Language, Measure } from '../types.ts';

/**
 * How a point's period counts. A chart joins only points of one kind and span (years with years, H1
 * with H1): a quarter drawn on a line of full years would read as a collapse.
 */
export type ChartSpan = 'year' | 'part' | 'stock' | 'total';

/** One value of a chart, already in the chart's language and unit. */
export interface ChartPoint {
  /** The period as people read it (`Q1 2025`, `2025年第一季度`). */
  period: string;
  /** ISO dates the period starts (null for a count at a date) and ends on. */
  start: string | null;
  at: string;
  value: number;
  /** Value and unit as the answers print them (`61.54 billion yuan`, `615.4亿元`). */
  display: string;
  span: ChartSpan;
  /** Points with the same key may be joined by a line; a key held by one point is drawn alone. */
  join: string;
  /** The id of the document that states it. */
  source: string;
}

/**
 * A chart as data: everything a renderer draws, worded in the chart's language, so every platform
 * (PNG, sparkline, caption) shows the same thing and no platform words anything.
 */
export interface ChartDescription {
  measure: string;
  language: Language;
  title: string;
  /** The value axis' unit (`billion yuan`, `亿元`, `%`). */
  unit: string;
  axis: { x: string; y: string };
  /** Oldest first; two or more, of one unit. */
  points: ChartPoint[];
  /** The legend line of each kind of span present, in drawing order. */
  legend: Array<{ span: ChartSpan; label: string }>;
  /** `Source: …`: the publishers of the points, newest first. */
  source: string;
  /** ISO date of the newest period shown, and its line (`Data as of 31 Mar 2025`). */
  asOf: string;
  asOfLine: string;
  /** A text description with every number, for screen readers and captions (at most 1,000 characters). */
  alt: string;
  /** The knowledge version it was made from: a cached picture of an older base is never served. */
  version: string;
}

/** A chart of one measure, or why there is none (an unknown measure, or fewer than two periods). */
export type ChartResult =
  | { ok: true; chart: ChartDescription }
  | { ok: false; reason: 'unknown_measure' | 'too_few_points'; measures: Measure[] };
