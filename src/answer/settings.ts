import type { Fact, Period } from '../types.ts';
import { periodFit } from './series.ts';

/** Thresholds of the answer decision, all on a 0..1 scale. */
export const DEFAULT_ANSWER_OPTIONS = {
  /** Share of the question's weighted words a fact must cover to be answered from. */
  minCoverage: 0.55,
  /**
   * A fact that matches at least this much evidence (in weights of the rarest word: 1.9 is about two
   * rare words) may answer with less coverage, `minStrongCoverage`: long, polite or rambling questions
   * bring many words the base never uses.
   */
  strongMatch: 1.9,
  minStrongCoverage: 0.35,
  /** With a greeting in the question, the coverage needed to answer rather than greet. */
  greetingCoverage: 0.75,
  /** A runner-up this close to the winner (as a share of its rank) is offered as the alternative. */
  ambiguity: 0.9,
  /**
   * With no period asked, a newer fact of the same topic that covers the question as fully and ranks
   * this close to the winner (as a share of its rank) answers instead.
   */
  newestTie: 0.6,
  /** Longest question answered, in characters. */
  maxQuestionLength: 500,
} as const;

export type AnswerOptions = { -readonly [K in keyof typeof DEFAULT_ANSWER_OPTIONS]?: number } & {
  /** Today, for "last year" and "this year"; the real clock by default. */
  now?: () => Date;
};

/**
 * How much the BM25 score (relative to the top hit) counts against coverage in a candidate's rank:
 * below 1, a fact that covers more of the question beats a shorter one that scores higher.
 */
export const SCORE_WEIGHT = 0.75;

/** Rank added to a fact that has a figure for the period asked: enough to beat a near tie, not a better match. */
export const PERIOD_BONUS = 0.3;

/** Share of the top fact's rank a runner-up needs to answer when the top one is another edition's. */
export const RUNNER_UP = 0.8;

/** Coverage a newer fact may lack against the picked one and still give the measure's latest figure. */
export const SAME_FIT = 0.05;

/** Rank added, for a "when" question, to a fact that states a month or a day. */
export const DATE_BONUS = 0.1;
export const MONTH_DATE = /\b(jan(uary)?|feb(ruary)?|march|april|may|june|july|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\b|\d+月/i;

/** Rank added, in a follow-up, to a fact with a figure whose label names all the follow-up's own words. */
export const LABEL_BONUS = 0.3;

/**
 * Rank added to a fact that is the one of a series asked ("the first …", "the 8th …"): larger than the
 * other bonuses, since a fact about the whole series does not answer it; given only to a fact that
 * misses nothing weightier than the order word (see `fitsOrder`).
 */
export const ORDER_BONUS = 0.4;

/** Rank added, for a "who" question, to a fact that names an organisation (who runs, who built, who signed). */
export const ACTOR_BONUS = 0.1;
export const WHO = /\bwho\b|谁|哪家/;
export const ORGANISATION =
  /\b(group|company|co|corporation|corp|customs|bureau|ministry|commission|administration|department|university|college|hospital|association|council|government|authority|airlines?)\b|集团|公司|海关|委员会|厅|局|大学|学院|医院|协会|政府|航空/i;

/** A fact holds the period asked: a figure of it, or (a fact without figures) its year in the text. */
export function inPeriod(fact: Fact, asked: Period): boolean {
  if (fact.figures.some((g) => periodFit(asked, g.period) >= 1)) return true;
  // A fact without figures dates itself in its text: "in January 2012" asks a fact that says 2012.
  return fact.figures.length === 0 && asked.start !== null && fact.answer.en.includes(asked.start.slice(0, 4));
}

/** The options given, without the ones left undefined (so defaults fill them). */
export function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
