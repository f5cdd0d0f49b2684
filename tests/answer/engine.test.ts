import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/engine.ts';
import { fact, tinyKnowledge } from '../helpers/knowledge.ts';
import { periodOf } from '../../src/knowledge/period.ts';

const engine = createEngine(tinyKnowledge(), { maxQuestionLength: 120 });
const ask = (q: string) => engine.answer(q);

describe('engine: answers', () => {
  it('GIVEN a question a fact answers THEN leads with the figure, unit and period', () => {
    const a = ask('How many depots does Ruritania have?');
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/^Depots abroad: 12 depots \(2024\)\./);
    expect(a.facts.map((f) => f.id)).toEqual(['depots-count']);
    expect(a.sources[0]).toEqual({ factId: 'depots-count', document: 'Test source', quote: 'Ruritania runs 12 depots abroad.' });
  });

  it('GIVEN a synonym of a fact word THEN finds the fact', () => {
    expect(ask('how many storehouses?').facts[0]?.id).toBe('depots-count');
  });

  it('GIVEN a typo THEN still finds the fact', () => {
    expect(ask('how many depotss').facts[0]?.id).toBe('depots-count');
  });

  it('GIVEN a question naming one of two figures THEN that figure leads', () => {
    expect(ask('How much are pear juice exports worth?').text).toMatch(/^Pear juice exports: US\$10 million/);
    expect(ask('How much are pear exports worth?').text).toMatch(/^Pear exports: US\$40 million/);
  });

  it('GIVEN a Chinese question THEN answers in Chinese from the same fact', () => {
    const a = ask('海外有多少个仓库？');
    expect(a.language).toBe('zh');
    expect(a.facts[0]?.id).toBe('depots-count');
    expect(a.text).toContain('12');
    expect(a.text).toMatch(/\p{Script=Han}/u);
  });

  it('GIVEN a fact without figures THEN answers with its text and related follow-ups', () => {
    const a = ask('Tell me about the Blue River');
    expect(a.text).toBe('The Blue River crosses Ruritania from east to west.');
    expect(a.figures).toEqual([]);
  });

  it('GIVEN any answer THEN the text stays within 300 characters', () => {
    for (const q of ['pear exports', 'depots', 'blue river']) expect(ask(q).text.length).toBeLessThanOrEqual(300);
  });
});

describe('engine: declines', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['hello', 'greeting'],
    ['你好', 'greeting'],
    ['help', 'help'],
    ["What's the weather in Ruritania?", 'off_topic'],
    ['How much coal does Ruritania export?', 'unknown'],
    ['zxqv blorp', 'unknown'],
  ])('GIVEN %j THEN declines with reason %s and offers examples', (q, reason) => {
    const a = ask(q);
    expect([a.answered, a.reason]).toEqual([false, reason]);
    expect(a.facts).toEqual([]);
    expect(a.followUps.length).toBeGreaterThan(0);
  });

  it('GIVEN only question words THEN answers with help, not "I don\'t know"', () => {
    expect(ask('what is the number of').reason).toBe('help');
  });

  it('GIVEN "A + B" THEN adds the two figures', () => {
    expect(ask('pear exports + pear juice exports').text).toMatch(/^Combined: US\$50 million/);
  });

  it('GIVEN a capitalised name the base does not know THEN declines instead of answering near', () => {
    expect(ask('How many depots does Freedonia have?').answered).toBe(false);
  });

  it('GIVEN a year the fact does not cover THEN declines and says so', () => {
    const a = ask('How many depots in 2019?');
    expect(a.answered).toBe(false);
    expect(a.text).toContain('2019');
  });

  it('GIVEN a question over the length limit THEN declines as too long without searching', () => {
    const a = ask(`depots ${'x'.repeat(200)}`);
    expect([a.answered, a.reason]).toEqual([false, 'too_long']);
    expect(a.text).toContain('120');
  });

  it('GIVEN hostile markup and odd Unicode THEN answers or declines, never throws', () => {
    for (const q of ['<script>alert(1)</script>', '@everyone depots', '\u202edepots\u0000', '🍐🍐🍐', 'depots'.repeat(15)]) {
      expect(() => ask(q)).not.toThrow();
      expect(ask(q).text.length).toBeLessThanOrEqual(300);
    }
  });
});

describe('engine: arithmetic', () => {
  it('GIVEN "combined" over two figures of one unit THEN adds them and shows both', () => {
    const a = ask('pear exports and pear juice exports combined');
    expect(a.text).toBe('Combined: US$50 million (Pear exports US$40 million + Pear juice exports US$10 million; 2024).');
    expect(a.figures.map((f) => f.value)).toEqual([40, 10]);
  });

  it('GIVEN "difference" THEN subtracts the smaller from the larger', () => {
    expect(ask('difference between pear juice exports and pear exports').text).toMatch(/^Difference: US\$30 million/);
  });

  it('GIVEN "ratio of A to B" THEN divides in the order asked', () => {
    expect(ask('ratio of pear exports to pear juice exports').text).toMatch(/^Ratio: 4 /);
    expect(ask('ratio of pear juice exports to pear exports').text).toMatch(/^Ratio: 0\.25 /);
    expect(ask('ratio of depots to pear juice exports').text).not.toMatch(/^Ratio/);
  });

  it('GIVEN Chinese arithmetic THEN answers in Chinese', () => {
    expect(ask('梨和梨汁出口额合计多少？').text).toMatch(/^合计：50百万美元/);
  });

  it('GIVEN figures of different kinds THEN computes nothing and leaves the question to retrieval', () => {
    const a = ask('depots plus pear exports combined');
    expect(a.text).not.toMatch(/^Combined/);
    expect(a.figures.length).toBeLessThan(3);
  });
});

describe('engine: units that never add up', () => {
  it('GIVEN wagons and tonnes of one shipment THEN adds no tonnes to wagons, though it still divides them', () => {
    const k = tinyKnowledge();
    const period = periodOf('2022-01-03');
    const figure = (key: string, value: number, unit: string, en: string) => ({ key, value, unit, unitZh: unit, period, label: { en, zh: en }, measure: key });
    k.facts.push(
      fact({
        id: 'linseed-train', topic: 'depots', en: 'The first train of 2022 brought 45 wagons of linseed, 1,159 tonnes.', zh: '2022年首趟班列运来45车皮亚麻籽，1159吨。',
        figures: [figure('linseed-wagons', 45, 'wagons', 'Linseed wagons'), figure('linseed-tonnes', 1159, 'tonnes', 'Linseed tonnes')],
        aliases: { en: ['linseed', 'train'], zh: [] },
      }),
    );
    const linseed = createEngine(k);
    expect(linseed.answer('linseed wagons and linseed tonnes combined').text).not.toMatch(/^Combined/);
    expect(linseed.answer('ratio of linseed tonnes to linseed wagons').text).toMatch(/^Ratio: 25\.76/);
  });
});

describe('engine: names the fact does not mention', () => {
  it('GIVEN a total for all countries WHEN asked for one country the base knows elsewhere THEN declines instead of giving the total', () => {
    const k = tinyKnowledge();
    k.facts.push(fact({ id: 'lisbon-depot', topic: 'depots', en: 'Ruritania opened a depot in Portugal, in Lisbon.', zh: '鲁里塔尼亚在葡萄牙里斯本开设了一个仓库。', aliases: { en: ['Portugal', 'Lisbon', 'depot'], zh: [] } }));
    const engine = createEngine(k);
    expect(engine.answer('How many depots abroad does Ruritania have?').text).toMatch(/^Depots abroad: 12 depots/);
    const one = engine.answer('How many depots abroad does Ruritania run in Portugal?');
    expect(one).toMatchObject({ answered: false, reason: 'unknown' });
    expect(one.text).toContain('I have no figure for "Portugal"');
  });
});

describe('engine: the first of a series', () => {
  it('GIVEN facts that fit almost equally WHEN the question asks for the first THEN the best fit answers, not the newest', () => {
    const k = tinyKnowledge();
    const dated = (id: string, en: string, spec: string) =>
      fact({ id, topic: 'story', en, zh: en, aliases: { en: ['depot', 'first', 'opened'], zh: [] }, figures: [{ key: id, value: 1, unit: 'depots', unitZh: '个', period: periodOf(spec), label: { en: 'Depots opened', zh: '开设仓库' }, measure: id }] });
    k.facts = [dated('lisbon', 'The first Ruritanian depot opened in Lisbon.', '2015'), dated('porto', 'A Ruritanian depot opened in Porto.', '2024')];
    const engine = createEngine(k);
    expect(engine.answer('Which depot opened?').facts[0]?.id).toBe('porto');
    expect(engine.answer('Which depot opened first?').facts[0]?.id).toBe('lisbon');
  });
});

describe('engine: ambiguity', () => {
  it('GIVEN two facts that fit almost equally THEN names the other and offers it first as a follow-up', () => {
    const knowledge = tinyKnowledge();
    const twin = knowledge.facts[0]!;
    knowledge.facts.push({ ...twin, id: 'depots-count-2', title: { en: 'Depots at home', zh: '国内仓库' }, questions: [{ en: 'Depots at home?', zh: '国内仓库？' }] });
    const a = createEngine(knowledge).answer('depots');
    expect(a.answered).toBe(true);
    const other = a.facts[0]!.id === 'depots-count' ? 'Depots at home' : twin.title.en;
    expect(a.text).toContain(`(See also: ${other}.)`);
    expect(a.followUps[0]).toBe(knowledge.facts.find((f) => f.title.en === other)!.questions[0]!.en);
  });
});

describe('engine: weak arithmetic cues', () => {
  it('GIVEN "total" with two things joined by "and" THEN adds them', () => {
    expect(ask('total of pear exports and pear juice exports').text).toMatch(/^Combined: US\$50 million/);
  });

  it('GIVEN "total" naming one thing THEN answers that figure, not a sum', () => {
    expect(ask('what is the total number of depots').text).toMatch(/^Depots abroad: 12 depots/);
  });
});
