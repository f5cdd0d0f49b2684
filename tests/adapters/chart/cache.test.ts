import { describe, expect, it } from 'vitest';
import { createChartPainter } from '../../../adapters/chart/cache.ts';
import { sparkline } from '../../../adapters/chart/sparkline.ts';
import { createAssistant, type ChartDescription } from '../../../src/index.ts';

const assistant = createAssistant();
const chartOf = (measure: string, language: 'en' | 'zh'): ChartDescription => {
  const result = assistant.chart(measure, language);
  if (!result.ok) throw new Error(`no chart for ${measure}`);
  return result.chart;
};

describe('chart cache', () => {
  it('GIVEN the same measure, language and version THEN the second request is the same picture, served without a render', async () => {
    const painter = createChartPainter(2);
    const chart = chartOf('trade-bri', 'en');
    const first = await painter.png(chart);
    const started = performance.now();
    const again = await painter.png(chartOf('trade-bri', 'en'));
    expect(performance.now() - started).toBeLessThan(20);
    expect(again).toBe(first);
    expect(painter.size).toBe(1);
  });

  it('GIVEN another knowledge version THEN the picture is drawn anew, and the cache keeps at most its bound', async () => {
    const painter = createChartPainter(2);
    const chart = chartOf('expo-guests', 'en');
    const first = await painter.png(chart);
    expect(await painter.png({ ...chart, version: 'edited' })).not.toBe(first);
    await painter.png(chartOf('expo-guests', 'zh'));
    expect(painter.size).toBe(2);
  });
});

describe('sparkline', () => {
  it('GIVEN a measure with full years THEN one line of bars for the years, with their numbers and the unit', () => {
    expect(sparkline(chartOf('trade-total', 'en'))).toBe('▆▁█ 2022 58.42 · 2023 49.17 · 2024 61.54 billion yuan');
  });

  it('GIVEN the Chinese chart THEN the numbers are in 亿元', () => {
    expect(sparkline(chartOf('trade-total', 'zh'))).toBe('▆▁█ 2022年 584.2 · 2023年 491.7 · 2024年 615.4 亿元');
  });
});
