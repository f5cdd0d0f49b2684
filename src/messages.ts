import type { Bilingual, Language } from './types.ts';

/**
 * Short replies that are not answers (limits, errors), in both languages. They live in the core so
 * every platform says the same thing; adapters only pick the language.
 */
export const MESSAGES = {
  rateLimited: {
    en: "You're asking faster than I can keep up. Please wait a minute; I'll answer again then.",
    zh: '您提问太频繁了，请稍等一分钟再问。',
  },
  cooldown: {
    en: 'Please wait a few seconds before asking again.',
    zh: '请稍等几秒再提问。',
  },
  error: {
    en: 'Sorry, something went wrong on my side. Please try again.',
    zh: '抱歉，我这边出了点问题，请再试一次。',
  },
  emptyQuestion: {
    en: 'Ask me a question after the command, for example: /ask how many overseas warehouses',
    zh: '请在命令后输入问题，例如：/ask 甘肃有多少个海外仓',
  },
} as const satisfies Record<string, Bilingual>;

/** Picks a message in `language`. */
export function message(key: keyof typeof MESSAGES, language: Language): string {
  return MESSAGES[key][language];
}
