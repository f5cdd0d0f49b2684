import { LRUCache } from 'lru-cache';
import type { ChartDescription } from '../../src/index.ts';
import { renderChart } from './render.ts';

/** Pictures kept: one per measure and language covers the base's ~50 measures twice over at ~40 KB each. */
const DEFAULT_MAX_CHARTS = 128;

/** Draws charts once: the same measure, language and knowledge version is served from memory. */
export interface ChartPainter {
  /** The chart's PNG; a second request for the same chart resolves from the cache (a render in flight is shared). */
  png(chart: ChartDescription): Promise<Buffer>;
  /** Charts held now. */
  readonly size: number;
}

/** The cache key: what makes a picture different. The description is made from exactly these. */
export const chartKey = (chart: ChartDescription): string => `${chart.measure}:${chart.language}:${chart.version}`;

/** A bounded, least-recently-used cache of rendered charts; a failed render is not kept. */
export function createChartPainter(max = DEFAULT_MAX_CHARTS): ChartPainter {
  const cache = new LRUCache<string, Promise<Buffer>>({ max });
  return {
    png(chart) {
      const key = chartKey(chart);
      const held = cache.get(key);
      if (held) return held;
      const made = renderChart(chart);
      cache.set(key, made);
      made.catch(() => cache.delete(key));
      return made;
    },
    get size() {
      return cache.size;
    },
  };
}
