import type { ChartDescription } from '../../src/index.ts';
import { formatNumber } from '../../src/index.ts';

const BARS = '▁▂▃▄▅▆▇█';

/**
 * A chart as one terminal line: the points of one joined run (full years when there are two), as bars
 * scaled from the lowest to the highest, then the numbers, e.g. `▅▁█ 2022 58.42 · 2023 49.17 · 2024 61.54 billion yuan`.
 */
export function sparkline(chart: ChartDescription): string {
  const runs = new Map<string, ChartDescription['points']>();
  for (const p of chart.points) runs.set(p.join, [...(runs.get(p.join) ?? []), p]);
  // Full years (or counts at a date) first; otherwise the longest run of like spans; else every point.
  const longest = [...runs.values()].reduce((a, b) => (b.length > a.length ? b : a));
  const points = [runs.get('year'), runs.get('stock'), longest].find((run) => run !== undefined && run.length >= 2) ?? chart.points;
  const values = points.map((p) => p.value);
  const low = Math.min(...values);
  const range = Math.max(...values) - low;
  const bars = values.map((v) => BARS[range === 0 ? 3 : Math.round(((v - low) / range) * (BARS.length - 1))]).join('');
  const numbers = points.map((p) => `${p.period} ${formatNumber(p.value)}`).join(' · ');
  return `${bars} ${numbers} ${chart.unit}`;
}
