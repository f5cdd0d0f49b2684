import { describe, expect, it } from 'vitest';
import { createAssistant } from '../src/index.ts';
import { quickStats } from '../src/stats.ts';
import { tinyKnowledge } from './helpers/knowledge.ts';

describe('quickStats', () => {
  const knowledge = tinyKnowledge();

  it('GIVEN no topic THEN lists every figure of the base in topic order', () => {
    const stats = quickStats(knowledge, '', 'en');
    expect(stats.ok && stats.items.map((i) => i.key)).toEqual(['depots', 'pears', 'pear-juice']);
  });

  it('GIVEN a topic by id or by name in either language THEN narrows to it', () => {
    for (const name of ['fruit', 'Fruit', '水果']) {
      const stats = quickStats(knowledge, name, 'zh');
      expect(stats.ok && stats.items.map((i) => i.key), name).toEqual(['pears', 'pear-juice']);
    }
  });

  it('GIVEN a language THEN labels, units and display follow it', () => {
    const stats = quickStats(knowledge, 'depots', 'zh');
    expect(stats.ok && stats.items[0]).toMatchObject({ label: '海外仓库', unit: '个', period: '2024年', display: '12个', value: 12 });
  });

  it('GIVEN an unknown topic THEN returns a value listing the topics, not an error', () => {
    const stats = quickStats(knowledge, 'weather', 'en');
    expect(stats).toMatchObject({ ok: false, reason: 'unknown_topic' });
    expect(!stats.ok && stats.text).toContain('depots, fruit, story');
  });

  it('GIVEN the real base THEN every figure appears once with value and unit', () => {
    const assistant = createAssistant();
    const stats = assistant.stats(null, 'en');
    const figures = assistant.knowledge.facts.flatMap((f) => f.figures);
    expect(stats.ok && stats.items.length).toBe(figures.length);
    expect(stats.ok && stats.items.find((i) => i.key === 'overseas-warehouses')).toMatchObject({ value: 58, unit: 'warehouses' });
  });
});
