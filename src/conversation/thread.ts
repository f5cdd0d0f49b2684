import type { Answer, Language } from '../types.ts';

/** What one answer in a conversation was about: enough to resolve the next message against it. */
export interface Turn {
  /** The question as answered: a follow-up joined to the one it follows. */
  resolved: string;
  language: Language;
  /** Source documents of the answer's facts. */
  documents: string[];
  /** Topics of the answer's facts: a fresh answer on another topic is not about what was discussed. */
  topics: string[];
  /** Questions the bot offered (buttons or a list), for "the second one". */
  choices: string[];
  /** Epoch milliseconds. */
  at: number;
}

/** A conversation's memory: its latest turns, newest last. */
export interface Thread {
  turns: Turn[];
}

/** Turns kept per conversation: a follow-up resolves against the latest, which carries its own subject. */
const KEPT_TURNS = 4;

/** The turn an answer makes, for the thread. */
export function turnOf(answer: Answer, documentOf: (factId: string) => string | undefined, at: number): Turn {
  const documents = [...new Set(answer.facts.map((f) => documentOf(f.id)).filter((d): d is string => d !== undefined))];
  return {
    resolved: answer.resolved ?? answer.question,
    language: answer.language,
    documents,
    topics: [...new Set(answer.facts.map((f) => f.topic))],
    choices: answer.followUps,
    at,
  };
}

/** The thread with one more turn, oldest dropped past the bound. */
export function withTurn(thread: Thread | undefined, turn: Turn): Thread {
  return { turns: [...(thread?.turns ?? []), turn].slice(-KEPT_TURNS) };
}
