import type { ChartDescription, ChartSpan } from '../../src/index.ts';
import { formatNumber } from '../../src/index.ts';
import type { TopLevelSpec } from 'vega-lite';
import { CHART_FONT_FAMILY } from './fonts.ts';

/** The picture's size in pixels: 16:9, as chat apps show photos on a phone without cropping. */
export const CHART_SIZE = { width: 800, height: 450 } as const;

/** Widest title or subtitle line, in pixels; longer ones end in an ellipsis rather than squeeze the plot. */
const TITLE_WIDTH = CHART_SIZE.width - 40;

/** Type sizes in pixels: large enough to read on a phone once the picture is shrunk to its width. */
const TYPE = { title: 30, subtitle: 17, axis: 19, label: 18, legend: 18 } as const;

/** How each kind of span is drawn: full years solid and filled, parts of a year hollow and dashed. */
const STYLE: Record<ChartSpan, { colour: string; shape: string; fill: string; dash: number[] }> = {
  year: { colour: '#1f5f8b', shape: 'circle', fill: '#1f5f8b', dash: [1, 0] },
  stock: { colour: '#2f7d6d', shape: 'square', fill: '#2f7d6d', dash: [1, 0] },
  part: { colour: '#c8702a', shape: 'circle', fill: '#ffffff', dash: [7, 5] },
  total: { colour: '#6c5f91', shape: 'diamond', fill: '#6c5f91', dash: [2, 4] },
};

/** Most points labelled with their value: beyond it only each kind's newest keeps its label, so labels never pile up. */
const MAX_LABELS = 4;
/** Most year labels on the time axis. */
const MAX_YEAR_TICKS = 7;

/** A period's middle: a year stands between its ticks, a quarter inside its year (counts and running totals stand at their date). */
function middleOf(start: string | null, end: string): string {
  if (!start) return end;
  return new Date((Date.parse(start) + Date.parse(end)) / 2).toISOString().slice(0, 10);
}

/** Which points carry a value label: all when few, else the newest of each kind of span. */
function labelled(chart: ChartDescription): Set<number> {
  if (chart.points.length <= MAX_LABELS) return new Set(chart.points.map((_, i) => i));
  const newest = new Map<ChartSpan, number>();
  chart.points.forEach((p, i) => newest.set(p.span, i));
  return new Set(newest.values());
}

/**
 * A chart description as a Vega-Lite spec: value against the period's end date, a line only through
 * points that may be joined (see `ChartPoint.join`), each kind of span with its own mark and legend
 * entry, the source and as-of date under the title. Pure: the same description gives the same spec.
 */
export function chartSpec(chart: ChartDescription): TopLevelSpec {
  const labels = labelled(chart);
  const joins = new Map<string, number>();
  for (const p of chart.points) joins.set(p.join, (joins.get(p.join) ?? 0) + 1);
  const values = chart.points.map((p, i) => ({
    at: p.span === 'year' || p.span === 'part' ? middleOf(p.start, p.at) : p.at, value: p.value, span: p.span, join: p.join,
    // The dash's own field: on `span` its hidden legend would merge with (and disable) the marks' legend.
    dash: p.span,
    joined: (joins.get(p.join) ?? 0) > 1,
    label: labels.has(i) ? formatNumber(p.value) : '',
  }));
  const spans = chart.legend.map((l) => l.span);
  const scale = (pick: (s: (typeof STYLE)[ChartSpan]) => unknown) => ({ domain: spans, range: spans.map((s) => pick(STYLE[s])) });
  const labelOf = Object.fromEntries(chart.legend.map((l) => [l.span, l.label]));
  const years = Number(chart.points.at(-1)!.at.slice(0, 4)) - Number(chart.points[0]!.at.slice(0, 4)) + 1;
  const x = { field: 'at', type: 'temporal', title: null, axis: { format: '%Y', tickCount: { interval: 'year', step: Math.max(1, Math.ceil(years / MAX_YEAR_TICKS)) }, labelFontSize: TYPE.axis, grid: false } } as const;
  const color = {
    field: 'span', scale: scale((s) => s.colour),
    legend: { title: null, orient: 'bottom', direction: 'horizontal', labelFontSize: TYPE.legend, symbolSize: 150, symbolStrokeWidth: 3, labelExpr: `${JSON.stringify(labelOf)}[datum.value]`, labelLimit: 400, columnPadding: 28 },
  } as const;
  const y = { field: 'value', type: 'quantitative', title: chart.axis.y, axis: { labelFontSize: TYPE.axis, titleFontSize: TYPE.axis, tickCount: 5, titleAngle: 0, titleAlign: 'left', titleAnchor: 'end', titleX: -40, titleY: -16 } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...CHART_SIZE,
    autosize: { type: 'fit', contains: 'padding' },
    padding: { left: 16, right: 28, top: 14, bottom: 10 },
    background: '#ffffff',
    config: { font: CHART_FONT_FAMILY, view: { stroke: null } },
    title: { text: chart.title, subtitle: [chart.source, chart.asOfLine], fontSize: TYPE.title, subtitleFontSize: TYPE.subtitle, subtitleColor: '#555555', anchor: 'start', limit: TITLE_WIDTH },
    data: { values },
    // One legend for colour, shape and fill (the same field): each kind of span's mark and its name.
    encoding: { x, y, color },
    layer: [
      {
        transform: [{ filter: 'datum.joined' }],
        mark: { type: 'line', strokeWidth: 3 },
        encoding: { detail: { field: 'join' }, strokeDash: { field: 'dash', scale: scale((s) => s.dash), legend: null } },
      },
      {
        mark: { type: 'point', size: 150, strokeWidth: 3, opacity: 1 },
        encoding: {
          shape: { field: 'span', scale: scale((s) => s.shape) },
          fill: { field: 'span', scale: scale((s) => s.fill) },
        },
      },
      { mark: { type: 'text', dy: -18, fontSize: TYPE.label, fontWeight: 'bold' }, encoding: { text: { field: 'label' } } },
    ],
  } as TopLevelSpec;
}
