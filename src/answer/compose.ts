import type { Answer, Bilingual, DeclineReason, Fact, Figure, FigureView, Knowledge, Language } from '../types.ts';
import { formatFigure } from './format.ts';
import { message, type MessageKey } from '../messages.ts';

/** Longest answer text, in characters: a chat reply, not a document. */
export const MAX_ANSWER_CHARS = 300;
/** Follow-up questions offered with an answer. */
const MAX_FOLLOW_UPS = 3;

/** A figure as shown in an answer, in the answer's language. */
export function viewFigure(fact: Fact, figure: Figure, language: Language): FigureView {
  return {
    factId: fact.id,
    label: figure.label[language],
    value: figure.value,
    unit: language === 'zh' ? figure.unitZh : figure.unit,
    period: figure.period[language],
    display: formatFigure(figure, language),
  };
}

/**
 * The figure's lead: `Overseas warehouses operated: 58 warehouses (as of 2024).`, or without the label
 * (`58 warehouses (as of 2024).`) when `short`, to leave room for the answer.
 */
export function figureLead(view: FigureView, language: Language, short = false): string {
  if (language === 'zh') return short ? `${view.display}（${view.period}）。` : `${view.period}${view.label}：${view.display}。`;
  return short ? `${view.display[0]!.toUpperCase()}${view.display.slice(1)} (${view.period}).` : `${view.label}: ${view.display} (${view.period}).`;
}

/** Joins reply parts and keeps the result within {@link MAX_ANSWER_CHARS}, cutting at a word or clause. */
export function fitText(parts: string[], language: Language): string {
  const sep = language === 'zh' ? '' : ' ';
  const full = parts.filter(Boolean).join(sep);
  if (full.length <= MAX_ANSWER_CHARS) return full;
  const cut = full.slice(0, MAX_ANSWER_CHARS - 1);
  const boundary = language === 'zh' ? Math.max(cut.lastIndexOf('，'), cut.lastIndexOf('。')) : cut.lastIndexOf(' ');
  return `${cut.slice(0, boundary > MAX_ANSWER_CHARS / 2 ? boundary : cut.length).replace(/[\s,;:，。]+$/, '')}…`;
}

/** What an answer from one fact is made of; see {@link composeFactAnswer}. */
export interface FactAnswerParts {
  question: string;
  language: Language;
  fact: Fact;
  /** The figure the question asks for, which leads the reply; null when none is named. */
  lead: Figure | null;
  /** A fact that fitted almost as well: named in the reply and offered first as a follow-up. */
  runnerUp: Fact | null;
  /** Other facts to offer as follow-ups, best first (only the first few are read). */
  related: readonly Fact[];
  confidence: number;
  /** Sentences about time after the answer: the latest full year, sources that disagree. */
  notes?: string;
}

/**
 * The reply from one fact: the asked-for figure first (label, value, unit, period; without the label
 * when the answer would not fit), then the fact's answer, then "See also" for a near-equal runner-up.
 */
export function composeFactAnswer({ question, language, fact, lead, runnerUp, related, confidence, notes = '' }: FactAnswerParts): Answer {
  const views = fact.figures.map((g) => viewFigure(fact, g, language));
  if (lead) views.sort((a, b) => Number(b.label === lead.label[language]) - Number(a.label === lead.label[language]));
  const leadView = lead ? viewFigure(fact, lead, language) : null;
  const fullLead = leadView ? figureLead(leadView, language) : '';
  const fits = fullLead.length + fact.answer[language].length + notes.length + 2 <= MAX_ANSWER_CHARS;
  const leadText = leadView ? (fits ? fullLead : figureLead(leadView, language, true)) : '';
  const seeAlso = runnerUp ? (language === 'zh' ? `（另见：${runnerUp.title.zh}）` : `(See also: ${runnerUp.title.en}.)`) : '';
  // Notes (a full year, a disagreeing source) go before the answer's own text, which may be cut.
  const body = notes ? fitText([leadText, notes, fact.answer[language]], language) : fitText([leadText, fact.answer[language]], language);
  const text = body.length + seeAlso.length + 1 <= MAX_ANSWER_CHARS ? fitText([body, seeAlso], language) : body;
  const followUps: string[] = [];
  const seen = new Set([fact.id]);
  for (const f of [...(runnerUp ? [runnerUp] : []), ...related]) {
    if (followUps.length === MAX_FOLLOW_UPS) break;
    if (seen.has(f.id)) continue;
    seen.add(f.id);
    followUps.push(f.questions[0]![language]);
  }
  return answered(question, language, text, [fact], views, confidence, followUps);
}

/** An answer built from facts: sources and fact references filled in from them. */
export function answered(
  question: string,
  language: Language,
  text: string,
  facts: Fact[],
  figures: FigureView[],
  confidence: number,
  followUps: string[],
): Answer {
  return {
    question,
    answered: true,
    text: fitText([text], language),
    language,
    facts: facts.map((f) => ({ id: f.id, topic: f.topic, title: f.title[language] })),
    figures,
    confidence: round(confidence),
    sources: facts.map((f) => ({ factId: f.id, document: f.source.document, quote: f.source.quote })),
    followUps,
  };
}

const DECLINE_OPENING: Record<DeclineReason, MessageKey> = {
  empty: 'declineEmpty',
  too_long: 'declineTooLong',
  greeting: 'declineGreeting',
  help: 'declineHelp',
  off_topic: 'declineOffTopic',
  unknown: 'declineUnknown',
  period: 'declinePeriod',
};

/** A decline: says plainly what the bot can answer and offers example questions. */
export function declined(
  question: string,
  language: Language,
  reason: DeclineReason,
  scope: Bilingual,
  examples: string[],
  extra = '',
): Answer {
  const offer =
    language === 'zh'
      ? `我可以回答关于${scope.zh}的问题，例如：${examples[0] ?? ''}`
      : `I can answer questions on ${scope.en}, for example: ${examples[0] ?? ''}`;
  return {
    question,
    answered: false,
    reason,
    text: fitText([message(DECLINE_OPENING[reason], language), extra, offer], language),
    language,
    facts: [],
    figures: [],
    confidence: 0,
    sources: [],
    followUps: examples.slice(0, 4),
  };
}

/** Longest example question, in characters: examples become buttons (Discord labels hold 80). */
const MAX_EXAMPLE_CHARS = 80;

/**
 * One example question per fact, taking topics in turn so the first few cover different topics, the
 * founding article's facts first (its questions are the base's headline ones); short questions only.
 */
export function exampleQuestions(knowledge: Knowledge, language: Language): string[] {
  const founding = knowledge.documents.find((d) => d.founding)?.id;
  const byTopic = knowledge.topics.map((t) =>
    knowledge.facts
      .filter((f) => f.topic === t.id && f.figures.length > 0 && f.questions[0]![language].length <= MAX_EXAMPLE_CHARS)
      .sort((a, b) => Number(b.source.documentId === founding) - Number(a.source.documentId === founding)),
  );
  // A Set keeps first-seen order; `includes` on the list was quadratic on a large base.
  const out = new Set<string>();
  for (let round = 0; byTopic.some((facts) => facts[round]); round += 1) {
    for (const facts of byTopic) {
      const q = facts[round]?.questions[0]?.[language];
      if (q) out.add(q);
    }
  }
  return [...out];
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
