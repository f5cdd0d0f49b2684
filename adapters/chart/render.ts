import { renderAsync, type RenderedImage } from '@resvg/resvg-js';
import type * as Vega from 'vega';
import type { compile as compileVegaLite } from 'vega-lite';
import type { ChartDescription } from '../../src/index.ts';
import { CHART_FONT_FAMILY, chartFontFiles } from './fonts.ts';
import { installTextMetrics } from './metrics.ts';
import { chartSpec } from './spec.ts';

/**
 * Vega and Vega-Lite, loaded on the first chart. Vega-Lite sets `Set.prototype.toJSON` when it loads,
 * and discord.js's event emitter (@vladfrangu/async_event_emitter) fails at its own load if that is
 * already set ("string "Set()" is not iterable"): loading the renderers late puts them after the
 * platform clients, which start before any chart is drawn.
 */
let renderers: Promise<{ vega: typeof Vega; compile: typeof compileVegaLite }> | undefined;
const loadRenderers = () =>
  (renderers ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]) => {
    installTextMetrics(vega);
    return { vega, compile: vegaLite.compile };
  }));

/** What {@link renderChart} may be told; tests withhold the font to prove the glyphs come from it. */
export interface RenderOptions {
  /** Font files resvg loads (default: the chart font). The machine's own fonts are never loaded. */
  fontFiles?: readonly string[];
}

/**
 * The chart's SVG: Vega-Lite compiled to Vega, drawn headlessly by Vega's SVG string renderer (no
 * canvas, no DOM). Text stays text, for resvg to lay out with the chart font.
 */
export async function chartSvg(chart: ChartDescription): Promise<string> {
  const { vega, compile } = await loadRenderers();
  const view = new vega.View(vega.parse(compile(chartSpec(chart)).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * The chart as PNG bytes: SVG from Vega, rasterised by resvg off the main thread (renderAsync runs in
 * libuv's pool, so a bot's event loop keeps serving while a picture is drawn).
 */
export async function renderChart(chart: ChartDescription, options: RenderOptions = {}): Promise<Buffer> {
  return (await rasterize(await chartSvg(chart), options)).asPng();
}

/** An SVG as an image (PNG bytes or raw pixels) with only the chart font: the machine's fonts never count. */
export function rasterize(svg: string, options: RenderOptions = {}): Promise<RenderedImage> {
  return renderAsync(svg, {
    font: { fontFiles: [...(options.fontFiles ?? chartFontFiles())], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
    background: '#ffffff',
  });
}
