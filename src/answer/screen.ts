import type { Answer, DeclineReason, Language } from '../types.ts';
import type { Analyzer, Unit } from '../search/analyzer.ts';
import { normalizeText } from '../search/normalize.ts';
import { questionLength } from '../text/length.ts';
import { leansOnEarlier } from './followup.ts';
import { detectIntent, type Intent } from './intent.ts';
import { detectLanguage } from './language.ts';
import { hasUnknownProperNoun, isLoneHan, type Matcher } from './match.ts';

/** A question that passed the screen: its language, analysis and intent, for the later steps. */
export interface Screened {
  question: string;
  language: Language;
  normalized: string;
  units: Unit[];
  /** Units that name what is asked (not greetings, question words or bare numbers). */
  content: Unit[];
  intent: Intent;
}

/** Declines with a reason and an optional extra sentence; built by the engine with its examples. */
export type Decline = (language: Language, reason: DeclineReason, extra?: string) => Answer;

/**
 * "Which country …", "哪个国家", "哪天": the kind of answer wanted, not a word the fact must contain (a
 * fact naming Ukraine answers it without the word "country", one dated 27 December without "day").
 * Taken out before the question is analysed; the intent is still read from the question as asked.
 */
const ANSWER_TYPE = /\b(which|what) (country|countries|nation|nations|day|date|month|year)\b|哪一?个国家|哪些国家|哪国|哪一?天|几号|哪一?年|几月份?/gi;

export function withoutAnswerType(question: string): string {
  return question.replace(ANSWER_TYPE, (m) => (/\p{Script=Han}/u.test(m) ? '哪个' : m.split(' ')[0]!));
}

/** "Different question: …", "Hi, …", "你好，想问一下…": a lead-in that says a question follows, not what it is about. */
const LEAD_IN = /^\s*(?:(?:(?:a|one|my)\s+)?(?:different|another|new|quick|last|final|next|other|one more)\s+(?:question|one|thing)|(?:on\s+)?a different (?:note|topic)|changing (?:the\s+)?(?:topic|subject)|new topic|moving on|jumping ahead|(?:hi|hello|hey)(?: there)?)\s*[:,.;!-]+\s*|^\s*(?:换个问题|另一个问题|再问一个|换个话题|另外|你好|您好)[：:，,。！!]?(?:想问一下|请问|我想问)?[：:，,]?/i;

export function withoutLeadIn(question: string): string {
  // A greeting alone stays a greeting.
  const rest = question.replace(LEAD_IN, '');
  return /[\p{L}\p{N}]/u.test(rest) ? rest : question;
}

/**
 * Units that name what is asked: words and synonyms, not greetings, numbers (checked against the fact)
 * or symbols alone ("%", "$": they say what kind of answer, not what about).
 */
export function contentUnits(units: Unit[]): Unit[] {
  return units.filter((u) => (u.role === 'word' || u.role === 'synonym') && !/^\d+(\.\d+)?$/.test(u.raw) && /[\p{L}\p{N}]/u.test(u.raw));
}

/**
 * The first step: empty, too long, off-topic, greetings, help and unknown names are answered here
 * (as declines); anything else comes back analysed for retrieval. A `followUp` (asked with a
 * conversation's focus) may have no known words of its own.
 */
export function screen(question: string, forced: Language | undefined, analyzer: Analyzer, matcher: Matcher, maxLength: number, decline: Decline, followUp = false): Answer | Screened {
  const language = forced ?? detectLanguage(question);
  if (question.trim() === '') return decline(language, 'empty');
  if (questionLength(question) > maxLength) {
    return decline(language, 'too_long', language === 'zh' ? `（上限${maxLength}字）` : `(limit: ${maxLength} characters)`);
  }
  const asked = withoutLeadIn(question);
  const units = analyzer.analyze(withoutAnswerType(asked));
  if (units.some((u) => u.role === 'offTopic')) return decline(language, 'off_topic');
  const content = contentUnits(units);
  const normalized = normalizeText(asked);
  // A follow-up's subject comes from the conversation ("And in 2023?" has no words of its own); one
  // that opens with "ok" or "thanks" still asks when it names a year or leans on the last answer.
  const smallTalk = units.some((u) => u.role === 'greeting' || u.role === 'help') && !/\d/.test(question) && !leansOnEarlier(normalized);
  if (content.every((u) => matcher.unknown(u)) && !(followUp && !smallTalk)) {
    if (units.some((u) => u.role === 'help')) return decline(language, 'help');
    if (units.some((u) => u.role === 'greeting')) return decline(language, 'greeting');
    // Nothing but question words ("tell me about gansu"): say what can be asked.
    return decline(language, content.length === 0 ? 'help' : 'unknown');
  }
  if (hasUnknownProperNoun(question, content, matcher)) return decline(language, 'unknown');
  // "是哪一年建的？": one character (建, also part of 共建) is all it names, so it leans on an earlier question.
  const loneCharacters = content.every(isLoneHan);
  if (!followUp && (leansOnEarlier(normalized) || loneCharacters)) {
    return decline(language, 'unknown', language === 'zh' ? '请把问题完整地问一遍：我还看不出它接的是哪个问题。' : 'Please ask the whole question: I cannot yet tell which earlier question it follows.');
  }
  return { question, language, normalized, units, content, intent: detectIntent(normalized) };
}
