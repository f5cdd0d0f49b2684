import type { Language } from '../types.ts';

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /[A-Za-z]{2,}/g;

/**
 * The language to answer in: Chinese when the question has Han characters and they are not
 * outnumbered by English words (`Gansu 海外仓?` is Chinese; `what is 兰洽会 LANGF fair` is English).
 */
export function detectLanguage(text: string): Language {
  const han = [...text].filter((ch) => HAN.test(ch)).length;
  if (han === 0) return 'en';
  const latinWords = text.match(LATIN_WORD)?.length ?? 0;
  // Two Han characters make about one Chinese word.
  return han / 2 >= latinWords ? 'zh' : 'en';
}
