import { formatFigure, formatNumber, valueIn } from '../answer/format.ts';
import type { Point } from '../answer/series.ts';
import { samePeriod } from '../knowledge/period.ts';
import { message } from '../messages.ts';
import { truncate } from '../text/length.ts';
import type { Knowledge, Language, Measure, PeriodKind } from '../types.ts';
import type { ChartDescription, ChartPoint, ChartSpan } from './chart.ts';

/** Longest alt text, in characters: Telegram's caption takes 1,024 and Discord's attachment description 1,024. */
const MAX_ALT = 1000;
/** Publishers named on the source line before "and N more"; the picture has room for about one line. */
const NAMED_SOURCES = 1;
/** Longest publisher name on the source line, in characters. */
const SOURCE_NAME = 36;

const SPAN_OF: Record<PeriodKind, ChartSpan | null> = {
  year: 'year', half: 'part', quarter: 'part', months: 'part', month: 'part', day: 'part', asof: 'stock', cumulative: 'total', undated: null,
};
const LEGEND_KEY = { year: 'chartSpanYear', part: 'chartSpanPart', stock: 'chartSpanStock', total: 'chartSpanTotal' } as const;
const SPAN_ORDER: readonly ChartSpan[] = ['year', 'stock', 'part', 'total'];

/**
 * The points a chart may show: dated outcomes (no targets, no undated figures) in the unit of the
 * newest one, one per period (the first source's, as trend answers take it).
 */
function chartable(points: readonly Point[]): Point[] {
  const dated = points.filter((p) => p.figure.period.yearStated && !p.figure.period.planned && SPAN_OF[p.figure.period.kind] !== null);
  const unit = dated.at(-1)?.figure.unit;
  const out: Point[] = [];
  for (const p of dated) {
    if (p.figure.unit !== unit || out.some((q) => samePeriod(q.figure.period, p.figure.period))) continue;
    out.push(p);
  }
  return out;
}

/** Which points a line may join: years with years, counts at a date together, a part of a year with the same months of other years. */
function joinKey(p: Point, span: ChartSpan): string {
  const period = p.figure.period;
  if (span === 'year' || span === 'stock') return span;
  if (span === 'part') return `part:${period.start?.slice(5) ?? ''}..${period.end?.slice(5) ?? ''}`;
  return `total:${period.spec}`;
}

function chartPoint(p: Point, language: Language): ChartPoint {
  const span = SPAN_OF[p.figure.period.kind]!;
  return {
    period: p.figure.period[language],
    start: p.figure.period.start,
    at: p.figure.period.end!,
    value: valueIn(p.figure, language),
    display: formatFigure(p.figure, language),
    span,
    join: joinKey(p, span),
    source: p.fact.source.documentId,
  };
}

/** `Source: China Daily and 3 more`: the newest point's publisher first. */
function sourceLine(knowledge: Knowledge, points: readonly ChartPoint[], language: Language): string {
  const publisher = new Map(knowledge.documents.map((d) => [d.id, d.publisher]));
  const names = [...new Set([...points].reverse().map((p) => publisher.get(p.source) ?? p.source))];
  const named = names.slice(0, NAMED_SOURCES).map((n) => truncate(n, SOURCE_NAME, { atWord: true })).join('; ');
  const more = names.length - NAMED_SOURCES;
  const sources = more > 0 ? message('chartMoreSources', language, { first: named, count: more }) : named;
  return message('chartSource', language, { sources });
}

/** Locales of the as-of date (`31 Mar 2025`, `2025年3月31日`) and of the alt text's list (`a, b and c`, `a、b和c`). */
const DATE_LOCALES: Record<Language, string> = { en: 'en-GB', zh: 'zh-CN' };

/** `31 Mar 2025` / `2025年3月31日`, in UTC so the date never shifts with the machine's zone. */
function dateText(iso: string, language: Language): string {
  const format = new Intl.DateTimeFormat(DATE_LOCALES[language], { day: 'numeric', month: language === 'en' ? 'short' : 'long', year: 'numeric', timeZone: 'UTC' });
  return format.format(new Date(`${iso}T00:00:00Z`));
}

/**
 * The chart of one measure's series as data, or null when fewer than two periods can be shown. The
 * unit is the Chinese one in Chinese (亿元), with values scaled to it.
 */
export function describeChart(knowledge: Knowledge, measure: Measure, series: readonly Point[], language: Language, version: string): ChartDescription | null {
  const chosen = chartable(series);
  if (chosen.length < 2) return null;
  const newest = chosen.at(-1)!.figure;
  const points = chosen.map((p) => chartPoint(p, language));
  const unit = language === 'zh' ? newest.unitZh : newest.unit;
  const title = measure.name[language];
  const asOf = points.reduce((max, p) => (p.at > max ? p.at : max), '');
  const listed = points.map((p) => (p.span === 'part' ? message('chartPartPoint', language, { period: p.period, value: formatNumber(p.value) }) : `${p.period} ${formatNumber(p.value)}`));
  const alt = message('chartAlt', language, { title, unit, points: new Intl.ListFormat(DATE_LOCALES[language], { type: 'conjunction' }).format(listed) });
  const spans = SPAN_ORDER.filter((s) => points.some((p) => p.span === s));
  return {
    measure: measure.id,
    language,
    title,
    unit,
    axis: { x: message('chartAxisPeriod', language), y: unit },
    points,
    legend: spans.map((span) => ({ span, label: message(LEGEND_KEY[span], language) })),
    source: sourceLine(knowledge, points, language),
    asOf,
    asOfLine: message('chartAsOf', language, { date: dateText(asOf, language) }),
    alt: truncate(alt, MAX_ALT),
    version,
  };
}
