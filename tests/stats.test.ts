import { describe, expect, it } from 'vitest';
import { createAssistant } from '../src/index.ts';
import { periodOf } from '../src/knowledge/period.ts';
import { measureSeries, quickStats } from '../src/stats.ts';
import { buildSeries } from '../src/answer/series.ts';
import type { Knowledge } from '../src/index.ts';
import { fact, tinyKnowledge } from './helpers/knowledge.ts';

/** The tiny base with one declared measure counted in two years by two facts. */
function withSeries(): Knowledge {
  const base = tinyKnowledge();
  const depots = (year: string, value: number) =>
    fact({
      id: `depots-${year}`, topic: 'depots', en: `Ruritania ran ${value} depots in ${year}.`, zh: `${year}年鲁里塔尼亚有${value}个仓库。`,
      figures: [{ key: `depots-${year}`, value, unit: 'depots', unitZh: '个', period: periodOf(year), label: { en: 'Depots', zh: '仓库' }, measure: 'depots-run' }],
    });
  return {
    ...base,
    measures: [{ id: 'depots-run', topic: 'depots', name: { en: 'Depots run', zh: '运营仓库' } }],
    facts: [...base.facts, depots('2023', 20), depots('2021', 15)],
  };
}

describe('quickStats', () => {
  const knowledge = tinyKnowledge();

  it('GIVEN no topic and the full view THEN lists every figure of the base in topic order', () => {
    const stats = quickStats(knowledge, '', 'en', 'all');
    expect(stats.ok && stats.items.map((i) => i.key)).toEqual(['depots', 'pears', 'pear-juice']);
  });

  it('GIVEN a topic by id or by name in either language THEN narrows to it', () => {
    for (const name of ['fruit', 'Fruit', '水果']) {
      const stats = quickStats(knowledge, name, 'zh', 'all');
      expect(stats.ok && stats.items.map((i) => i.key), name).toEqual(['pears', 'pear-juice']);
    }
  });

  it('GIVEN a language THEN labels, units and display follow it, with measure, period dates and source', () => {
    const stats = quickStats(knowledge, 'depots', 'zh', 'all');
    expect(stats.ok && stats.items[0]).toMatchObject({
      label: '海外仓库', unit: '个', period: '2024年', display: '12个', value: 12,
      measure: 'depots', periodStart: '2024-01-01', periodEnd: '2024-12-31', source: 'test-source',
    });
  });

  it('GIVEN a declared measure over several periods THEN the short view keeps only its newest figure', () => {
    const stats = quickStats(withSeries(), 'depots', 'en');
    expect(stats.ok && stats.items.map((i) => i.key).filter((k) => k.startsWith('depots-'))).toEqual(['depots-2023']);
  });

  it('GIVEN an unknown topic THEN returns a value listing the topics, not an error', () => {
    const stats = quickStats(knowledge, 'weather', 'en');
    expect(stats).toMatchObject({ ok: false, reason: 'unknown_topic' });
    expect(!stats.ok && stats.text).toContain('depots, fruit, story');
  });

  it('GIVEN the real base THEN the full view has every figure once and the short view a few per topic', () => {
    const assistant = createAssistant();
    const all = assistant.stats(null, 'en', 'all');
    const figures = assistant.knowledge.facts.flatMap((f) => f.figures);
    expect(all.ok && all.items.length).toBe(figures.length);
    expect(all.ok && new Set(all.items.map((i) => i.key)).size).toBe(figures.length);
    const short = assistant.stats(null, 'en');
    if (!short.ok) throw new Error('stats failed');
    const perTopic = new Map<string, number>();
    for (const i of short.items) perTopic.set(i.topic, (perTopic.get(i.topic) ?? 0) + 1);
    expect(Math.max(...perTopic.values())).toBeLessThanOrEqual(3);
    expect(short.items.find((i) => i.key === 'overseas-warehouses')).toMatchObject({ value: 58, unit: 'warehouses' });
  });
});

describe('measureSeries', () => {
  it('GIVEN a measure by id or name THEN lists its figures oldest first', () => {
    for (const name of ['depots-run', 'Depots run', '运营仓库']) {
      const base = withSeries();
      const series = measureSeries(base, buildSeries(base), name, 'en');
      expect(series.ok && series.items.map((i) => i.key), name).toEqual(['depots-2021', 'depots-2023']);
    }
  });

  it('GIVEN an unknown measure THEN returns a value listing the measures with a series', () => {
    const base = withSeries();
    const series = measureSeries(base, buildSeries(base), 'weather', 'en');
    expect(series).toMatchObject({ ok: false, reason: 'unknown_measure' });
    expect(!series.ok && series.measures.map((m) => m.id)).toEqual(['depots-run']);
  });

  it('GIVEN the real base THEN total trade by year, trains, fair deals and sister cities come out in period order', () => {
    const assistant = createAssistant();
    for (const measure of ['trade-total', 'trains-gansu', 'langf-projects', 'sister-cities']) {
      const series = assistant.series(measure, 'en');
      if (!series.ok) throw new Error(`no series ${measure}`);
      expect(series.items.length, measure).toBeGreaterThanOrEqual(2);
      const ends = series.items.map((i) => i.periodEnd ?? '');
      expect(ends, measure).toEqual([...ends].sort());
    }
  });
});
