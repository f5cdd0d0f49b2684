import type { Period } from '../types.ts';
import { periodOf } from '../knowledge/period.ts';

/** What a question says about time: a period it asks for, a span to compare, or a trend. */
export interface TimeQuery {
  /** The one period asked for ("H1 2022", "去年"), or null. */
  period: Period | null;
  /** "from 2022 to 2024", "since 2019": the ends of a change (`to` null means the latest). */
  range: { from: Period; to: Period | null } | null;
  /** "how has it changed", "trend", "趋势": the whole series. */
  trend: boolean;
  /** The question with the time words taken out, for retrieval. */
  rest: string;
  /** True when the period came from "this year" / "今年": a question about now, which the latest answers. */
  current: boolean;
  /** "the full year", "全年": part of the year does not answer. */
  wholeYear: boolean;
}

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const YEAR = "((?:19|20)\\d{2}|'\\d{2})";
const COUNT: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11 };
const ORDINAL: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const TREND = /\b(trend|trends|over time|over the years|year by year|changed?|changing|evolv(?:e|ed|ing)|grown|develop(?:ed|ment)|history|historical|series)\b|趋势|变化|历年|逐年|走势|发展情况|增长情况/;

const pad = (n: number) => String(n).padStart(2, '0');
const month = (word: string) => MONTHS.indexOf(word.slice(0, 3)) + 1;
const num = (word: string) => COUNT[word] ?? Number(word);

/**
 * Reads the time in a question (normalised: lower case, NFKC). Relative words ("last year", "去年")
 * resolve against `today`, so the answer can name the period it used.
 */
export function readTime(normalized: string, today: Date): TimeQuery {
  let rest = normalized;
  const year = (y: string) => (y.startsWith("'") ? 2000 + Number(y.slice(1)) : Number(y));
  const now = today.getUTCFullYear();
  const take = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(rest);
    if (m) rest = `${rest.slice(0, m.index)} ${rest.slice(m.index + m[0].length)}`;
    return m;
  };
  const current = /\bthis year\b|今年/.test(rest);
  // "Full-year", "the whole of 2023": time words, taken out with the rest of the time asked.
  const WHOLE = /\b(?:full|whole|entire)[- ]year\b|\b(?:the )?(?:whole|entire|all) of\b|全年|整年/g;
  const wholeYear = WHOLE.test(rest);
  rest = rest
    .replace(WHOLE, ' ')
    .replace(/\blast year\b|去年/g, ` ${now - 1} `)
    .replace(/\bthis year\b|今年/g, ` ${now} `)
    .replace(/\bthe year before last\b|前年/g, ` ${now - 2} `);
  const specs: string[] = [];
  let m: RegExpExecArray | null = null;
  // Spans in English; a second one of the same question ("from H1 2022 to H1 2023") makes a range.
  const englishSpan = (): string | null => {
    let m: RegExpExecArray | null;
    if ((m = take(new RegExp(`\\b(?:h([12])|([12])h)\\s*(?:of\\s+)?${YEAR}`)))) return `${year(m[3]!)}-H${m[1] ?? m[2]}`;
    if ((m = take(/\b([12])h(\d{2})\b/))) return `${2000 + Number(m[2])}-H${m[1]}`;
    if ((m = take(new RegExp(`\\b(first|second) half(?: of)?(?: the year)?\\s*(?:of\\s+|in\\s+)?${YEAR}`)))) return `${year(m[2]!)}-H${ORDINAL[m[1]!]}`;
    if ((m = take(new RegExp(`\\b(?:q([1-4])|([1-4])q)\\s*(?:of\\s+)?${YEAR}`)))) return `${year(m[3]!)}-Q${m[1] ?? m[2]}`;
    if ((m = take(new RegExp(`\\b(first|second|third|fourth) quarter(?: of)?\\s*${YEAR}`)))) return `${year(m[2]!)}-Q${ORDINAL[m[1]!]}`;
    if ((m = take(new RegExp(`\\bfirst (two|three|four|five|six|seven|eight|nine|ten|eleven|\\d{1,2}) (months|quarters)(?: of)?\\s*${YEAR}`)))) {
      const n = num(m[1]!) * (m[2] === 'quarters' ? 3 : 1);
      return n === 1 ? `${year(m[3]!)}-01` : `${year(m[3]!)}-01..${pad(n)}`;
    }
    if ((m = take(new RegExp(`\\b${MONTH}\\.?\\s*(?:-|–|—|to|through|thru|until|till)\\s*${MONTH}\\.?,?\\s*(?:of\\s+)?${YEAR}`)))) {
      return `${year(m[3]!)}-${pad(month(m[1]!))}..${pad(month(m[2]!))}`;
    }
    if ((m = take(new RegExp(`\\b${MONTH}\\.?,?\\s*(?:of\\s+)?${YEAR}`)))) return `${year(m[2]!)}-${pad(month(m[1]!))}`;
    return null;
  };
  for (let i = 0; i < 2; i += 1) {
    const spec = englishSpan();
    if (spec) specs.push(spec);
  }
  // Spans in Chinese; the year may stand apart ("2022年上半年", "2022年1-5月", "前三季度").
  const zhYear = /((?:19|20)\d{2})\s*年?/.exec(rest)?.[1];
  if (specs.length === 0 && zhYear) {
    if ((m = take(/(上|下)半年/))) specs.push(`${zhYear}-H${m[1] === '上' ? 1 : 2}`);
    else if ((m = take(/前([一二三1-3])个?季度/))) specs.push(`${zhYear}-01..${pad(3 * ORDINAL[m[1]!]!)}`);
    else if ((m = take(/第?([一二三四1-4])季度/))) specs.push(`${zhYear}-Q${ORDINAL[m[1]!]}`);
    else if ((m = take(/(?:前|头)([两二三四五六七八九十]|十一|\d{1,2})个月/))) specs.push(`${zhYear}-01..${pad(num(m[1]!))}`);
    else if ((m = take(/(\d{1,2})\s*[-—–~至到]\s*(\d{1,2})\s*月/))) specs.push(`${zhYear}-${pad(Number(m[1]))}..${pad(Number(m[2]))}`);
    else if ((m = take(/(\d{1,2})\s*月(?!\d*日)/))) specs.push(`${zhYear}-${pad(Number(m[1]))}`);
    if (specs.length > 0) take(new RegExp(`${zhYear}\\s*年?`));
  }
  const years = [...rest.matchAll(/(?<![\d.])((?:19|20)\d{2})(?![\d.%])/g)].map((x) => Number(x[1]));
  const trend = TREND.test(normalized);
  const strip = (text: string) => (trend ? text.replace(new RegExp(TREND.source, 'g'), ' ') : text);
  const since = /\bsince\s+((?:19|20)\d{2})\b|((?:19|20)\d{2})\s*年?以来/.exec(rest);
  if (specs.length === 0 && since) {
    const from = Number(since[1] ?? since[2]);
    return { period: null, range: { from: periodOf(String(from)), to: null }, trend: true, rest: strip(rest.replace(since[0], ' ')), current: false, wholeYear };
  }
  if (specs.length === 0 && years.length >= 2 && /\b(from|between|to|and|vs|versus|compared)\b|到|至|和|与|比/.test(rest)) {
    const [from, to] = [Math.min(...years), Math.max(...years)];
    const cleaned = rest.replace(/(?<![\d.])(?:19|20)\d{2}(?![\d.%])\s*年?/g, ' ');
    if (from !== to) return { period: null, range: { from: periodOf(String(from)), to: periodOf(String(to)) }, trend: true, rest: strip(cleaned), current: false, wholeYear };
  }
  if (specs.length === 0 && years.length === 1 && !/\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/.test(rest)) {
    specs.push(String(years[0]));
    rest = rest.replace(new RegExp(`(?<![\\d.])${years[0]}\\s*年?`), ' ');
  }
  if (specs.length === 2) {
    const [from, to] = [safePeriod(specs[0]!), safePeriod(specs[1]!)];
    if (from && to && from.spec !== to.spec) {
      const [a, b] = (from.end ?? '') <= (to.end ?? '') ? [from, to] : [to, from];
      return { period: null, range: { from: a, to: b }, trend: true, rest: strip(rest), current: false, wholeYear };
    }
  }
  const period = specs[0] ? safePeriod(specs[0]) : null;
  // "by the end of May 2022", "截至2022年5月": the words around a period are part of it.
  if (period) rest = rest.replace(/\b(?:by|as of|at|until|till)?\s*(?:the\s+)?end\s+of\b|\bas of\b|截至|截止|底/g, ' ');
  rest = strip(rest);
  return { period, range: null, trend: trend && period === null, rest, current, wholeYear };
}

function safePeriod(spec: string): Period | null {
  try {
    return periodOf(spec);
  } catch {
    return null;
  }
}
