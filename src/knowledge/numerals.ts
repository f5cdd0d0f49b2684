/**
 * Readings of numbers that notes print in words: English (`thirty-eight`, `sixth`), German (`zwölf`)
 * and Chinese numerals (`五個`, `第八届`, `70億5千万`). Hand-written because no registry package reads
 * all three; the figures they back are checked against every reading, so a wrong one cannot pass alone.
 */
const EN_UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
/** English ordinal words by their number (index 0 is never a question's ordinal). */
export const EN_ORDINALS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const DE = ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf'];
const ZH_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const ZH_BIG: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** Every number an English or German word in `text` names. */
export function wordNumbers(text: string): number[] {
  const out: number[] = [];
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(/\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](one|two|three|four|five|six|seven|eight|nine))?\b/g)) {
    out.push(EN_TENS.indexOf(m[1]!) * 10 + (m[2] ? EN_UNITS.indexOf(m[2]) : 0));
  }
  EN_UNITS.forEach((w, n) => new RegExp(`\\b${w}\\b`).test(lower) && out.push(n));
  EN_ORDINALS.forEach((w, n) => new RegExp(`\\b${w}\\b`).test(lower) && out.push(n));
  DE.forEach((w, n) => new RegExp(`(^|[^\\p{L}])${w}($|[^\\p{L}])`, 'u').test(lower) && out.push(n));
  return out;
}

/** Every number a run of Chinese numerals in `text` names (`五` 5, `十二` 12, `七十億五千萬` 7,050,000,000). */
export function chineseNumbers(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/[零〇一二两兩三四五六七八九十百千万萬亿億\d.]+/g)) {
    const value = readChinese(m[0]);
    if (value !== null && /[零〇一二两兩三四五六七八九十百千万萬亿億]/.test(m[0])) out.push(value);
  }
  return out;
}

function readChinese(run: string): number | null {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (let i = 0; i < run.length; i += 1) {
    const ch = run[i]!;
    const arabic = /[\d.]/.test(ch) ? /^[\d.]+/.exec(run.slice(i))![0] : null;
    if (arabic) {
      digit = Number(arabic);
      i += arabic.length - 1;
      if (!Number.isFinite(digit)) return null;
    } else if (ch in ZH_DIGITS) digit = ZH_DIGITS[ch]!;
    else if (ch in ZH_UNITS) {
      section += (digit ?? 1) * ZH_UNITS[ch]!;
      digit = null;
    } else if (ch in ZH_BIG) {
      total += (section + (digit ?? 0)) * ZH_BIG[ch]!;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}
