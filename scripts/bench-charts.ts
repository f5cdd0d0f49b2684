/**
 * The cost of charts for `npm run bench`: a cold render (Vega-Lite compile, Vega SVG, resvg PNG with
 * the CJK font) p50/p99 over the base's measures in both languages, and a cache hit.
 */
import { createChartPainter, renderChart } from '../adapters/chart/index.ts';
import { createAssistant, type ChartDescription } from '../src/index.ts';

/** Charts rendered cold: enough for a p99 that is not the single slowest. */
const RENDERS = 60;
const HITS = 2000;

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** One line: render p50/p99 in ms (each render new, nothing cached), and a cache hit's p50/p99. */
export async function benchCharts(): Promise<string> {
  const assistant = createAssistant();
  const all = assistant.series('', 'en');
  const measures = all.ok ? [all.measure] : all.measures;
  const charts: ChartDescription[] = [];
  for (const m of measures) {
    for (const language of ['en', 'zh'] as const) {
      const chart = assistant.chart(m.id, language);
      if (chart.ok) charts.push(chart.chart);
    }
  }
  await renderChart(charts[0]!); // warm-up: modules and the font files' pages
  const renders: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RENDERS; i++) {
    const started = performance.now();
    bytes += (await renderChart(charts[i % charts.length]!)).length;
    renders.push(performance.now() - started);
  }
  const painter = createChartPainter();
  await painter.png(charts[0]!);
  const hits: number[] = [];
  for (let i = 0; i < HITS; i++) {
    const started = performance.now();
    await painter.png(charts[0]!);
    hits.push(performance.now() - started);
  }
  renders.sort((a, b) => a - b);
  hits.sort((a, b) => a - b);
  return [
    `charts (${charts.length} of ${measures.length} measures x en/zh, ${RENDERS} renders)`,
    `render p50 ${percentile(renders, 50).toFixed(0)} ms`,
    `p99 ${percentile(renders, 99).toFixed(0)} ms`,
    `PNG ~${Math.round(bytes / RENDERS / 1024)} KB`,
    `cache hit p50 ${percentile(hits, 50).toFixed(3)} ms`,
    `p99 ${percentile(hits, 99).toFixed(3)} ms`,
  ].join('  ');
}
