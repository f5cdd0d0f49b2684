import type { Fact, Period } from '../types.ts';
import type { FigureRanker } from './figures.ts';
import { FOCUS_BONUS, type FocusedQuery } from './focus.ts';
import { NUMERIC_KINDS, unitFits } from './intent.ts';
import type { Screened } from './screen.ts';
import { ACTOR_BONUS, DATE_BONUS, inPeriod, LABEL_BONUS, MONTH_DATE, ORDER_BONUS, ORGANISATION, PERIOD_BONUS, WHO } from './settings.ts';

/** What the kind of question prefers in a fact, beyond how much of it the fact covers. */
export interface Preferences {
  q: Screened;
  /** The period asked, if any. */
  asked: Period | null;
  /** The conversation's focus, for a follow-up. */
  focus: FocusedQuery | undefined;
  rankFigures: FigureRanker;
  /** Whether a fact is the one of a series the question asks for ("the first …", "第8所"). */
  inOrder: (fact: Fact) => boolean;
}

/**
 * Rank a candidate fact earns for fitting the kind of question: each bonus is small, enough to decide
 * between facts that cover the question about as well, never to lift one that covers it badly.
 */
export function preferenceOf(fact: Fact, { q, asked, focus, rankFigures, inOrder }: Preferences): number {
  const kind = q.intent.kind;
  // A fact from a source the conversation was using.
  const near = focus?.documents.has(fact.source.documentId) ? FOCUS_BONUS : 0;
  const fits = fact.figures.some((g) => unitFits(kind, g.unit) > 0) ? 0.05 : 0;
  // A fact with a figure for the period asked; or, for a question that asks no number ("what did it
  // acquire in January 2012?"), one whose text names that year, figures or not.
  const textDated = asked?.start && !NUMERIC_KINDS.has(kind) && fact.answer.en.includes(asked.start.slice(0, 4));
  const when = asked && (inPeriod(fact, asked) || textDated) ? PERIOD_BONUS : 0;
  // "When …" is answered by a fact that gives a month or a day, not only a year.
  const dated = kind === 'when' && MONTH_DATE.test(`${fact.answer.en} ${fact.answer.zh}`) ? DATE_BONUS : 0;
  // "Who …" is answered by a fact that names an organisation, not only the thing it did.
  const actor = WHO.test(q.normalized) && ORGANISATION.test(fact.answer.en) ? ACTOR_BONUS : 0;
  // "What about imports?": a follow-up's own words name a figure; the fact with that figure, not one that only mentions them.
  const own = focus?.own ?? [];
  const labelled = own.length > 0 && rankFigures(own, q.intent, [fact]).some((f) => f.named.length === own.length) ? LABEL_BONUS : 0;
  // "The first Qihuang college": the fact that says it was the first, not one listing all of them.
  const order = inOrder(fact) ? ORDER_BONUS : 0;
  return near + fits + when + dated + actor + labelled + order;
}
