import type { Fact, Language } from '../types.ts';
import { NUMBER_WORDS } from '../knowledge/quote.ts';
import type { Analyzer, Unit } from '../search/analyzer.ts';
import type { TermSet } from '../search/index.ts';
import { countsPersons, NUMERIC_KINDS, PERSON_WORDS, unitFits, type Intent } from './intent.ts';
import type { Matcher } from './match.ts';
import { editionMentions, editionsIn } from './relative.ts';
import { statesOrdinal } from './ordinal.ts';
import { withoutPointers } from './followup.ts';

/**
 * Last checks before answering from the best fact: does it really hold what was asked? Each returns a
 * short reason to decline with, or null. They keep the bot from "answering something near".
 */
export interface FactCheckContext {
  question: string;
  normalized: string;
  intent: Intent;
  fact: Fact;
  /** The fact's index terms. */
  factTerms: TermSet;

  /** The fact serialised, to look for numbers and dates in any of its fields. */
  factText: string;
  language: Language;
  analyzer: Analyzer;
  matcher: Matcher;
  /** Units that name what is asked, as the engine filters them. */
  contentOf(units: Unit[]): Unit[];
}

/** An ordinal written in an answer: `6th`, `第6条`, `第六`. */
const ORDINAL_TEXT = /\b\d+(st|nd|rd|th)\b|第[\d一二三四五六七八九十百]+/;

/** Strength at which a fact holds a counted phrase: the phrase itself, or every part of it. */
const FULLY_NAMED = 0.75;

const DATE = /\b(january|february|march|april|may|june|july|august|september|october|november|december|(19|20)\d{2})\b|\d+月|\d{4}年|[一二三四五六七八九十]+月/i;

/** Runs the checks in order; the first reason found wins. */
export function checkFact(ctx: FactCheckContext): string | null {
  return otherEdition(ctx) ?? missingOrdinal(ctx) ?? foreignNumbers(ctx) ?? missingName(ctx) ?? missingFigure(ctx) ?? missingDate(ctx) ?? countedElsewhere(ctx);
}

/** Share of the largest word weight a name needs to be required of a fact: rarer than the base's common places. */
const NAME_WEIGHT = 0.4;

/** Capitalised words inside English sentences (not a sentence's first word, not "I"): names. */
function namesIn(question: string): Set<string> {
  const words = question.split(/\s+/).filter(Boolean);
  const names = new Set<string>();
  words.forEach((w, i) => {
    const start = i === 0 || /[.?!:;]$/.test(words[i - 1]!);
    if (!start && /^[A-Z][a-z]{2,}/.test(w)) names.add(w.toLowerCase().replace(/[^a-z-]/g, ''));
  });
  return names;
}

/**
 * "How many of those patients were treated in Hungary?": a name the question gives that the fact
 * never mentions. The fact's figure is of something else (all centres abroad), so it is declined.
 */
function missingName(ctx: FactCheckContext): string | null {
  if (ctx.language !== 'en') return null;
  const names = namesIn(ctx.question);
  if (names.size === 0) return null;
  // Months are time, and a name most facts share (Lanzhou, where most of it happens) often goes unsaid.
  const named = ctx.contentOf(ctx.analyzer.analyze(ctx.question)).filter(
    (u) => u.raw.split(/[\s-]+/).some((w) => names.has(w)) && !DATE.test(u.raw) && ctx.matcher.weight(u) >= NAME_WEIGHT * ctx.matcher.maxWeight,
  );
  const missing = named.find((u) => ctx.matcher.strength(ctx.factTerms, u) === 0);
  if (!missing) return null;
  // Named as the question wrote it ("Hungary"), not as analysed.
  const at = ctx.question.toLowerCase().indexOf(missing.raw);
  return noFigure(at >= 0 ? ctx.question.slice(at, at + missing.raw.length) : missing.raw, ctx.language);
}

/**
 * "The 27th fair" is not answered by a fact titled for the 28th, though its text mentions the 27th
 * ("up 28.8% on the 27th fair"): an edition asked must be the one the fact's title names, if it names one.
 */
function otherEdition({ question, fact, language }: FactCheckContext): string | null {
  if (!isOtherEdition(question, fact)) return null;
  const asked = editionsIn(question)[0];
  return language === 'zh' ? `我没有第${asked}届的这项数据。` : `I have no such figure for edition ${asked}.`;
}

/**
 * "Where is the 5th Qihuang college?" is not answered by a fact that holds a 5 ("5 TCM centres"):
 * an ordinal asked must be one the fact says it is.
 */
function missingOrdinal({ question, fact, language }: FactCheckContext): string | null {
  const missing = editionMentions(question).find((m) => m.n >= 2 && !statesOrdinal(fact, m.n));
  return missing ? noFigure(missing.text, language) : null;
}

/** True when the question names an edition and the fact's title names another ("the 8th expo" and the 4th's fact). */
export function isOtherEdition(question: string, fact: Fact): boolean {
  const asked = editionsIn(question);
  if (asked.length === 0) return false;
  const titled = editionsIn(`${fact.title.en} ${fact.title.zh}`);
  return titled.length > 0 && !titled.some((n) => asked.includes(n));
}

/** Numbers the question names that the fact never mentions: "growth in 2019", "the 30th fair". */
function foreignNumbers({ question, factText, language }: FactCheckContext): string | null {
  const plain = factText.replace(/(\d),(?=\d{3})/g, '$1');
  const lower = plain.toLowerCase();
  const mentioned = (n: string) =>
    new RegExp(`(?<![\\d.])${n.replace('.', '\\.')}(?![\\d])`).test(plain) ||
    (NUMBER_WORDS[Number(n)] ?? []).some((word) => new RegExp(`\\b${word}\\b`).test(lower));
  const numbers = (question.normalize('NFKC').match(/\d+(?:\.\d+)?/g) ?? []).filter((n) => !mentioned(n));
  if (numbers.length === 0) return null;
  const shown = numbers.join(', ').slice(0, 40);
  return language === 'zh' ? `我没有与“${shown}”对应的数据。` : `I have no figures for ${shown}.`;
}

/** "How many …" of a fact without a fitting figure: the base holds no such number. */
function missingFigure({ intent, fact, language }: FactCheckContext): string | null {
  if (!NUMERIC_KINDS.has(intent.kind) || fact.figures.some((g) => unitFits(intent.kind, g.unit) > 0)) return null;
  // "第几条航线": an ordinal the answer states ("the 6th route", "第六条") answers a rank without a figure.
  if (intent.kind === 'rank' && ORDINAL_TEXT.test(`${fact.answer.en} ${fact.answer.zh}`)) return null;
  return noFigure('', language);
}

/** "When …" of a fact that states no date. */
function missingDate({ intent, fact, language }: FactCheckContext): string | null {
  if (intent.kind !== 'when' || DATE.test(fact.answer.en) || DATE.test(fact.answer.zh)) return null;
  return language === 'zh' ? '资料里没有这个日期。' : "My facts don't give that date.";
}

/**
 * What "how many X" counts must be what one of the fact's figures counts: "how many TCM centres" is not
 * answered by a count of patients. English compares X with the figures' units; Chinese, whose measure
 * words say little, with their labels too. A word the base never uses ("tons") fails at once.
 */
function countedElsewhere(ctx: FactCheckContext): string | null {
  const after = countedPhrase(ctx.normalized);
  // "How many that time?": the words after "how many" only point back; the subject says what is counted.
  const phrase = after === null || withoutPointers(after).trim() === '' ? null : after;
  if (phrase === null || ctx.intent.kind !== 'count') return null;
  const counted = ctx.contentOf(ctx.analyzer.analyze(phrase));
  if (counted.length === 0) return null;
  const zh = /\p{Script=Han}/u.test(phrase);
  // "how many passengers …": the counted word itself is one the base never uses.
  if (!zh && ctx.matcher.unknown(counted[0]!)) return noFigure(counted[0]!.raw, ctx.language);
  // "How many people": any figure that counts persons (its Chinese unit says 人: guests, trainees, visitors).
  const persons = PERSON_WORDS.test(counted[0]!.raw);
  const named = ctx.fact.figures.some((g) => {
    if (persons && countsPersons(g)) return true;
    // A label's first word names what it counts too ("Deals signed at the 30th fair", unit "projects").
    const text = zh ? `${g.unit} ${g.unitZh} ${g.label.zh} ${g.label.en}` : `${g.unit} ${g.label.en.split(/\s+/)[0] ?? ''}`;
    const terms = new Set(ctx.analyzer.analyze(text).flatMap((u) => u.terms));
    // A Chinese measure word glued to a noun ("批货") still counts when its character is the figure's ("批次").
    const shares = (u: Unit) => zh && /^\p{Script=Han}+$/u.test(u.raw) && [...u.raw].some((ch) => text.includes(ch));
    return counted.some((u) => ctx.matcher.strength(terms, u) > 0 || shares(u));
  });
  // A phrase in what is counted must be the fact's whole: "中欧班列" (China-Europe trains) is not every "班列".
  const whole = counted.every((u) => (u.terms.length === 1 && u.role !== 'synonym') || ctx.matcher.strength(ctx.factTerms, u) >= FULLY_NAMED);
  return named && whole ? null : noFigure(phrase.trim(), ctx.language);
}

/**
 * The words after "how many" / "number of" / "多少" / "几", up to the verb or the end:
 * "how many overseas tcm centres does gansu have" -> "overseas tcm centres".
 */
export function countedPhrase(normalized: string): string | null {
  const en = /\b(?:how many|number of)\s+(?:of (?:the|those|these|them|its|their)\s+)?(.*?)(?=\s(?:does|do|did|is|are|was|were|has|have|had|can|could|will|would|with|and (?:their|its|the|how|what|which))\b|[?.!,;:]|$)/.exec(normalized);
  if (en) return en[1]!;
  const zh = /(?:多少|几)(.*?)(?=吗|呢|和|及|[?？。!！，,；;]|$)/.exec(normalized);
  return zh ? zh[1]! : null;
}

/** "I have no figure for …": the base holds no number of what is asked. */
export function noFigure(what: string, language: Language): string {
  const shown = what.slice(0, 40);
  if (language === 'zh') return shown ? `我没有关于“${shown}”的数据。` : '我没有这个数字。';
  return shown ? `I have no figure for "${shown}".` : 'I have no figure for that.';
}
