import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { buildIndex } from '../../src/search/index.ts';
import { createMatcher } from '../../src/answer/match.ts';
import { contentUnits } from '../../src/answer/screen.ts';
import { createOrder, statesOrdinal } from '../../src/answer/ordinal.ts';
import { PROJECT_ROOT } from '../../src/index.ts';
import path from 'node:path';

const knowledge = loadKnowledge(path.join(PROJECT_ROOT, 'knowledge'));
const index = buildIndex(knowledge);
const matcher = createMatcher(index);
const order = createOrder(index, matcher);
const fact = (id: string) => knowledge.facts.find((f) => f.id === id)!;
const fits = (question: string, id: string) => {
  const content = contentUnits(index.analyzer.analyze(question));
  return order.inOrderOf(question.toLowerCase(), content)(fact(id));
};

describe('ordinal', () => {
  it('GIVEN a fact that says it is the 8th THEN it states 8, in any spelling, and a fact holding "8 countries" does not', () => {
    expect(statesOrdinal(fact('2016-02-hungary-qihuang-college-8th-zh-1'), 8)).toBe(true);
    expect(statesOrdinal(fact('2016-08-gansu-tcm-internationalization-zh-1'), 8)).toBe(false);
  });

  it('GIVEN "the first …" THEN the fact that says "first" fits, and one listing the whole series does not', () => {
    expect(fits('甘肃在海外建的第一所岐黄中医学院在哪个国家？', '2016-08-gansu-tcm-internationalization-zh-2')).toBe(true);
    expect(fits('甘肃在海外建的第一所岐黄中医学院在哪个国家？', '2016-01-gansu-tcm-moldova-2')).toBe(false);
  });

  it('GIVEN "the first …" with a rarer word the "first" fact lacks THEN that fact does not fit (CKU is not CKUA)', () => {
    expect(fits('when did the china-kyrgyzstan-uzbekistan-afghanistan train first launch?', '2020-06-china-kyrgyzstan-uzbekistan-first-train-1')).toBe(false);
  });

  it('GIVEN no order asked THEN no fact fits one', () => {
    expect(fits('How many overseas warehouses does Gansu operate?', 'warehouses-overseas')).toBe(false);
  });

  it('GIVEN "first" in either language THEN the question asks the first of a series', () => {
    expect(order.asksFirst(contentUnits(index.analyzer.analyze('the inaugural flight')))).toBe(true);
    expect(order.asksFirst(contentUnits(index.analyzer.analyze('首趟班列')))).toBe(true);
    expect(order.asksFirst(contentUnits(index.analyzer.analyze('the latest flight')))).toBe(false);
  });
});
