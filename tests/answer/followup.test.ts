import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/index.ts';
import { leansOnEarlier, ordinalPick } from '../../src/answer/followup.ts';
import { relativeToEarlier } from '../../src/answer/relative.ts';
import { periodOf } from '../../src/knowledge/period.ts';
import { normalizeText } from '../../src/search/normalize.ts';

describe('leansOnEarlier', () => {
  it.each(['How big is it?', 'And in 2023?', 'What about apple juice?', 'How much of that was imports?', 'Who runs it?', '总金额呢？', '那2022年呢？', '它是哪年开通的？', '那第8所建在哪个国家？', 'ok, what about 2024?', 'Thanks. And the year before?', '好的，那2021年呢？', 'How much of that, in yuan, was with Belt and Road partner countries?'])(
    'GIVEN the follow-up "%s" THEN it leans on an earlier question',
    (q) => expect(leansOnEarlier(normalizeText(q))).toBe(true),
  );

  it.each(['How many overseas warehouses does Gansu operate?', 'Does Gansu have a warehouse in Peru? When did it open and how big is the site in square metres?', '甘肃有多少个海外仓？', '兰洽会主宾国是谁？'])(
    'GIVEN the whole question "%s" THEN it stands alone',
    (q) => expect(leansOnEarlier(normalizeText(q))).toBe(false),
  );

  it('GIVEN a follow-up THEN the assistant asks for the whole question instead of answering something near', async () => {
    const a = await createAssistant().ask('How much of that was imports?');
    expect(a).toMatchObject({ answered: false, reason: 'unknown' });
    expect(a.text).toContain('ask the whole question');
  });
});

describe('ordinalPick', () => {
  it.each([
    ['the second one', 2],
    ['2', 2],
    ['First.', 1],
    ['the last one', -1],
    ['第一个', 1],
    ['第二个问题', 2],
    ['最后一个', -1],
  ])('GIVEN "%s" THEN picks %i', (text, n) => expect(ordinalPick(normalizeText(text))).toBe(n));

  it.each(['How many trains ran in 2022?', 'the second train', '第二届兰洽会'])('GIVEN "%s" THEN picks nothing', (text) => expect(ordinalPick(normalizeText(text))).toBeNull());
});

describe('relativeToEarlier', () => {
  const y2022 = periodOf('2022');
  it('GIVEN "the year before?" after 2022 THEN asks 2021', () => expect(relativeToEarlier('the year before?', 'fdi used in 2022', y2022)).toContain('2021'));
  it('GIVEN "上一届呢？" after 第8届 THEN asks 第7届', () => expect(relativeToEarlier('上一届呢？', '第八届敦煌文博会什么时候举办的？', null)).toContain('第7届'));
  it('GIVEN "the next one" after the 29th THEN asks the 30th', () => expect(relativeToEarlier('and the next one?', 'guests of honour at the 29th langf', null)).toContain('30th'));
  it('GIVEN "the year before" after a half or a span of months THEN the same part of the year before', () => {
    expect(relativeToEarlier('what was the total the year before?', 'trade in the first half of 2023', periodOf('2023-H1'))).toContain('h1 2022');
    expect(relativeToEarlier('上一年呢？', '2023年上半年外贸多少', periodOf('2023-H1'))).toContain('2022年上半年');
    expect(relativeToEarlier('and the year after?', 'trains in jan-jul 2017', periodOf('2017-01..07'))).toContain('jan–jul 2018');
  });

  it('GIVEN "去年同期" or "the same period last year" THEN the same part of the year before', () => {
    expect(relativeToEarlier('去年同期呢？', '2023年上半年贸易额', periodOf('2023-H1'))).toContain('2022年上半年');
    expect(relativeToEarlier('and the same period last year?', 'trade in q3 2023', periodOf('2023-Q3'))).toContain('q3 2022');
  });

  it('GIVEN no year or edition to count from THEN nothing', () => expect(relativeToEarlier('the year before?', 'how many warehouses', null)).toBeNull());
});
