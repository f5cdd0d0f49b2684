/** Rendering that depends on the locale: numbers and plurals through Intl, Simplified to Traditional Chinese. */
import * as OpenCC from 'opencc-js/cn2t';
import type { Language } from '../types.ts';

/** The locale Intl formats each language in. */
const LOCALES: Record<Language, string> = { en: 'en-US', zh: 'zh-CN' };

const numbers = { en: new Intl.NumberFormat(LOCALES.en), zh: new Intl.NumberFormat(LOCALES.zh) };
const plurals = { en: new Intl.PluralRules(LOCALES.en), zh: new Intl.PluralRules(LOCALES.zh) };

/**
 * A count as people of `language` write it (`1,234`), through Intl.NumberFormat rather than a
 * hand-written grouping. Figures keep src/answer's own formatter; this is for counts in messages.
 */
export function formatCount(value: number, language: Language): string {
  return numbers[language].format(value);
}

/**
 * `value` with the noun form Intl.PluralRules picks (`1 command`, `12 commands`); Chinese has one
 * form, so `forms.other` serves.
 */
export function countOf(value: number, forms: { one: string; other: string }, language: Language = 'en'): string {
  const form = plurals[language].select(value) === 'one' ? forms.one : forms.other;
  return `${formatCount(value, language)} ${form}`;
}

const convert = OpenCC.Converter({ from: 'cn', to: 'tw' });

/**
 * Simplified Chinese as Taiwan's Traditional Chinese, for platforms that localise per script
 * (Discord's zh-TW): the catalog and the knowledge are written once, in Simplified.
 */
export function toTraditional(text: string): string {
  return convert(text);
}
