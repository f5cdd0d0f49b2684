import { parsePeriod } from '../../src/knowledge/period.ts';
import { firstNumber, scaleOf } from '../../src/knowledge/quote.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const month = (word: string): string | null => {
  const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 ? null : String(i + 1).padStart(2, '0');
};

/**
 * A period spec for a note's period column (`H1 2022`, `Jan-Apr 2023`, `as of Aug 2023`,
 * `23rd LANGF (2017)`), or null when a curator must decide. Years a note marks as inferred or unknown
 * are not guessed: `Jan-Sep (2025 inferred)` becomes `?-01..09`.
 */
export function guessPeriod(raw: string): string | null {
  const text = raw.trim();
  const valid = (spec: string) => (typeof parsePeriod(spec) === 'string' ? null : spec);
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(text))) return m[1]!;
  if ((m = /^(\d{4}-\d{2}(?:-\d{2})?)$/.exec(text))) return valid(m[1]!);
  if ((m = /^([HQ][1-4]) (\d{4})$/.exec(text))) return valid(`${m[2]}-${m[1]}`);
  if ((m = /^([A-Za-z]{3,9})-([A-Za-z]{3,9}) (\d{4})$/.exec(text))) {
    const [a, b] = [month(m[1]!), month(m[2]!)];
    return a && b ? valid(`${m[3]}-${a}..${b}`) : null;
  }
  if ((m = /^([A-Za-z]{3,9})-([A-Za-z]{3,9}) \((?:\d{4} inferred|year (?:unknown|not stated))\)$/.exec(text))) {
    const [a, b] = [month(m[1]!), month(m[2]!)];
    return a && b ? valid(`?-${a}..${b}`) : null;
  }
  if ((m = /^([A-Za-z]{3,9}) (\d{4})$/.exec(text))) {
    const a = month(m[1]!);
    return a ? valid(`${m[2]}-${a}`) : null;
  }
  if ((m = /^([A-Za-z]{3,9}) (\d{4}) - ([A-Za-z]{3,9}) (\d{4})$/.exec(text))) {
    const [a, b] = [month(m[1]!), month(m[3]!)];
    return a && b ? valid(`${m[2]}-${a}..${m[4]}-${b}`) : null;
  }
  if ((m = /^as of (?:([A-Za-z]{3,9}) )?(\d{4})$/.exec(text))) {
    const a = m[1] ? month(m[1]) : null;
    if (m[1] && !a) return null;
    return valid(`asof ${m[2]}${a ? `-${a}` : ''}`);
  }
  if ((m = /^cumulative to (?:([A-Za-z]{3,9}) )?(\d{4})$/.exec(text))) {
    const a = m[1] ? month(m[1]) : null;
    if (m[1] && !a) return null;
    return valid(`cum ..${m[2]}${a ? `-${a}` : ''}`);
  }
  if ((m = /^\d+(?:st|nd|rd|th) [A-Za-z ]+\((\d{4})\)$/.exec(text))) return m[1]!;
  return null;
}

interface UnitGuess {
  value: number;
  unit: string;
  unitZh: string | null;
}

const CHINESE_SCALES: ReadonlyArray<[RegExp, RegExp, number, string, string]> = [
  // printed scale, unit column, factor to the target unit, target unit, its Chinese
  [/[亿億]元/, /CNY/, 0.1, 'billion yuan', '亿元'],
  [/万元|萬元/, /CNY/, 0.01, 'million yuan', '万元'],
  [/[亿億]美元/, /USD/, 100, 'USD million', '百万美元'],
  [/[万萬]美元/, /USD/, 0.01, 'USD million', '百万美元'],
  [/[万萬]吨|[万萬]噸/, /^t/, 1e4, 'tonnes', '吨'],
];

const UNITS_ZH: Record<string, string> = {
  'billion yuan': '亿元', 'million yuan': '万元', 'USD million': '百万美元', 'USD billion': '十亿美元', tonnes: '吨',
  '% year on year': '%（同比）', '% share': '%（占比）', trains: '列', countries: '个国家', enterprises: '家', km: '公里',
  days: '天', routes: '条', projects: '个', wagons: '车', containers: '个集装箱', guests: '人', flights: '班',
};

/**
 * Value and unit for a figure line: Chinese amounts (`264.2亿元`) converted into the measure's unit
 * (26.42 billion yuan), English ones kept as printed; null when the line states no number.
 */
export function guessUnit(printed: string, unitColumn: string): UnitGuess | null {
  const n = firstNumber(printed)?.value ?? null;
  if (n === null) return null;
  for (const [scale, column, factor, unit, unitZh] of CHINESE_SCALES) {
    if (scale.test(printed) && column.test(unitColumn)) return { value: round(n * factor), unit, unitZh };
  }
  let unit = unitColumn.trim();
  const scale = /(trillion|billion|million|thousand)/i.exec(printed)?.[1]?.toLowerCase();
  const money = scale === 'trillion' ? 'trillion' : scaleOf(printed) === 1e9 ? 'billion' : scaleOf(printed) === 1e6 ? 'million' : '';
  if (/^CNY/.test(unit)) unit = money ? `${money} yuan` : 'yuan';
  else if (/^USD/.test(unit)) unit = money ? `USD ${money}` : 'USD';
  else if (unit === '% y/y') unit = '% year on year';
  else if (unit === 't') unit = 'tonnes';
  if (scale && !/yuan|USD/.test(unit)) unit = `${scale} ${unit}`;
  else if (!scale && scaleOf(printed) === 1e3 && !/yuan|USD/.test(unit)) unit = `thousand ${unit}`;
  // 3万多人, 近3万名: a Chinese scale word on a count multiplies the value.
  const zhScale = /yuan|USD/.test(unit) ? undefined : /\d\s*([万萬亿億])/.exec(printed)?.[1];
  const factor = zhScale ? (/[万萬]/.test(zhScale) ? 1e4 : 1e8) : 1;
  return { value: round(n * factor), unit, unitZh: UNITS_ZH[unit] ?? null };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
