import type { Period, PeriodKind } from '../types.ts';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_FULL = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const QUARTER_ZH = ['一', '二', '三', '四'];

/** The grammar of a figure's `period` in knowledge files, quoted in every parse error. */
export const PERIOD_GRAMMAR =
  'expected a period: 2022 | 2022-H1 | 2022-Q3 | 2022-06 | 2022-06-15 | 2022-01..05 | asof 2023-12 | cum 2015..2022-01 | cum ..2022-05 | ?-01..09 | ? (a leading "plan " marks a target)';

const YMD = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/;

/**
 * Parses a period spec (see {@link PERIOD_GRAMMAR}) into dates and labels in both languages, or
 * returns an error text. Pure and total: knowledge files, the ingest tool and tests share it.
 */
export function parsePeriod(spec: string): Period | string {
  const text = spec.trim();
  const planned = text.startsWith('plan ');
  const body = planned ? text.slice(5).trim() : text;
  const core = parseCore(body);
  if (typeof core === 'string') return core;
  if (!planned) return { spec: text, planned, ...core };
  return { spec: text, planned, ...core, en: `${core.en} (planned)`, zh: `${core.zh}（计划）` };
}

type Core = Omit<Period, 'spec' | 'planned'>;

function parseCore(body: string): Core | string {
  if (body === '?') return { kind: 'undated', start: null, end: null, yearStated: false, en: 'date not stated', zh: '未注明日期' };
  let m = /^\?-(\d{2})(?:\.\.(\d{2}))?$/.exec(body);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2] ?? m[1])];
    if (!validMonth(a) || !validMonth(b) || b < a) return PERIOD_GRAMMAR;
    const en = a === b ? MONTHS_FULL[a - 1]! : `${MONTHS_EN[a - 1]}–${MONTHS_EN[b - 1]}`;
    const zh = a === b ? `${a}月` : `${a}-${b}月`;
    return { kind: a === b ? 'month' : 'months', start: null, end: null, yearStated: false, en: `${en} (year not stated)`, zh: `${zh}（未注明年份）` };
  }
  m = /^(asof|cum) (.+)$/.exec(body);
  if (m) return m[1] === 'asof' ? asOf(m[2]!) : cumulative(m[2]!);
  m = /^(\d{4})-(H[12]|Q[1-4])$/.exec(body);
  if (m) {
    const year = Number(m[1]);
    const part = m[2]!;
    const n = Number(part[1]);
    if (part[0] === 'H') {
      return { kind: 'half', start: iso(year, n * 6 - 5, 1), end: endOf(year, n * 6), yearStated: true, en: `H${n} ${year}`, zh: `${year}年${n === 1 ? '上' : '下'}半年` };
    }
    return { kind: 'quarter', start: iso(year, n * 3 - 2, 1), end: endOf(year, n * 3), yearStated: true, en: `Q${n} ${year}`, zh: `${year}年第${QUARTER_ZH[n - 1]}季度` };
  }
  m = /^(\d{4})-(\d{2})\.\.(?:(\d{4})-)?(\d{2})$/.exec(body);
  if (m) {
    const [y1, a, y2, b] = [Number(m[1]), Number(m[2]), Number(m[3] ?? m[1]), Number(m[4])];
    if (!validMonth(a) || !validMonth(b) || y2 * 12 + b <= y1 * 12 + a) return PERIOD_GRAMMAR;
    const sameYear = y1 === y2;
    const en = sameYear ? `${MONTHS_EN[a - 1]}–${MONTHS_EN[b - 1]} ${y1}` : `${MONTHS_EN[a - 1]} ${y1}–${MONTHS_EN[b - 1]} ${y2}`;
    const zh = sameYear ? (a === 1 && b === 9 ? `${y1}年前三季度` : `${y1}年${a}-${b}月`) : `${y1}年${a}月至${y2}年${b}月`;
    return { kind: 'months', start: iso(y1, a, 1), end: endOf(y2, b), yearStated: true, en, zh };
  }
  const date = YMD.exec(body);
  if (!date) return PERIOD_GRAMMAR;
  const [year, month, day] = [Number(date[1]), date[2] ? Number(date[2]) : null, date[3] ? Number(date[3]) : null];
  if (month === null) return { kind: 'year', start: iso(year, 1, 1), end: iso(year, 12, 31), yearStated: true, en: String(year), zh: `${year}年` };
  if (!validMonth(month)) return PERIOD_GRAMMAR;
  if (day === null) return { kind: 'month', start: iso(year, month, 1), end: endOf(year, month), yearStated: true, en: `${MONTHS_FULL[month - 1]} ${year}`, zh: `${year}年${month}月` };
  if (!validDay(year, month, day)) return PERIOD_GRAMMAR;
  return { kind: 'day', start: iso(year, month, day), end: iso(year, month, day), yearStated: true, en: `${day} ${MONTHS_EN[month - 1]} ${year}`, zh: `${year}年${month}月${day}日` };
}

/** `asof 2023-12`: a stock counted at a point in time. */
function asOf(point: string): Core | string {
  const end = pointLabel(point);
  if (typeof end === 'string') return end;
  return { kind: 'asof', start: null, end: end.end, yearStated: true, en: `as of ${end.en}`, zh: `截至${end.zh}` };
}

/** `cum 2015..2022-01` or `cum ..2022-05`: a running total since a start (or since records began). */
function cumulative(range: string): Core | string {
  const m = /^(\S*)\.\.(\S+)$/.exec(range);
  if (!m) return PERIOD_GRAMMAR;
  const end = pointLabel(m[2]!);
  if (typeof end === 'string') return end;
  if (!m[1]) return { kind: 'cumulative', start: null, end: end.end, yearStated: true, en: `cumulative to ${end.en}`, zh: `截至${end.zh}累计` };
  const start = pointLabel(m[1]);
  if (typeof start === 'string') return start;
  return { kind: 'cumulative', start: start.start, end: end.end, yearStated: true, en: `cumulative, ${start.en} to ${end.en}`, zh: `${start.zh}至${end.zh}累计` };
}

/** A year, month or day as the first and last date it covers, with its labels. */
function pointLabel(point: string): { start: string; end: string; en: string; zh: string } | string {
  const m = YMD.exec(point);
  if (!m) return PERIOD_GRAMMAR;
  const [year, month, day] = [Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null];
  if (month === null) return { start: iso(year, 1, 1), end: iso(year, 12, 31), en: String(year), zh: `${year}年` };
  if (!validMonth(month)) return PERIOD_GRAMMAR;
  if (day === null) return { start: iso(year, month, 1), end: endOf(year, month), en: `${MONTHS_EN[month - 1]} ${year}`, zh: `${year}年${month}月` };
  if (!validDay(year, month, day)) return PERIOD_GRAMMAR;
  return { start: iso(year, month, day), end: iso(year, month, day), en: `${day} ${MONTHS_EN[month - 1]} ${year}`, zh: `${year}年${month}月${day}日` };
}

/** Whether two periods cover the same span with the same meaning (a year's flow is not an as-of stock). */
export function samePeriod(a: Period, b: Period): boolean {
  if (!a.yearStated || !b.yearStated) return a.spec === b.spec;
  return a.kind === b.kind && a.start === b.start && a.end === b.end;
}

/** Whether a kind counts a flow over the whole span, so values of equal spans compare. */
export function isPartialYear(kind: PeriodKind): boolean {
  return kind === 'half' || kind === 'quarter' || kind === 'months' || kind === 'month';
}

function validMonth(m: number): boolean {
  return m >= 1 && m <= 12;
}

function validDay(y: number, m: number, d: number): boolean {
  return d >= 1 && d <= Number(endOf(y, m).slice(8));
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function endOf(y: number, m: number): string {
  return iso(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());
}

/** {@link parsePeriod} for specs known to be valid (code and tests); throws on a bad one. */
export function periodOf(spec: string): Period {
  const parsed = parsePeriod(spec);
  if (typeof parsed === 'string') throw new Error(`gansu-bot: period "${spec}": ${parsed}`);
  return parsed;
}
