import type { Focus } from '../answer/focus.ts';
import { fitsIn, leansOnEarlier, ordinalPick, refersBack } from '../answer/followup.ts';
import { normalizeText } from '../search/normalize.ts';
import { countsFromEarlier } from '../answer/relative.ts';
import type { Answer, Language } from '../types.ts';
import type { ConversationStore } from './memory.ts';
import { turnOf, withTurn, type Turn } from './thread.ts';

/** The engine's answer function: fresh, or as a follow-up to a focus. */
type AnswerFn = (question: string, language?: Language, focus?: Focus) => Answer;

/** Conversations: each message answered against what its conversation was last about. */
export interface Conversations {
  ask(conversation: string, question: string, language?: Language): Promise<Answer>;
}

export interface ConversationDeps {
  answer: AnswerFn;
  /** A fact's source document, to tell whether an answer stays with what was being discussed. */
  documentOf: (factId: string) => string | undefined;
  store: ConversationStore;
  /** Epoch milliseconds, for tests. */
  now?: () => number;
}

/**
 * How much lower the fit of an in-context answer may be than a fresh one's and still win, for a question
 * with no reference in it ("Who were the top three partners?" after Q1 2022 trade): it must also come
 * from a document the conversation was using.
 */
const CONTEXT_MARGIN = 0.2;

/** A question this short (words, or Chinese characters) names no subject of its own besides a pronoun. */
const SHORT_WORDS = 8;
const SHORT_HAN = 16;

/**
 * Creates conversations over an answer function. A message is answered fresh and in context and the
 * two are weighed: a follow-up that leans on the last answer ("How big is it?") takes the in-context
 * answer or none; one that only points back ("those partners") takes it when it fits; a complete new
 * question takes the fresh answer unless the conversation's own documents answer it as well, or context
 * answers it clearly better. Context never forces an answer: a follow-up that fits no fact is answered
 * fresh or declined, and a short one about "it" is declined rather than answered about another topic.
 */
export function createConversations({ answer, documentOf, store, now = Date.now }: ConversationDeps): Conversations {
  const fromFocus = (reply: Answer, focus: Focus) => reply.facts.some((f) => focus.documents.has(documentOf(f.id) ?? ''));

  const inContext = (question: string, language: Language | undefined, last: Turn): Answer => {
    const normalized = normalizeText(question);
    const pick = ordinalPick(normalized);
    const choice = pick === null ? undefined : pick === -1 ? last.choices.at(-1) : last.choices[pick - 1];
    if (choice !== undefined) return answer(choice, language ?? last.language);
    const focus: Focus = { subject: last.resolved, documents: new Set(last.documents) };
    const contextual = answer(question, language, focus);
    // "What was the first-half total the year before?": what it counts from is the conversation's.
    if (leansOnEarlier(normalized) || countsFromEarlier(normalized)) return contextual;
    const fresh = answer(question, language);
    // "What did it cost to build?" after the Tashkent warehouse: a short question whose subject is a
    // pronoun is about what was discussed; with no answer there, the cost of something on another
    // topic is no answer.
    const elsewhere = !fresh.facts.some((f) => last.topics.includes(f.topic));
    if (!contextual.answered) return refersBack(normalized) && fitsIn(normalized, SHORT_WORDS, SHORT_HAN) && elsewhere ? contextual : fresh;
    // The same fact either way: the in-context reply, which carries the subject on to the next message.
    if (fresh.facts[0] !== undefined && fresh.facts[0].id === contextual.facts[0]?.id) return contextual;
    if (!fresh.answered) return refersBack(normalized) || fromFocus(contextual, focus) ? contextual : fresh;
    // A question that points back ("at that one") is read in context unless the fresh answer is clearly surer.
    if (refersBack(normalized)) return fromFocus(contextual, focus) || contextual.confidence >= fresh.confidence - CONTEXT_MARGIN ? contextual : fresh;
    // In context from the conversation's own sources, nearly as sure; or from another, clearly surer
    // ("全程大概要几天？" after the first CKU train: its 7-10 days, not another route's 5).
    const nearlyAsSure = fromFocus(contextual, focus) && contextual.confidence >= fresh.confidence - CONTEXT_MARGIN;
    return nearlyAsSure || contextual.confidence >= fresh.confidence + CONTEXT_MARGIN ? contextual : fresh;
  };

  return {
    async ask(conversation, question, language) {
      const thread = await store.get(conversation);
      const last = thread?.turns.at(-1);
      const reply = last ? inContext(question, language, last) : answer(question, language);
      // A question that points back ("by the time it closed") and was answered as it stands still
      // follows what came before: its subject goes on with it.
      const pointed = last && reply.answered && reply.resolved === undefined && refersBack(normalizeText(question));
      const turn = turnOf(pointed ? { ...reply, resolved: `${question} ${last.resolved}` } : reply, documentOf, now());
      // A declined message keeps what the conversation was about, so the next one can still follow it.
      const kept = !reply.answered && last ? { ...turn, resolved: reply.resolved ?? `${question} ${last.resolved}`, documents: last.documents, topics: last.topics } : turn;
      await store.set(conversation, withTurn(thread, kept));
      return reply;
    },
  };
}
