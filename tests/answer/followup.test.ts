import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/index.ts';
import { leansOnEarlier } from '../../src/answer/followup.ts';
import { normalizeText } from '../../src/search/normalize.ts';

describe('leansOnEarlier', () => {
  it.each(['How big is it?', 'And in 2023?', 'What about apple juice?', 'How much of that was imports?', 'Who runs it?', '总金额呢？', '那2022年呢？', '它是哪年开通的？', '那第8所建在哪个国家？'])(
    'GIVEN the follow-up "%s" THEN it leans on an earlier question',
    (q) => expect(leansOnEarlier(normalizeText(q))).toBe(true),
  );

  it.each(['How many overseas warehouses does Gansu operate?', 'Does Gansu have a warehouse in Peru? When did it open and how big is the site in square metres?', '甘肃有多少个海外仓？', '兰洽会主宾国是谁？'])(
    'GIVEN the whole question "%s" THEN it stands alone',
    (q) => expect(leansOnEarlier(normalizeText(q))).toBe(false),
  );

  it('GIVEN a follow-up THEN the assistant asks for the whole question instead of answering something near', () => {
    const a = createAssistant().ask('How much of that was imports?');
    expect(a).toMatchObject({ answered: false, reason: 'unknown' });
    expect(a.text).toContain('ask the whole question');
  });
});
