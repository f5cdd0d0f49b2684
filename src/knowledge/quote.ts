import { chineseNumbers, wordNumbers } from './numerals.ts';

/** English words for one to ten, cardinal and ordinal: sources write small numbers out. */
export const NUMBER_WORDS: Record<number, readonly string[]> = {
  1: ['one', 'first'], 2: ['two', 'second'], 3: ['three', 'third'], 4: ['four', 'fourth'], 5: ['five', 'fifth'],
  6: ['six', 'sixth'], 7: ['seven', 'seventh'], 8: ['eight', 'eighth'], 9: ['nine', 'ninth'], 10: ['ten', 'tenth'],
};

/**
 * True when `value` is written in `quote`: as digits (thousands separators ignored, `31st` counts)
 * or, for one to ten, as a word (`sixth`). Guards against figures that the source does not state.
 */
export function valueAppearsIn(value: number, quote: string): boolean {
  const plain = quote.replace(/(\d),(?=\d{3}\b)/g, '$1');
  const digits = String(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (new RegExp(`(?<![\\d.])${digits}(?![\\d]|\\.\\d)`).test(plain)) return true;
  const words = NUMBER_WORDS[value] ?? [];
  return words.some((word) => new RegExp(`\\b${word}\\b`, 'i').test(quote));
}

// 亿 is 1e8 but "billion" 1e9: keep them apart.
const SCALE: ReadonlyArray<[RegExp, number]> = [
  [/[万萬][亿億]|trillion/i, 1e12],
  [/[亿億]/, 1e8],
  [/billion|\bbn\b|miliar|bilh|milliard|млрд/i, 1e9],
  [/百万|million|\bmn\b|milion|milh|млн|juta/i, 1e6],
  [/[万萬]|ten thousand/i, 1e4],
  [/thousand|千|тис\.|ribu/i, 1e3],
];

/** The multiplier a text's scale word implies (`亿` 1e8, `billion` 1e9), 1 without one. */
export function scaleOf(text: string): number {
  return SCALE.find(([re]) => re.test(text))?.[1] ?? 1;
}

/**
 * True when `printed` (the source's wording, `264.2亿元`) states `value` in `unit` (`billion yuan`):
 * its number times its scale word equals the value times the unit's. Lets a figure be converted into
 * its measure's unit while staying checkable against the page.
 */
export function printedStates(printed: string, value: number, unit: string): boolean {
  const right = value * scaleOf(unit);
  const close = (left: number) => Math.abs(left - right) <= 1e-9 * Math.max(Math.abs(left), Math.abs(right), 1);
  const number = firstNumber(printed);
  if (number) {
    const rest = printed.slice(number.end);
    // "10.000 ton" (Indonesian, German) groups thousands with a dot: read it both ways.
    const readings = [number.value, ...(/^\d{1,3}(\.\d{3})+$/.test(printed.slice(0, number.end).match(/[\d.,]+$/)?.[0] ?? '') ? [Number(printed.slice(0, number.end).match(/[\d.,]+$/)![0].replace(/\./g, ''))] : [])];
    if (readings.some((n) => close(n * scaleOf(rest)))) return true;
  }
  // Numbers in words carry their scale inside ("七十億五千萬"), or a unit word after them.
  return [...chineseNumbers(printed), ...wordNumbers(printed)].some((n) => close(n) || close(n * scaleOf(printed.replace(/[零〇一二两兩三四五六七八九十百千]+/g, ''))));
}

/** Whitespace-insensitive containment: notes write `264.2 亿元` in a statement and `264.2亿元` in a figure line. */
export function containsLoosely(haystack: string, needle: string): boolean {
  const squash = (s: string) => s.replace(/\s+/g, '').normalize('NFKC');
  return squash(haystack).includes(squash(needle));
}

/**
 * The first number in a printed figure and where it ends: `5,567` groups thousands, while `32,58`
 * (Italian, Portuguese) and `3,2` use a decimal comma.
 */
export function firstNumber(printed: string): { value: number; end: number } | null {
  const m = /(\d+(?:[.,]\d+)*)/.exec(printed);
  if (!m) return null;
  const digits = m[1]!;
  const normal = /,\d{3}(?!\d)/.test(digits) ? digits.replace(/,/g, '') : digits.replace(',', '.');
  const value = Number(normal);
  return Number.isFinite(value) ? { value, end: m.index + digits.length } : null;
}
