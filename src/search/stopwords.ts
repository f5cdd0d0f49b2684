import { createRequire } from 'node:module';
import { ENGLISH_STOP_WORDS } from './natural.ts';

const require = createRequire(import.meta.url);
const iso = require('stopwords-iso') as Record<string, string[]>;

/** General stop words, beyond the lexicon's own: which are always dropped and which only when unused. */
export interface GeneralStopWords {
  /** Function words: never a topic (natural's English list, single Chinese characters). */
  always: readonly string[];
  /**
   * Common words (`trying`, `actually`, `说`) that are noise in a question unless the base itself uses
   * them (`area` in "Lanzhou New Area", `group` in "Jinchuan Group").
   */
  unlessUsed: readonly string[];
}

/** natural's English list plus the stopwords-iso lists for English and Chinese. */
export function generalStopWords(): GeneralStopWords {
  const zh = iso.zh ?? [];
  const singleHan = zh.filter((w) => [...w].length === 1);
  const longer = zh.filter((w) => [...w].length > 1);
  return {
    always: [...ENGLISH_STOP_WORDS, ...singleHan],
    unlessUsed: [...(iso.en ?? []).filter((w) => /^[a-z]+$/.test(w)), ...longer],
  };
}
