import { describe, expect, it } from 'vitest';
import { readTime } from '../../src/answer/timeline.ts';
import { normalizeText } from '../../src/search/normalize.ts';

const TODAY = new Date('2026-11-29T12:00:00Z');
const read = (q: string) => readTime(normalizeText(q), TODAY);

describe('readTime', () => {
  it.each([
    ['imports in H1 2022?', '2022-H1'],
    ['trade in the first half of 2023', '2023-H1'],
    ['exports 1H23', '2023-H1'],
    ['trade in Q1 2022', '2022-Q1'],
    ['trade in the first quarter of 2020', '2020-Q1'],
    ['Jan-Jul 2021 imports', '2021-01..07'],
    ['January to May 2018 trade', '2018-01..05'],
    ['jan thru may 2019', '2019-01..05'],
    ['first three quarters of 2024', '2024-01..09'],
    ['first two months of 2023', '2023-01..02'],
    ['trade in June 2022', '2022-06'],
    ['2022年上半年进口', '2022-H1'],
    ['2023年1-4月RCEP', '2023-01..04'],
    ['2024年前三季度', '2024-01..09'],
    ['2022年一季度出口', '2022-Q1'],
    ['2023年1-2月苹果', '2023-01..02'],
    ['2022年6月单月外贸', '2022-06'],
    ['total trade in 2022', '2022'],
  ])('GIVEN "%s" THEN reads %s', (q, spec) => {
    expect(read(q).period?.spec).toBe(spec);
  });

  it('GIVEN relative years THEN resolves them against today and says so for "this year"', () => {
    expect(read('trade last year').period?.spec).toBe('2025');
    expect(read('去年的外贸').period?.spec).toBe('2025');
    expect(read('trains this year')).toMatchObject({ current: true, period: { spec: '2026' } });
  });

  it('GIVEN a span of years or a trend word THEN reads a range or a trend, not one period', () => {
    expect(read('total trade from 2022 to 2024')).toMatchObject({ period: null, trend: true, range: { from: { spec: '2022' }, to: { spec: '2024' } } });
    expect(read('growth since 2019')).toMatchObject({ period: null, trend: true, range: { from: { spec: '2019' }, to: null } });
    expect(read('how has trade with ASEAN changed?')).toMatchObject({ period: null, range: null, trend: true });
    expect(read('外贸趋势')).toMatchObject({ trend: true });
  });

  it.each(['full-year trade in 2022', 'trade for the whole year 2022', 'trade for the whole of 2022', '2022年全年外贸'])('GIVEN "%s" THEN asks the whole year, not a part of it, and leaves no time word for retrieval', (q) => {
    const time = read(q);
    expect(time.wholeYear).toBe(true);
    expect(time.rest).not.toMatch(/whole|full|全年/);
  });

  it('GIVEN no time THEN reads none and keeps the question for retrieval', () => {
    expect(read('how many overseas warehouses')).toMatchObject({ period: null, range: null, trend: false, rest: 'how many overseas warehouses' });
    expect(read('trade in H1 2022').rest).not.toMatch(/h1|2022/);
  });
});
