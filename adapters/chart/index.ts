/** Charts for every adapter: a chart description (from the core) as PNG, cached, or as a text sparkline. */
export { createChartPainter, type ChartPainter } from './cache.ts';
export { renderChart } from './render.ts';
export { sparkline } from './sparkline.ts';
