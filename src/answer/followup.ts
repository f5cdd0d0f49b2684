/**
 * A follow-up that leans on an earlier question ("How big is it?", "And in 2023?", "总金额呢？",
 * "那第8所建在哪个国家？"): short, and opening or closing with a reference. Without a conversation such
 * a question is declined with a request for the whole question rather than answered from whatever its
 * few words match; within one, it is answered against what the conversation was about.
 */
export function leansOnEarlier(text: string): boolean {
  // "ok, what about 2024?", "好的，那2021年呢？": an opening interjection says nothing of what is asked.
  const normalized = text.replace(INTERJECTION, '');
  if (/\p{Script=Han}/u.test(normalized)) {
    return fitsIn(normalized, 7, 14) && (/^(那|那么|它|这个|那个|上一届|上一年|前一年)/.test(normalized) || /(呢|比上年多了多少|比上届多了多少)[?？!！。]*$/.test(normalized));
  }
  // "How much of that, in yuan, was …": a part of what was just answered, however long.
  if (/^(how much|how many) of (it|that|those|them)\b/.test(normalized)) return true;
  if (!fitsIn(normalized, 7, 14)) return false;
  return /^(and|what about|how about|then|so)\b/.test(normalized) || /\b(it|its|that|those|them|they|the year before|the one before|the previous one)\b[?.!]*$/.test(normalized);
}

const INTERJECTION = /^(?:(?:ok(?:ay)?|well|alright|right|hmm+|cool|great|nice|thanks|thank you|got it|i see|oh|ah)[\s,.!]+)+|^(?:好的|好|嗯|哦|谢谢|明白了?|了解)[，,。！!\s]*/u;

const REFERENCE_EN = /\b(it|its|that one|this one|the \d+(?:st|nd|rd|th) one|those|these|them|they|their|there|the same|he|she|him|her|the year before|the previous|that year|that edition|that fair|the first one|the second one)\b/;
const REFERENCE_ZH = /它|这个|那个|那一|这一|那届|这届|该|其中|他们|她们|上述|这些|那些|这家|那家|这所|那所|同期|上年|上届|比上|前一年/;

/**
 * A question that may point back without leaning on it wholly ("What was it carrying - how many
 * containers?", "In how many different countries are those partners?"): a pronoun or demonstrative
 * in a question of at most twelve words. Within a conversation such a question is tried against the
 * conversation first.
 */
export function refersBack(normalized: string): boolean {
  if (leansOnEarlier(normalized)) return true;
  return fitsIn(normalized, 12, 24) && (/\p{Script=Han}/u.test(normalized) ? REFERENCE_ZH : REFERENCE_EN).test(normalized);
}

/**
 * A question's length against a bound: words in English, characters in Chinese (Han and digits),
 * since a short question is one that leans on what came before rather than naming its own subject.
 */
export function fitsIn(normalized: string, words: number, hanCharacters: number): boolean {
  if (/\p{Script=Han}/u.test(normalized)) return normalized.replace(/[^\p{Script=Han}\d]/gu, '').length <= hanCharacters;
  return normalized.split(/\s+/).filter(Boolean).length <= words;
}

const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, last: -1, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 最后: -1 };

/**
 * The choice a short reply picks from a list the bot offered ("the second one", "2", "第一个", "最后一个"):
 * 1-based, -1 for the last, or null when the reply picks nothing.
 */
export function ordinalPick(normalized: string): number | null {
  const text = normalized.trim().replace(/[.!?。！？]+$/, '').trim();
  const en = /^(?:(?:the|number|no\.?|#)\s*)?(first|second|third|fourth|fifth|last|[1-9])(?:\s+(?:one|question|option|choice))?(?:\s+please)?$/.exec(text);
  if (en) return ORDINALS[en[1]!] ?? Number(en[1]);
  const zh = /^(?:选)?第?([一二三四五1-9]|最后)(?:个|项|条|一个)(?:问题)?(?:吧)?$/.exec(text) ?? /^第([一二三四五1-9])$/.exec(text);
  if (zh) return ORDINALS[zh[1]!] ?? Number(zh[1]);
  return null;
}

/** Words that only point back ("that edition", "那一届", "它"): taken out of a follow-up before its own words are read. */
const POINTERS = /\b(?:(?:that|this|the same) (?:time|year|edition|one|fair|expo|event|route|train|flight)|it|its|that|this|those|these|them|they|their|the same)\b|同期|那次|这次|当时|那一届|这一届|那届|这届|那一|这一|那个|这个|它们|它|该|那么|^那|呢(?=[?？!！。]*$)/g;

/** A follow-up without its pointing words: "那一届的签约项目数是多少？" -> "的签约项目数是多少？". */
export function withoutPointers(normalized: string): string {
  return normalized.replace(POINTERS, ' ');
}
