import { describe, expect, it } from 'vitest';
import { detectIntent, unitFits } from '../../src/answer/intent.ts';
import { countedPhrase } from '../../src/answer/checks.ts';

describe('detectIntent', () => {
  it.each([
    ['how many overseas warehouses', 'count'],
    ['甘肃有几个海外仓', 'count'],
    ['what is the value of apple exports', 'amount'],
    ['how much fdi did gansu attract', 'count'],
    ['by what percentage did freight grow', 'percent'],
    ['甘肃外贸增速是多少', 'percent'],
    ['where does gansu rank in trade growth', 'percent'],
    ['兰洽会是第几届', 'rank'],
    ['when did the afghanistan train start', 'when'],
    ['how long does the train take', 'duration'],
    ['which country was the guest', 'which'],
    ['is corn imported into gansu', 'yesno'],
  ])('GIVEN %j THEN the kind is %s', (q, kind) => {
    expect(detectIntent(q).kind).toBe(kind);
  });

  it.each([
    ['apple and apple juice exports combined', 'sum'],
    ['how many more sister cities than warehouses', 'difference'],
    ['ratio of warehouses to air routes', 'ratio'],
    ['cars per train on average', 'ratio'],
    ['苹果和苹果汁出口合计多少', 'sum'],
    ['友好城市比海外仓多几个', 'difference'],
    ['友好城市是对外投资国家数的几倍', 'ratio'],
  ])('GIVEN %j THEN the operation is %s', (q, operation) => {
    expect(detectIntent(q).operation).toBe(operation);
  });

  it('GIVEN a plain question or "per cent" THEN asks for no arithmetic', () => {
    expect(detectIntent('how many overseas warehouses').operation).toBeNull();
    expect(detectIntent('growth of 27 per cent').operation).toBeNull();
  });
});

describe('countedPhrase', () => {
  it('GIVEN "how many X" or "多少X" THEN returns X up to the verb', () => {
    expect(countedPhrase('how many overseas tcm centres does gansu have?')).toBe('overseas tcm centres');
    expect(countedPhrase('how many tons of barley')).toBe('tons of barley');
    expect(countedPhrase('兰州有多少人口？')).toBe('人口');
    expect(countedPhrase('tell me about dunhuang')).toBeNull();
  });
});

describe('unitFits', () => {
  it('GIVEN a kind THEN prefers the units that answer it', () => {
    expect(unitFits('amount', 'USD million')).toBe(1);
    expect(unitFits('percent', '% year on year')).toBe(1);
    expect(unitFits('percent', 'warehouses')).toBe(0);
    expect(unitFits('rank', 'th nationally')).toBe(1);
    expect(unitFits('count', 'warehouses')).toBeGreaterThan(unitFits('count', 'USD million'));
    expect(unitFits('duration', 'warehouses')).toBe(0);
  });
});
