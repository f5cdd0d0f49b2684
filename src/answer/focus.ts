import type { Analyzer, Unit } from '../search/analyzer.ts';
import type { TermSet } from '../search/index.ts';
import { normalizeText } from '../search/normalize.ts';
import { withoutPointers } from './followup.ts';
import { detectIntent, NUMERIC_KINDS, unitFits } from './intent.ts';
import type { Fact } from '../types.ts';
import { namesEdition, relativeToEarlier, withoutEdition } from './relative.ts';
import { isLoneHan, type Matcher } from './match.ts';
import { contentUnits, withoutAnswerType, type Screened } from './screen.ts';
import { readTime, type TimeQuery } from './timeline.ts';

/**
 * What a conversation was last about, for answering a follow-up ("How big is it?", "总金额呢？"):
 * the earlier question as it was answered, and the documents its answer came from.
 */
export interface Focus {
  /** The earlier question, complete (a resolved follow-up carries its own subject). */
  subject: string;
  /** Source documents of the earlier answer: a fact from one of them ranks higher. */
  documents: ReadonlySet<string>;
}

/** A follow-up read against its focus: its own words, the subject's, and the time of both. */
export interface FocusedQuery {
  q: Screened;
  time: TimeQuery;
  /** The follow-up's own content words ("imports" of "How much of that was imports?"). */
  own: Unit[];
  /** The earlier question's content words the follow-up does not repeat. */
  subject: Unit[];
  documents: ReadonlySet<string>;
  /** True when the follow-up adds nothing to the subject ("How big is it?" with no word the base knows). */
  asksNothing: boolean;
}

/** How much the subject's coverage counts against the follow-up's own in a fact's coverage. */
const SUBJECT_SHARE = 0.3;

/** Share of the subject's words a fact from another source must cover to stay with the conversation. */
const MIN_SUBJECT_COVERAGE = 0.15;

/** Share of the follow-up's own words a fact must cover to answer it in focus. */
const MIN_OWN_COVERAGE = 0.75;

/** Share of its subject coverage a fact keeps for a follow-up whose own words are single characters. */
const LONE_HAN_SHARE = 0.9;

/** Rank added to a fact from a document the earlier answer came from. */
export const FOCUS_BONUS = 0.2;

/**
 * Joins a follow-up to its focus. The follow-up's own period wins ("And in 2023?"); without one, the
 * earlier question's period carries over ("How much of that was imports?" after "Q1 2022 total").
 * The intent is the follow-up's, or the earlier question's when the follow-up states none.
 */
export function focusQuery(q: Screened, focus: Focus, analyzer: Analyzer, matcher: Matcher, today: Date): FocusedQuery {
  const earlier = normalizeText(focus.subject);
  const earlierTime = readTime(earlier, today);
  // "the year before?" after 2022 asks 2021; "上一届呢？" after 第8届 asks 第7届.
  const ownText = relativeToEarlier(q.normalized, earlier, earlierTime.period) ?? q.normalized;
  const ownTime = readTime(ownText, today);
  const asksTime = ownTime.period !== null || ownTime.range !== null || ownTime.trend;
  // "What about the next edition?" after the 20th fair "in 2014": another edition is another year too.
  const asksEdition = namesEdition(ownText);
  const subjectBase = asksTime || asksEdition ? earlierTime.rest : earlier;
  const subjectText = clip(asksEdition ? withoutEdition(subjectBase) : subjectBase);
  const normalized = `${ownText} ${subjectText}`;
  // "Full-year … 2022" then "and the year before?": the whole year is still what is asked.
  const joined = readTime(normalized, today);
  const time = { ...joined, wholeYear: joined.wholeYear || earlierTime.wholeYear };
  const ownIntent = detectIntent(q.normalized);
  // An edition ("the 30th") is checked against each fact's title, not matched as a word. A word the base
  // never uses ("how long does the trip take?") says nothing a fact could match when the follow-up asks
  // something definite (how long, when, how many): the subject carries it.
  const own = contentUnits(analyzer.analyze(withoutAnswerType(withoutPointers(ownTime.rest)))).filter(
    (u) => !namesEdition(u.raw) && (ownIntent.kind === 'other' || !matcher.unknown(u)),
  );
  const seen = new Set(own.map((u) => u.terms[0]));
  // "And at the previous edition?" asks the 28th: the earlier question's 29th is no longer its subject.
  const earlierRest = asksEdition ? withoutEdition(earlierTime.rest) : earlierTime.rest;
  const subject = contentUnits(analyzer.analyze(withoutPointers(earlierRest))).filter((u) => !seen.has(u.terms[0]) && (seen.add(u.terms[0]), true));
  const intent = ownIntent.kind === 'other' ? { ...detectIntent(earlier), operation: ownIntent.operation, weakOperation: ownIntent.weakOperation } : ownIntent;
  const question = `${ownText === q.normalized ? q.question : ownText} ${subjectText}`;
  return {
    q: { ...q, question, normalized, units: analyzer.analyze(normalized), content: [...own, ...subject], intent },
    time,
    own,
    subject,
    // A period of its own ("And in 2023?") is usually another source's: the earlier documents no longer count.
    documents: asksTime || asksEdition ? new Set<string>() : focus.documents,
    asksNothing: own.length === 0 && !asksTime && !asksEdition && ['other', 'what', 'yesno'].includes(ownIntent.kind),
  };
}

/** Longest subject carried, in characters: a long conversation keeps its newest questions (they come first). */
const MAX_SUBJECT = 240;

function clip(text: string): string {
  const squeezed = text.replace(/\s+/g, ' ').trim();
  if (squeezed.length <= MAX_SUBJECT) return squeezed;
  const cut = squeezed.slice(0, MAX_SUBJECT);
  return cut.includes(' ') ? cut.slice(0, cut.lastIndexOf(' ')) : cut;
}

/**
 * 0..1: a fact's coverage of a follow-up: mostly of its own words ("imports"), partly of the subject's
 * (the earlier question's); the subject's alone when the follow-up has no words of its own ("And in 2023?").
 */
export function focusCoverage(matcher: Matcher, terms: TermSet, own: readonly Unit[], subject: readonly Unit[], ownFloor = 0): number {
  const ofSubject = subject.length > 0 ? matcher.coverage(terms, subject) : 1;
  if (own.length === 0) return ofSubject;
  const blended = (1 - SUBJECT_SHARE) * Math.max(ownFloor, matcher.coverage(terms, own)) + SUBJECT_SHARE * ofSubject;
  // "是哪一年建的？": one character (建, 数) says too little to outweigh how well the fact fits the subject.
  return own.every(isLoneHan) ? Math.max(blended, LONE_HAN_SHARE * ofSubject) : blended;
}

/** Kinds of number specific enough that a figure of that kind answers them whatever words they use. */
const SPECIFIC_KINDS: ReadonlySet<string> = new Set(['duration', 'size', 'percent', 'amount', 'rank']);

/**
 * "How long does the trip take?" after the CKU train: a fact the conversation was just using, with a
 * figure of exactly the kind asked (days), answers a follow-up of a specific kind even in other words.
 */
export function answersKindInFocus(fact: Fact, focus: Pick<FocusedQuery, 'q' | 'documents'>): boolean {
  const kind = focus.q.intent.kind;
  return SPECIFIC_KINDS.has(kind) && focus.documents.has(fact.source.documentId) && fact.figures.some((g) => unitFits(kind, g.unit) >= 1);
}

/** The own-word coverage a fact is credited with for answering a follow-up's kind in focus. */
export function ownFloorOf(fact: Fact, focus: Pick<FocusedQuery, 'q' | 'documents'>): number {
  return answersKindInFocus(fact, focus) ? MIN_OWN_COVERAGE : 0;
}

/**
 * Whether a fact can answer a follow-up at all: it covers the follow-up's own words, and it stays with
 * the conversation (it comes from a source the last answer used, or covers enough of the subject).
 */
export function fitsFocus(matcher: Matcher, terms: TermSet, fact: Fact, focus: FocusedQuery): boolean {
  const document = fact.source.documentId;
  // A follow-up whose own words are single characters (建) is matched by its subject (the rule below).
  const loneHan = focus.own.length > 0 && focus.own.every(isLoneHan);
  if (focus.own.length > 0 && !loneHan && matcher.coverage(terms, focus.own) < MIN_OWN_COVERAGE && !answersKindInFocus(fact, focus)) return false;
  // With no words of its own ("How big is it?"), a follow-up asks only its kind of number: the fact
  // must have a figure of exactly that kind (an area, not the opening date).
  // "多少" asks how many or how much: any figure answers a count.
  const least = focus.q.intent.kind === 'count' ? 0.5 : 1;
  if (focus.own.length === 0 && NUMERIC_KINDS.has(focus.q.intent.kind) && !fact.figures.some((g) => unitFits(focus.q.intent.kind, g.unit) >= least)) return false;
  // "And at the 30th?" asks the earlier question again: its weightiest word must be the fact's own
  // ("guests of honour"), not only a part of it ("guests"). So must "是哪一年建的？", whose one
  // character 建 is also part of 共建 and says too little alone.
  if (loneHan) {
    // Of words the base uses: one it never uses ("the whole of") is no fact's own.
    const key = focus.subject.filter((u) => !matcher.unknown(u)).reduce<Unit | null>((a, u) => (a === null || matcher.weight(u) > matcher.weight(a) ? u : a), null);
    if (key && matcher.strength(terms, key) < 1) return false;
  }
  return focus.subject.length === 0 || focus.documents.has(document) || matcher.coverage(terms, focus.subject) >= MIN_SUBJECT_COVERAGE;
}

