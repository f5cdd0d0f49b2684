import { describe, expect, it } from 'vitest';
import { formatFigure, formatNumber } from '../../src/index.ts';
import { fitText, MAX_ANSWER_CHARS } from '../../src/answer/compose.ts';
import type { Figure } from '../../src/index.ts';
import { periodOf } from '../../src/knowledge/period.ts';

const figure = (value: number, unit: string, unitZh: string): Figure => ({
  key: 'k', value, unit, unitZh, period: periodOf('2024'), label: { en: 'L', zh: '标' }, measure: 'k',
});

describe('formatFigure', () => {
  it.each([
    [figure(5567, 'cars', '车'), 'en', '5,567 cars'],
    [figure(360, 'USD million', '百万美元'), 'en', 'US$360 million'],
    [figure(8.619, 'USD million', '百万美元'), 'zh', '8.619百万美元'],
    [figure(14.5, '% year on year', '%（同比）'), 'en', '14.5% year on year'],
    [figure(6, 'th nationally', '位（全国）'), 'en', '6th nationally'],
    [figure(6, 'th nationally', '位（全国）'), 'zh', '第6位（全国）'],
    [figure(31, 'edition', '届'), 'en', '31st edition'],
    [figure(31, 'edition', '届'), 'zh', '第31届'],
    [figure(236900, 'patients (over)', '人次（以上）'), 'en', 'over 236,900 patients'],
  ] as const)('GIVEN %o in %s THEN shows %j', (f, language, shown) => {
    expect(formatFigure(f, language)).toBe(shown);
  });

  it('GIVEN numbers THEN groups thousands and keeps decimals as written', () => {
    expect([formatNumber(236900), formatNumber(27.37), formatNumber(1234567.5)]).toEqual(['236,900', '27.37', '1,234,567.5']);
  });
});

describe('fitText', () => {
  it('GIVEN parts that fit THEN joins them with a space in English and none in Chinese', () => {
    expect(fitText(['A.', 'B.'], 'en')).toBe('A. B.');
    expect(fitText(['甲。', '乙。'], 'zh')).toBe('甲。乙。');
  });

  it('GIVEN too much text THEN cuts at a word boundary within the limit and marks the cut', () => {
    const text = fitText(['word '.repeat(100)], 'en');
    expect(text.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
    expect(text.endsWith('word…')).toBe(true);
  });
});
