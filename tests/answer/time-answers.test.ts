import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/engine.ts';
import { periodOf } from '../../src/knowledge/period.ts';
import type { Fact, Knowledge } from '../../src/index.ts';
import { fact, tinyKnowledge } from '../helpers/knowledge.ts';

/** Depot counts by year from two documents, with one conflict (2023) and one partial year (H1 2024). */
function base(): Knowledge {
  const k = tinyKnowledge();
  const depots = (id: string, spec: string, value: number, doc: string): Fact =>
    fact({
      id, topic: 'depots', en: `Ruritania ran ${value} depots abroad (${periodOf(spec).en}).`, zh: `鲁里塔尼亚海外仓库${value}个（${periodOf(spec).zh}）。`,
      figures: [{ key: id, value, unit: 'depots', unitZh: '个', period: periodOf(spec), label: { en: 'Depots abroad', zh: '海外仓库' }, measure: 'depots-abroad' }],
      aliases: { en: ['depot', 'abroad'], zh: ['仓库', '海外'] },
      source: { document: doc, documentId: doc.toLowerCase(), quote: `${value}` },
    });
  return {
    ...k,
    measures: [{ id: 'depots-abroad', topic: 'depots', name: { en: 'Depots abroad', zh: '海外仓库' } }],
    documents: ['Alpha', 'Beta'].map((title, i) => ({
      id: title.toLowerCase(), title, publisher: title, url: `https://example.org/${i}`, published: `202${4 + i}-07`, undated: false, founding: i === 0, language: 'en', text: '',
    })),
    facts: [
      ...k.facts.filter((f) => f.id !== 'depots-count'),
      depots('d2021', '2021', 15, 'Alpha'),
      depots('d2022', '2022', 18, 'Alpha'),
      depots('d2023a', '2023', 20, 'Alpha'),
      depots('d2023b', '2023', 21, 'Beta'),
      depots('d2024h1', '2024-H1', 22, 'Beta'),
    ],
  };
}
const engine = createEngine(base(), { now: () => new Date('2026-11-29T00:00:00Z') });

describe('answers about time', () => {
  it('GIVEN no period THEN answers the latest figure, says its period, and gives the last full year for a partial one', () => {
    const a = engine.answer('How many depots abroad?');
    expect(a.facts[0]?.id).toBe('d2024h1');
    expect(a.text).toContain('H1 2024');
    expect(a.text).toMatch(/Full year 2023: 2[01] depots/);
  });

  it('GIVEN a period THEN answers that period from the source that has it', () => {
    expect(engine.answer('How many depots abroad in 2022?').facts[0]?.id).toBe('d2022');
    expect(engine.answer('2021年有多少个海外仓库？').facts[0]?.id).toBe('d2021');
  });

  it('GIVEN a period no source covers THEN declines with reason period, naming the periods it has', () => {
    const a = engine.answer('How many depots abroad in 2019?');
    expect(a).toMatchObject({ answered: false, reason: 'period' });
    expect(a.text).toContain('2019');
    expect(a.text).toContain('2021, 2022');
  });

  it('GIVEN two sources that disagree on a period THEN gives both, each with its source', () => {
    const a = engine.answer('How many depots abroad in 2023?');
    expect(a.text).toMatch(/Another source \((Alpha|Beta)\) gives 2[01] depots/);
  });

  it('GIVEN a trend or a span THEN lists the series and marks the change as computed', () => {
    const a = engine.answer('How has the number of depots abroad changed from 2021 to 2023?');
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/2021: 15 depots/);
    expect(a.text).toMatch(/From 2021 to 2023: up 3[34](\.\d)?% \(computed\)/);
  });

  it('GIVEN "this year" before any source covers it THEN answers the latest and says so', () => {
    const a = engine.answer('How many depots abroad this year?');
    expect(a.answered).toBe(true);
    expect(a.text).toContain('no figure for 2026 yet');
  });

  it('GIVEN "how current are you" THEN says what the base covers', () => {
    const a = engine.answer("What's the latest data you have?");
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/2 sources published from 2024 to 2025-07\. Newest figures: .*Depots H1 2024/);
  });
});

describe('dates that sources give differently', () => {
  const opened = (id: string, en: string, doc: string): Fact =>
    fact({ id, topic: 'story', en, zh: en, aliases: { en: ['depot', 'opened', 'first'], zh: [] }, source: { document: doc, documentId: doc.toLowerCase(), quote: en } });
  const k = tinyKnowledge();
  const withDates = (second: Fact): Knowledge => ({
    ...k,
    documents: ['Alpha', 'Beta'].map((title, i) => ({
      id: title.toLowerCase(), title, publisher: title, url: `https://example.org/${i}`, published: i === 0 ? '2025-07' : '2019-07', undated: false, founding: false, language: 'en', text: '',
    })),
    facts: [opened('a', 'The first Ruritanian depot opened in 1993.', 'Alpha'), second],
  });

  it('GIVEN two sources that date the same event differently THEN a "when" answer gives the other year too, not the other source\'s own year', () => {
    const engine = createEngine(withDates(opened('b', 'Writing in 2019, Beta says the first Ruritanian depot opened in 1992.', 'Beta')));
    const a = engine.answer('When did the first depot open?');
    expect(a.text).toMatch(/1993/);
    expect(a.text).toMatch(/Another source \((Alpha|Beta)\) gives (1992|1993)\./);
    expect(a.text).not.toContain('gives 2019');
  });

  it('GIVEN the other source agrees on the year THEN no second date is given', () => {
    const engine = createEngine(withDates(opened('b', 'Beta says the first Ruritanian depot opened in 1993.', 'Beta')));
    expect(engine.answer('When did the first depot open?').text).not.toContain('Another source');
  });
});
