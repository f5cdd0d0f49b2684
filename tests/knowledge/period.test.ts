import { describe, expect, it } from 'vitest';
import { parsePeriod, periodOf, samePeriod } from '../../src/knowledge/period.ts';
import { chineseNumbers, wordNumbers } from '../../src/knowledge/numerals.ts';
import { printedStates } from '../../src/knowledge/quote.ts';

describe('parsePeriod', () => {
  it.each([
    ['2022', 'year', '2022-01-01', '2022-12-31', '2022', '2022年'],
    ['2022-H1', 'half', '2022-01-01', '2022-06-30', 'H1 2022', '2022年上半年'],
    ['2024-Q4', 'quarter', '2024-10-01', '2024-12-31', 'Q4 2024', '2024年第四季度'],
    ['2018-01..05', 'months', '2018-01-01', '2018-05-31', 'Jan–May 2018', '2018年1-5月'],
    ['2024-01..09', 'months', '2024-01-01', '2024-09-30', 'Jan–Sep 2024', '2024年前三季度'],
    ['2017-09..2018-01', 'months', '2017-09-01', '2018-01-31', 'Sep 2017–Jan 2018', '2017年9月至2018年1月'],
    ['2024-02', 'month', '2024-02-01', '2024-02-29', 'February 2024', '2024年2月'],
    ['2014-12-12', 'day', '2014-12-12', '2014-12-12', '12 Dec 2014', '2014年12月12日'],
    ['asof 2023-08', 'asof', null, '2023-08-31', 'as of Aug 2023', '截至2023年8月'],
    ['cum 2015..2022-01', 'cumulative', '2015-01-01', '2022-01-31', 'cumulative, 2015 to Jan 2022', '2015年至2022年1月累计'],
    ['cum ..2022-05', 'cumulative', null, '2022-05-31', 'cumulative to May 2022', '截至2022年5月累计'],
    ['?-01..09', 'months', null, null, 'Jan–Sep (year not stated)', '1-9月（未注明年份）'],
    ['?', 'undated', null, null, 'date not stated', '未注明日期'],
  ])('GIVEN %s THEN reads kind, dates and both labels', (spec, kind, start, end, en, zh) => {
    expect(periodOf(spec)).toMatchObject({ kind, start, end, en, zh });
  });

  it('GIVEN a plan THEN marks it planned in both labels', () => {
    expect(periodOf('plan 2015')).toMatchObject({ planned: true, en: '2015 (planned)', zh: '2015年（计划）' });
  });

  it.each(['2022-13', '2022-H3', '2023-02-30', '2022-05..03', 'soon', '22'])('GIVEN the bad spec %s THEN returns the grammar as an error', (spec) => {
    expect(parsePeriod(spec)).toMatch(/^expected a period/);
  });

  it('GIVEN H1 and Jan-Jun of one year THEN they are not the same kind but cover the same span', () => {
    expect(samePeriod(periodOf('2022-H1'), periodOf('2022-H1'))).toBe(true);
    expect(samePeriod(periodOf('2022'), periodOf('asof 2022'))).toBe(false);
  });
});

describe('numbers in words and printed figures', () => {
  it('GIVEN English, German and Chinese number words THEN reads them', () => {
    expect(wordNumbers('thirty-eight trains')).toContain(38);
    expect(wordNumbers('in zwölf Ländern')).toContain(12);
    expect(wordNumbers('the sixth route')).toContain(6);
    expect(chineseNumbers('第八届')).toEqual([8]);
    expect(chineseNumbers('五個')).toEqual([5]);
    expect(chineseNumbers('七十億五千萬元')).toEqual([7_050_000_000]);
  });

  it('GIVEN a printed figure in another scale or language THEN it states the converted value, and not another', () => {
    expect(printedStates('264.2亿元', 26.42, 'billion yuan')).toBe(true);
    expect(printedStates('6376万美元', 63.76, 'USD million')).toBe(true);
    expect(printedStates('5.75万吨', 57500, 'tonnes')).toBe(true);
    expect(printedStates('32,58 miliardi di yuan', 32.58, 'billion yuan')).toBe(true);
    expect(printedStates('melampaui 10.000 ton', 10000, 'tonnes')).toBe(true);
    expect(printedStates('270 млн юанів', 270, 'million yuan')).toBe(true);
    expect(printedStates('70億5千万元', 7.05, 'billion yuan')).toBe(true);
    expect(printedStates('264.2亿元', 264.2, 'billion yuan')).toBe(false);
    expect(printedStates('five days', 6, 'days')).toBe(false);
  });
});
