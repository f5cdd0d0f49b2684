import { describe, expect, it } from 'vitest';
import { chartSvg, rasterize, renderChart } from '../../../adapters/chart/render.ts';
import { createAssistant, type ChartDescription } from '../../../src/index.ts';
import { pngSize } from '../../fakes/png.ts';

const assistant = createAssistant();
const chartOf = (measure: string, language: 'en' | 'zh'): ChartDescription => {
  const result = assistant.chart(measure, language);
  if (!result.ok) throw new Error(`no chart for ${measure}`);
  return result.chart;
};

/** The title's band of the picture (top left), as RGBA bytes, and how many of its pixels are dark ink. */
async function titleBand(chart: ChartDescription, fontFiles?: string[]): Promise<{ pixels: Buffer; ink: number }> {
  const image = await rasterize(await chartSvg(chart), fontFiles ? { fontFiles } : {});
  const rows: Buffer[] = [];
  let ink = 0;
  for (let y = 0; y < 44; y++) {
    const row = image.pixels.subarray(y * image.width * 4, (y * image.width + 400) * 4);
    rows.push(row);
    for (let i = 0; i < row.length; i += 4) if (row[i]! + row[i + 1]! + row[i + 2]! < 300) ink += 1;
  }
  return { pixels: Buffer.concat(rows), ink };
}

describe('chart rendering', () => {
  it('GIVEN a chart THEN it is an 800x450 PNG', async () => {
    expect(pngSize(await renderChart(chartOf('trade-total', 'en')))).toEqual({ width: 800, height: 450 });
  });

  it('GIVEN a Chinese title THEN its glyphs are drawn from the packaged font: ink with it, none without, and other characters draw other shapes (not boxes)', async () => {
    const chart = chartOf('trade-total', 'zh');
    expect(chart.title).toBe('甘肃外贸进出口总值');
    const drawn = await titleBand(chart);
    const withheld = await titleBand(chart, []);
    const other = await titleBand({ ...chart, title: '一二三四五六七八九' });
    expect(drawn.ink).toBeGreaterThan(1500);
    expect(withheld.ink).toBe(0);
    // Missing glyphs would all be the same box; real ones differ, and 一二三 has far less ink than 甘肃外贸.
    expect(other.pixels.equals(drawn.pixels)).toBe(false);
    expect(other.ink).toBeLessThan(drawn.ink * 0.8);
  });

  it('GIVEN the same chart twice THEN the bytes are the same (a cache may serve it)', async () => {
    const chart = chartOf('langf-projects', 'en');
    expect((await renderChart(chart)).equals(await renderChart(chart))).toBe(true);
  });
});
