import type { Answer, Fact, Knowledge, Language, Period } from '../types.ts';
import { buildIndex, type Hit } from '../search/index.ts';
import { normalizeText } from '../search/normalize.ts';
import { calculate, type ScoredFigure } from './arithmetic.ts';
import { answered, composeFactAnswer, declined, exampleQuestions } from './compose.ts';
import { checkFact, countedPhrase, isOtherEdition } from './checks.ts';
import { coverageAnswer } from './coverage.ts';
import { fitsFocus, focusCoverage, focusQuery, ownFloorOf, type Focus, type FocusedQuery } from './focus.ts';
import { createFigureRanker } from './figures.ts';
import { NUMERIC_KINDS } from './intent.ts';
import { createMatcher } from './match.ts';
import { contentUnits, screen, type Decline, type Screened } from './screen.ts';
import { buildSeries, periodFit, type SeriesIndex } from './series.ts';
import { dateConflictText, missingPeriodText, timeNotes, trendText } from './time-text.ts';
import { preferenceOf } from './rank.ts';
import { createOrder } from './ordinal.ts';
import { readTime, type TimeQuery } from './timeline.ts';
import { placeInTime } from './when.ts';
import { DEFAULT_ANSWER_OPTIONS, inPeriod, RUNNER_UP, SAME_FIT, SCORE_WEIGHT, stripUndefined, type AnswerOptions } from './settings.ts';

/** Answers questions from a knowledge base; built once, then pure per question. */
export interface Engine {
  /** Answers a question; with a `focus`, as a follow-up to the earlier question it names. */
  answer(question: string, language?: Language, focus?: Focus): Answer;
  examples(language: Language): string[];
  /** The base's series by measure, built once with the index; stats and `/trend` read it too. */
  series: SeriesIndex;
  /** The two most telling words of a question (rarest in the base first), to group questions by. */
  keyTerms(question: string): string[];
}

interface Candidate {
  hit: Hit;
  coverage: number;
  /** Sum of the weights of the question's words the fact covers. */
  evidence: number;
  rank: number;
}

/**
 * Builds the index and returns the engine. A question goes through named steps: screen (declines
 * for empty, long, off-topic or small talk), arithmetic, coverage ("how current are you?"), retrieve
 * (candidate facts), time (the period asked, the latest figure, a trend), check, compose.
 */
export function createEngine(knowledge: Knowledge, options: AnswerOptions = {}): Engine {
  const { now = () => new Date(), ...thresholds } = options;
  const settings = { ...DEFAULT_ANSWER_OPTIONS, ...stripUndefined(thresholds) };
  const index = buildIndex(knowledge);
  const matcher = createMatcher(index);
  const order = createOrder(index, matcher);
  const rankFigures = createFigureRanker(index, matcher);
  const series = buildSeries(knowledge);
  const examples = { en: exampleQuestions(knowledge, 'en'), zh: exampleQuestions(knowledge, 'zh') };
  const byTopic = new Map<string, Fact[]>();
  for (const fact of knowledge.facts) {
    const list = byTopic.get(fact.topic);
    if (list) list.push(fact);
    else byTopic.set(fact.topic, [fact]);
  }
  // "2025-10" counts as the month's end and a bare "2025" as mid-year, so bounds compare with full dates.
  const publishedById = new Map(knowledge.documents.map((d) => [d.id, `${d.published}${['-07-01', '-31', ''][d.published.split('-').length - 1] ?? ''}`]));
  const publishedOf = (fact: Fact) => publishedById.get(fact.source.documentId) ?? '';
  /** A fact's date: its newest figure's period end, or its document's publication for a fact without figures. */
  const dateOf = (fact: Fact) => fact.figures.reduce((at, g) => (g.period.end && g.period.end > at ? g.period.end : at), '') || publishedOf(fact);
  const newest = (list: Candidate[], fallback: Candidate): Candidate =>
    list.reduce((a, b) => (dateOf(b.hit.fact) > dateOf(a.hit.fact) ? b : a), list[0] ?? fallback);
  const decline: Decline = (language, reason, extra = '') => declined('', language, reason, knowledge.scope, examples[language], extra);

  /** Whether a candidate fact covers enough of the question to answer from. */
  const enough = (c: Candidate): boolean =>
    c.coverage >= settings.minCoverage ||
    (c.coverage >= settings.minStrongCoverage && c.evidence >= settings.strongMatch * matcher.maxWeight);

  /** Retrieve: the facts that cover the question's words, best first; a follow-up's within its focus. */
  const retrieve = (q: Screened, content: Screened['content'], asked: Period | null = null, focus?: FocusedQuery): Candidate[] => {
    // With a period asked, look deeper and lift facts that have a figure for it (one source per period).
    const hits = index.search(content).slice(0, asked || focus ? 40 : 8);
    const top = hits[0]?.score ?? 0;
    const inOrder = order.inOrderOf(q.normalized, content);
    // A follow-up is answered by a fact that covers its own words ("imports"), not only the subject's.
    return hits
      .filter((hit) => !focus || fitsFocus(matcher, index.termsOf(hit.fact.id), hit.fact, focus))
      .map((hit) => {
        const terms = index.termsOf(hit.fact.id);
        const coverage = focus ? focusCoverage(matcher, terms, focus.own, focus.subject, ownFloorOf(hit.fact, focus)) : matcher.coverage(terms, content);
        const evidence = matcher.evidence(terms, content);
        return { hit, coverage, evidence, rank: coverage * Math.pow(hit.score / top, SCORE_WEIGHT) + preferenceOf(hit.fact, { q, asked, focus, rankFigures, inOrder }) };
      })
      .sort((a, b) => b.rank - a.rank)
      .slice(0, 8);
  };

  // Numbers of the period asked ("1H23", "2022") are checked by the time step, not against each fact's text.
  // A fact's text for the number checks, serialised once per fact rather than once per check.
  const factTexts = new WeakMap<Fact, string>();
  const textOf = (fact: Fact): string => {
    let text = factTexts.get(fact);
    if (text === undefined) factTexts.set(fact, (text = JSON.stringify(fact)));
    return text;
  };
  const problemOf = (q: Screened, fact: Fact, time?: TimeQuery) =>
    checkFact({
      question: time && (time.period || time.range) ? time.rest : q.question, normalized: q.normalized, intent: q.intent, fact, factTerms: index.termsOf(fact.id), factText: textOf(fact),
      language: q.language, analyzer: index.analyzer, matcher, contentOf: contentUnits,
    });

  const respond = (q: Screened, time: TimeQuery, focus?: FocusedQuery): Answer => {
    const { language } = q;
    const timed = time.period !== null || time.range !== null || time.trend;
    const content = focus ? q.content : timed ? contentUnits(index.analyzer.analyze(time.rest)) : q.content;
    let candidates = retrieve(q, content.length > 0 ? content : q.content, time.period, focus);
    // Time words can be what carried the match ("first three quarters"): retry with the whole question.
    if (timed && !focus && (!candidates[0] || !enough(candidates[0]))) candidates = retrieve(q, q.content, time.period);
    // Checked once per fact for this question: the time step asks about the same facts repeatedly.
    const checked = new Map<Fact, boolean>();
    const passes = (fact: Fact): boolean => {
      let ok = checked.get(fact);
      if (ok === undefined) checked.set(fact, (ok = problemOf(q, fact, time) === null));
      return ok;
    };
    const top = candidates[0];
    if (!top || !enough(top)) return decline(language, 'unknown');
    // The top fact is another edition's (the 4th expo for "the 8th expo"): a close runner-up of the edition asked answers.
    const sibling = isOtherEdition(q.question, top.hit.fact) ? candidates.find((c) => c.rank >= top.rank * RUNNER_UP && enough(c) && passes(c.hit.fact)) : undefined;
    const best = sibling ?? top;
    // "hi there, how's your day going?": small talk that brushes a fact is still small talk.
    const strong = best.evidence >= settings.strongMatch * matcher.maxWeight;
    // A follow-up that got past the screen with a greeting in it ("ok, what about 2024?") asks something.
    if (!focus && q.units.some((u) => u.role === 'greeting') && best.coverage < settings.greetingCoverage && !strong) return decline(language, 'greeting');
    // No period asked: of facts that fit almost equally, the newest (the latest fair's guests, not 2018's).
    // A follow-up is about what the conversation was about: only its own sources' facts may stand in.
    // Nor may a fact that is not the one of a series asked ("第8所") stand in for the one that is.
    const inOrder = order.inOrderOf(q.normalized, content);
    const tied = (c: Candidate) =>
      c.hit.fact.topic === best.hit.fact.topic && (!inOrder(best.hit.fact) || inOrder(c.hit.fact)) && c.coverage >= best.coverage - 0.05 && c.rank >= best.rank * settings.newestTie && passes(c.hit.fact) &&
      (!focus || focus.documents.size === 0 || focus.documents.has(c.hit.fact.source.documentId));
    // Only for questions that ask no number: a number's measure picks its own latest period (placeInTime).
    // Nor for "when": a date asked is one event's (the route's opening), not the newest news.
    // Nor for "the first …": it asks for the start of a series, not its newest item.
    const pick = timed || time.trend || NUMERIC_KINDS.has(q.intent.kind) || q.intent.kind === 'when' || order.asksFirst(focus ? focus.own : content) ? best : newest(candidates.filter(tied), best);
    const fitOf = (f: Fact) => (focus ? focusCoverage(matcher, index.termsOf(f.id), focus.own, focus.subject, ownFloorOf(f, focus)) : matcher.coverage(index.termsOf(f.id), content));
    // A follow-up's own words name its figure ("imports"); the subject's only when it has none.
    const asked = focus && focus.own.length > 0 ? focus.own : content;
    // "How many different countries are those partners": the counted word picks the figure before the rest.
    const counted = q.intent.kind === 'count' ? contentUnits(index.analyzer.analyze(countedPhrase(q.normalized) ?? '')) : [];
    const figureWords = [...counted, ...asked];
    // A question that asks no number names a figure only by a whole word of its label ("guest of honour"
    // does not name "Guests at the 6th expo"), or the figure's series would take the answer elsewhere.
    const numeric = NUMERIC_KINDS.has(q.intent.kind);
    const named = rankFigures(figureWords, q.intent, [pick.hit.fact]).filter((f) => f.score > 0 && (numeric || f.named.length > 0)).map((f) => f.figure);
    const choice = placeInTime({
      time, fact: pick.hit.fact, named,
      alternatives: candidates.filter((c) => c !== pick && enough(c)).map((c) => c.hit.fact),
      series, passes, publishedOf, holds: (f) => time.period !== null && inPeriod(f, time.period),
      matchesAsWell: (f) => fitOf(f) >= fitOf(pick.hit.fact) - SAME_FIT,
    });
    if (choice.kind === 'missing') return decline(language, 'period', missingPeriodText(knowledge.measures, choice, time.period, language));
    if (choice.kind === 'trend') {
      const facts = [...new Set(choice.points.map((p) => p.fact))];
      const text = trendText(knowledge.measures, choice.points, choice.from, choice.to, language);
      const reply = answered(q.question, language, text, facts.slice(0, 4), [], best.coverage, facts.slice(0, 3).map((f) => f.questions[0]![language]));
      return { ...reply, chart: { measure: choice.points[0]!.figure.measure, trend: true } };
    }
    const fact = choice.fact;
    const problem = passes(fact) ? null : problemOf(q, fact, time);
    if (problem) return decline(language, 'unknown', problem);
    const runnerUp = fact === best.hit.fact ? candidates.find((c) => c.hit.fact.id !== fact.id && c.rank >= best.rank * settings.ambiguity) : undefined;
    // A date asked that another source, fitting as well, gives otherwise: both dates.
    const otherDating = q.intent.kind === 'when' ? candidates.find((c) => c.hit.fact.source.documentId !== fact.source.documentId && c.hit.fact.topic === fact.topic && c.coverage >= best.coverage - SAME_FIT && c.rank >= best.rank * settings.ambiguity && passes(c.hit.fact)) : undefined;
    const dating = otherDating ? dateConflictText(fact, otherDating.hit.fact, publishedOf(otherDating.hit.fact), language) : '';
    const notes = timeNotes(choice, language, dating);
    // A date asked is in the fact's own words; no figure (an area, a count) leads its answer.
    const lead = q.intent.kind === 'when' ? null : (choice.lead ?? rankFigures(figureWords, q.intent, [fact]).find((f) => f.score > 0 && (numeric || f.named.length > 0))?.figure ?? null);
    const measure = (lead ?? (fact.figures.length === 1 ? fact.figures[0] : undefined))?.measure;
    const reply = composeFactAnswer({
      question: q.question, language, fact, lead,
      runnerUp: runnerUp?.hit.fact ?? null, notes,
      related: [...candidates.slice(1, 4).map((c) => c.hit.fact), ...(byTopic.get(fact.topic) ?? []).slice(0, 4)],
      confidence: best.coverage,
    });
    return measure && series.of(measure).length >= 2 ? { ...reply, chart: { measure, trend: false } } : reply;
  };

  return {
    series,
    examples: (language) => examples[language],
    keyTerms: (question) =>
      contentUnits(index.analyzer.analyze(question))
        .sort((a, b) => matcher.weight(b) - matcher.weight(a))
        .slice(0, 2)
        .map((u) => u.raw)
        .sort(),
    answer(question, forced, focus) {
      const screened = screen(question, forced, index.analyzer, matcher, settings.maxQuestionLength, decline, focus !== undefined);
      if ('answered' in screened) {
        const q = screened;
        // "What's the latest data you have?" is all words the facts never use, yet answerable.
        const meta =
          q.reason === 'unknown' || q.reason === 'help'
            ? coverageAnswer({ question, normalized: normalizeText(question), content: contentUnits(index.analyzer.analyze(question)), language: q.language }, knowledge, series)
            : null;
        return meta ?? { ...q, question };
      }
      const focused = focus ? focusQuery(screened, focus, index.analyzer, matcher, now()) : undefined;
      // Answering a follow-up that asks nothing new would only repeat the last answer as if it were one.
      if (focused?.asksNothing) return { ...decline(screened.language, 'unknown'), question };
      const q = focused?.q ?? screened;
      const time = focused?.time ?? readTime(q.normalized, now());
      if (q.intent.operation) {
        // Arithmetic over a period asked for uses that period's figures only.
        const inTime = (f: ScoredFigure) => !time.period || periodFit(time.period, f.figure.period) >= 1;
        const rank = (text: string) => rankFigures(contentUnits(index.analyzer.analyze(text)), q.intent, knowledge.facts).filter(inTime);
        const calc = calculate(q.intent.operation, q.question, rank, q.language, q.intent.weakOperation);
        if (calc) return answered(question, q.language, calc.text, calc.facts, calc.figures, 0.8, []);
      }
      const coverage = focused ? null : coverageAnswer(q, knowledge, series);
      if (coverage) return coverage;
      const reply = respond(q, time, focused);
      return focused ? { ...reply, question, resolved: q.question } : { ...reply, question };
    },
  };
}
