import { describe, expect, it } from 'vitest';
import { createAssistant, type ChartDescription } from '../../src/index.ts';

const assistant = createAssistant();
const chartOf = (measure: string, language: 'en' | 'zh' = 'en'): ChartDescription => {
  const result = assistant.chart(measure, language);
  if (!result.ok) throw new Error(`no chart for ${measure}: ${result.reason}`);
  return result.chart;
};

describe('chart descriptions', () => {
  it('GIVEN trade-total THEN full years join one line, parts of a year join only the same months, each period once', () => {
    const chart = chartOf('trade-total');
    const years = chart.points.filter((p) => p.span === 'year');
    expect(years.map((p) => [p.period, p.value, p.join])).toEqual([['2022', 58.42, 'year'], ['2023', 49.17, 'year'], ['2024', 61.54, 'year']]);
    const q1 = chart.points.filter((p) => p.join === 'part:01-01..03-31').map((p) => p.period);
    expect(q1).toEqual(['Q1 2020', 'Q1 2022', 'Q1 2025']);
    expect(new Set(chart.points.map((p) => `${p.period}`)).size).toBe(chart.points.length);
    expect(chart.legend.map((l) => l.span)).toEqual(['year', 'part']);
  });

  it('GIVEN a Chinese chart THEN values are in the Chinese unit (亿元), labels and lines in Chinese', () => {
    const chart = chartOf('trade-total', 'zh');
    expect(chart.unit).toBe('亿元');
    expect(chart.points.find((p) => p.period === '2024年')?.value).toBe(615.4);
    expect(chart.asOfLine).toBe('数据截至2025年3月31日');
    expect(chart.source).toMatch(/^来源：.+及另外\d+个来源$/);
  });

  it('GIVEN the alt text THEN it lists every point with its number and marks parts of a year', () => {
    const chart = chartOf('trade-total');
    for (const p of chart.points) expect(chart.alt).toContain(`${p.period} `);
    expect(chart.alt).toContain('Q1 2025 19.47 (part of a year)');
    expect(chart.asOf).toBe('2025-03-31');
  });

  it('GIVEN targets beside outcomes THEN targets are left out', () => {
    expect(chartOf('langf-visitors').points.map((p) => p.period)).not.toContain('2023 (planned)');
  });

  it('GIVEN a measure whose figures count in two units THEN there is no chart rather than a mixed one', () => {
    expect(assistant.chart('tcm-institutions-abroad')).toMatchObject({ ok: false, reason: 'too_few_points' });
    expect(assistant.chart('no-such-measure')).toMatchObject({ ok: false, reason: 'unknown_measure' });
  });

  it('GIVEN answers THEN a trend carries its chart as the picture, a figure with a series offers it, a figure without none', async () => {
    expect((await assistant.ask('how has gansu foreign trade changed')).chart).toEqual({ measure: 'trade-total', trend: true });
    expect((await assistant.ask("What was Gansu's foreign trade in 2024?")).chart).toEqual({ measure: 'trade-total', trend: false });
    expect((await assistant.ask('how many overseas warehouses')).chart).toBeUndefined();
  });

  it('GIVEN /trend THEN the command result carries the chart beside the list', async () => {
    const result = await assistant.commands.find('trend')!.run({ args: { measure: 'trade-total' }, language: 'en', platform: 'console' });
    expect(result.kind === 'stats' && result.chart?.measure).toBe('trade-total');
  });
});
