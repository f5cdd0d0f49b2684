import type { Language } from '../types.ts';

/** Where a message came from; the `ask` CLI records nothing, so evaluation runs leave the inbox alone. */
export type Platform = 'telegram' | 'discord' | 'console';

/** What put a question in the inbox. */
export type InboxKind = 'declined' | 'low_confidence' | 'thumbs_down' | 'thumbs_up' | 'feedback';

/** One inbox record: what was asked and why it is worth a curator's look. Users appear only hashed. */
export interface InboxRecord {
  /** Epoch milliseconds. */
  at: number;
  platform: Platform;
  chat: 'private' | 'group';
  language: Language;
  question: string;
  kind: InboxKind;
  /** The decline reason (`unknown`, `period` …), or null. */
  reason: string | null;
  /** Facts the answer used. */
  facts: string[];
  confidence: number;
  /** What the user said was wrong (a 👎 reply or `/feedback`), or null. */
  feedback: string | null;
  /** Salted hash of the platform's user id. */
  user: string;
}

/** An answer the bot gave with feedback buttons, kept so a 👎 after a restart still knows what it was. */
export interface AnswerRecord {
  key: string;
  question: string;
  language: Language;
  facts: string[];
  confidence: number;
  answered: boolean;
}

/**
 * The bot's durable memory: the inbox and the answers its feedback buttons point at. One embedded
 * SQLite file by default; a shared server database can implement the same for several replicas.
 * Writes never throw: a failing disk is logged and answering goes on.
 */
export interface Store {
  /** False when nothing is written (no data folder, a read-only or broken file): why is in `problem`. */
  readonly persistent: boolean;
  readonly problem: string | null;
  record(entry: InboxRecord): void;
  /** Records, oldest first, at or after `since` (epoch ms). */
  inbox(since?: number): InboxRecord[];
  rememberAnswer(answer: AnswerRecord): void;
  answer(key: string): AnswerRecord | undefined;
  /** Salted hash of a platform user id: stable per store, not reversible without it. */
  hashUser(platform: Platform, id: string): string;
  /** Deletes inbox records older than the retention; returns how many. */
  purge(): number;
  /**
   * A small value an adapter keeps across restarts (e.g. Discord's gateway session, so a restart
   * resumes it), by key; null when unset or when nothing is stored.
   */
  readMeta(key: string): string | null;
  /** Sets (or, with null, deletes) a value read by {@link Store.readMeta}; a failing write is logged, not thrown. */
  writeMeta(key: string, value: string | null): void;
  close(): void;
}
