import type { SessionInfo } from '@discordjs/ws';
import type { Store } from '../../src/index.ts';

/** The meta key of one shard's saved gateway session. */
const sessionKey = (shardId: number): string => `discord:session:${shardId}`;

/**
 * How long an event may stay unanswered before it stops holding the saved sequence back, in
 * milliseconds: an event discord.js drops without calling a handler must not pin it forever.
 */
export const PENDING_LIMIT_MS = 60_000;

/** Dispatches that reach a handler of ours, and so count as answered only when it finishes. */
const ANSWERED_EVENTS = new Set(['MESSAGE_CREATE', 'INTERACTION_CREATE']);

interface Pending {
  seq: number;
  sessionId: string;
  at: number;
}

/**
 * The gateway session of each shard, kept in the store so that a restarted process RESUMEs it and
 * Discord replays what it missed. The sequence saved is the last one below every event still being
 * answered, not the last one received: after a kill -9, the events received but not yet answered are
 * replayed too. An event answered but above the saved sequence is replayed and answered again, which
 * the reply's nonce (the message id, with `enforce_nonce`) turns into the same message on Discord.
 */
export interface SessionJournal {
  /**
   * The session saved by an earlier process for `shardId`, once (null when none, already taken, or
   * made for another shard count: Discord would refuse it, and a fresh IDENTIFY is due anyway).
   */
  restore(shardId: number, shardCount: number): SessionInfo | null;
  /** Whether `shardId` is resuming a session restored from the store (it then needs a fresh READY for discord.js's caches). */
  takeRestored(shardId: number): boolean;
  /** @discordjs/ws's session changed (null: ended, e.g. a clean close or an invalid session). */
  update(shardId: number, info: SessionInfo | null): void;
  /** A dispatch arrived on `shardId`, before any handler sees it. */
  received(shardId: number, seq: number, type: string, id: string | undefined): void;
  /** The handler for event `id` (a message or interaction) has finished. */
  answered(id: string): void;
}

type MetaStore = Pick<Store, 'readMeta' | 'writeMeta'>;

/** A journal over `store`'s meta table (or over nothing: sessions then live only in memory). */
export function createSessionJournal(store: MetaStore | null, now: () => number = Date.now): SessionJournal {
  const sessions = new Map<number, SessionInfo>();
  const pending = new Map<string, Pending & { shardId: number }>();
  const restored = new Set<number>();
  const saved = new Map<number, string | null>();

  const save = (shardId: number): void => {
    const info = sessions.get(shardId);
    const value = info ? JSON.stringify({ ...info, sequence: safeSequence(shardId, info) }) : null;
    if (saved.get(shardId) === value) return;
    saved.set(shardId, value);
    store?.writeMeta(sessionKey(shardId), value);
  };
  const safeSequence = (shardId: number, info: SessionInfo): number => {
    let lowest = info.sequence + 1;
    const oldest = now() - PENDING_LIMIT_MS;
    for (const [id, entry] of pending) {
      if (entry.at < oldest) pending.delete(id);
      else if (entry.shardId === shardId && entry.sessionId === info.sessionId) lowest = Math.min(lowest, entry.seq);
    }
    return lowest - 1;
  };

  return {
    restore(shardId, shardCount) {
      if (restored.has(shardId) || sessions.has(shardId)) return null;
      const info = parseSession(store?.readMeta(sessionKey(shardId)) ?? null, shardId);
      if (!info || info.shardCount !== shardCount) return null;
      restored.add(shardId);
      return info;
    },
    takeRestored: (shardId) => restored.delete(shardId),
    update(shardId, info) {
      const before = sessions.get(shardId);
      // A restored session that ended (refused) or gave way to a new one no longer needs a fresh READY.
      if (!info || (before && info.sessionId !== before.sessionId)) restored.delete(shardId);
      if (info) sessions.set(shardId, info);
      else sessions.delete(shardId);
      // Sequence moves are saved by `received`, after the event is counted as pending; a new or ended session at once.
      if (!info || info.sessionId !== before?.sessionId) save(shardId);
    },
    received(shardId, seq, type, id) {
      const info = sessions.get(shardId);
      if (info && id !== undefined && ANSWERED_EVENTS.has(type)) pending.set(id, { seq, sessionId: info.sessionId, at: now(), shardId });
      save(shardId);
    },
    answered(id) {
      const entry = pending.get(id);
      if (!entry) return;
      pending.delete(id);
      save(entry.shardId);
    },
  };
}

/** A saved session, or null when there is none or it is not one (a hand-edited or older value). */
function parseSession(text: string | null, shardId: number): SessionInfo | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<SessionInfo>;
    const valid =
      typeof value.sessionId === 'string' && typeof value.resumeURL === 'string' && typeof value.sequence === 'number' && typeof value.shardCount === 'number';
    return valid ? { ...(value as SessionInfo), shardId } : null;
  } catch {
    return null;
  }
}
