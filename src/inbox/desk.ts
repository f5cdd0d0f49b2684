import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { truncate } from '../text/length.ts';
import type { Answer, DeclineReason } from '../types.ts';
import type { InboxKind, InboxRecord, Platform, Store } from '../store/types.ts';

/** Who sent a message, as the inbox sees it: the platform, the kind of chat, the platform's user id. */
export interface Origin {
  platform: Platform;
  chat: 'private' | 'group';
  /** The platform's user id; stored only as a salted hash. */
  user: string;
}

/** Declines worth a curator's look: questions the base could not answer (not greetings or help). */
const RECORDED_REASONS: ReadonlySet<DeclineReason> = new Set(['unknown', 'period', 'off_topic', 'too_long']);

/** Longest feedback kept, in characters: a note for a curator, not a document. Every front end's box says so too. */
export const MAX_FEEDBACK = 500;

/** Below this confidence an answer goes to the inbox too. */
export const LOW_CONFIDENCE = 0.7;

/**
 * What feedback came to: the question its key stood for (null when no longer known) and whether this is
 * the user's first vote on that answer (a 👎 asks what was wrong once, not at every press).
 */
export interface FeedbackOutcome {
  question: string | null;
  first: boolean;
}

/** Votes remembered for "first vote" (user and answer); the oldest are forgotten first. */
const REMEMBERED_VOTES = 10_000;

/** Records what the inbox needs from each answer and each piece of feedback. */
export interface Desk {
  /** Records a declined or unsure answer; returns the key its feedback buttons carry. */
  note(answer: Answer, origin: Origin): string;
  /** A 👍 or 👎 on an answer (by its key), or free text (`/feedback`, the reply to a 👎). */
  feedback(origin: Origin, vote: 'up' | 'down' | null, key: string | null, text: string | null): FeedbackOutcome;
}

/** The key of an answer: the same question and facts give the same key in every process. */
function answerKey(answer: Pick<Answer, 'question' | 'language' | 'facts'>): string {
  const text = `${answer.language}\n${answer.question}\n${answer.facts.map((f) => f.id).join(',')}`;
  return createHash('sha256').update(text).digest('base64url').slice(0, 12);
}

export function createDesk(store: Store, now: () => number = Date.now): Desk {
  const voted = new LRUCache<string, true>({ max: REMEMBERED_VOTES });
  const base = (origin: Origin) => ({ at: now(), platform: origin.platform, chat: origin.chat, user: store.hashUser(origin.platform, origin.user) });
  return {
    note(answer, origin) {
      const key = answerKey(answer);
      const facts = answer.facts.map((f) => f.id);
      store.rememberAnswer({ key, question: answer.question, language: answer.language, facts, confidence: answer.confidence, answered: answer.answered });
      const kind: InboxKind | null = !answer.answered
        ? answer.reason && RECORDED_REASONS.has(answer.reason)
          ? 'declined'
          : null
        : answer.confidence < LOW_CONFIDENCE
          ? 'low_confidence'
          : null;
      if (kind) store.record({ ...base(origin), language: answer.language, question: answer.question, kind, reason: answer.reason ?? null, facts, confidence: answer.confidence, feedback: null });
      return key;
    },
    feedback(origin, vote, key, text) {
      const known = key ? store.answer(key) : undefined;
      const kind: InboxKind = vote === 'up' ? 'thumbs_up' : vote === 'down' ? 'thumbs_down' : 'feedback';
      const entry: InboxRecord = {
        ...base(origin),
        language: known?.language ?? 'en',
        question: known?.question ?? '',
        kind,
        reason: null,
        facts: known?.facts ?? [],
        confidence: known?.confidence ?? 0,
        feedback: text === null ? null : truncate(text, MAX_FEEDBACK),
      };
      const id = `${entry.user}:${key ?? ''}`;
      const first = vote === null || !voted.has(id);
      if (vote !== null) voted.set(id, true);
      // A repeated press changes nothing the curators need to see twice.
      if (first || text !== null) store.record(entry);
      return { question: known?.question ?? null, first };
    },
  };
}
