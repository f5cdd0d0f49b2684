import { chineseNumbers } from '../knowledge/numerals.ts';
import type { Period } from '../types.ts';
import { periodOf } from '../knowledge/period.ts';

const YEAR_BEFORE = /\bthe same (?:period|time|months?|quarter|half) (?:a year (?:before|earlier)|last year|the (?:year before|previous year))\b|\b(?:the|a) year (?:before|earlier)\b|\bthe (?:previous|prior) year\b|\ba year ago\b|去年同期|上年同期|上一年同期|上一年|前一年|上年呢/;
const YEAR_AFTER = /\b(?:the|a) year (?:after|later)\b|\bthe (?:next|following) year\b|下一年|后一年|次年/;
const EDITION_BEFORE = /\bthe (?:previous|prior|last|one before|edition before)(?: (?:one|edition|fair|expo|session))?\b|\bthe one before\b|上一届|上届/;
const EDITION_AFTER = /\bthe (?:next|following)(?: (?:one|edition|fair|expo|session))?\b|下一届|下届/;
const EDITION = /第([一二三四五六七八九十百\d]+)(?:届|所|个|家|条|批|次|趟|列|座|位)|\b(\d+)(?:st|nd|rd|th)\b/;

/**
 * A follow-up that names time or an edition relative to the earlier question ("the year before?" after
 * 2022, "上一届呢？" after 第八届), spelled out: "2021", "第7届". Null when the follow-up names neither
 * or the earlier question gives nothing to count from.
 */
export function relativeToEarlier(followUp: string, earlier: string, earlierPeriod: Period | null): string | null {
  for (const [pattern, delta] of [[YEAR_BEFORE, -1], [YEAR_AFTER, 1]] as const) {
    const shifted = earlierPeriod && pattern.test(followUp) ? yearShifted(earlierPeriod, delta, /\p{Script=Han}/u.test(followUp)) : null;
    if (shifted) return followUp.replace(pattern, ` ${shifted} `);
  }
  const step = EDITION_BEFORE.test(followUp) ? -1 : EDITION_AFTER.test(followUp) ? 1 : 0;
  const edition = step === 0 ? null : EDITION.exec(earlier);
  if (!edition) return null;
  const n = edition[2] ? Number(edition[2]) : chineseNumbers(edition[1]!)[0] ?? Number(edition[1]);
  if (!Number.isFinite(n) || n + step < 1) return null;
  const spelled = /\p{Script=Han}/u.test(followUp) ? `第${n + step}届` : ordinal(n + step);
  return followUp.replace(step < 0 ? EDITION_BEFORE : EDITION_AFTER, ` ${spelled} `);
}

/**
 * The earlier period a year on or back, as a question would name it: 2022 for 2023, "H1 2022" for
 * H1 2023, "2021年1-7月" for 2022年1-7月. Null for a period with no stated year to count from.
 */
function yearShifted(period: Period, delta: number, chinese: boolean): string | null {
  if (!period.yearStated || period.start === null || !['year', 'half', 'quarter', 'months', 'month'].includes(period.kind)) return null;
  if (period.kind === 'year') return String(Number(period.start.slice(0, 4)) + delta);
  const spec = period.spec.replace(/\b(19|20)\d\d\b/g, (y) => String(Number(y) + delta));
  const shifted = periodOf(spec);
  return (chinese ? shifted.zh : shifted.en).toLowerCase();
}

/** True when a text counts from an earlier question ("the year before", "上一届"): only context can answer it. */
export function countsFromEarlier(text: string): boolean {
  return [YEAR_BEFORE, YEAR_AFTER, EDITION_BEFORE, EDITION_AFTER].some((re) => re.test(text));
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** The earlier question without its edition ("第8届", "30th"), when a follow-up names another. */
export function withoutEdition(text: string): string {
  return text.replace(new RegExp(EDITION.source, 'g'), ' ');
}

/** True when a text names an edition ("第7届", "the 30th", "第8所"). */
export function namesEdition(text: string): boolean {
  return EDITION.test(text);
}

/** The editions a text names, as numbers: "第二十七届" 27, "the 30th" 30. */
export function editionsIn(text: string): number[] {
  return editionMentions(text).map((m) => m.n);
}

/** The editions (ordinals of a series: "第8所", "the 30th") a text names, each with its words as written. */
export function editionMentions(text: string): { n: number; text: string }[] {
  return [...text.matchAll(new RegExp(EDITION.source, 'g'))]
    .map((m) => ({ n: m[2] ? Number(m[2]) : (chineseNumbers(m[1]!)[0] ?? Number(m[1])), text: m[0] }))
    .filter((m) => Number.isFinite(m.n));
}
