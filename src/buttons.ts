import { createHash } from 'node:crypto';
import type { Language } from './types.ts';

/**
 * One codec for follow-up buttons on every platform. A button carries what it asks: the question
 * itself when it fits the platform's id limit (stateless, so it works after any restart), otherwise a
 * hash of the question, resolved against the base's questions and a bounded memory of recent others.
 * Never a per-process counter: an id means the same question in every process.
 */

/** How long a platform lets a button id be: Telegram's callback_data is 64 bytes, Discord's custom_id 100 characters. */
export interface ButtonIdLimit {
  max: number;
  unit: 'bytes' | 'chars';
}

/** Telegram allows 64 bytes of callback_data: a Chinese question of over ~18 characters gets a hash. */
export const TELEGRAM_BUTTON_LIMIT: ButtonIdLimit = { max: 64, unit: 'bytes' };
/** Discord allows 100 characters of custom_id: most questions travel whole. */
export const DISCORD_BUTTON_LIMIT: ButtonIdLimit = { max: 100, unit: 'chars' };

/**
 * What a pressed button asks; `vote` a 👍 / 👎 on the answer with `key`, `note` the feedback form of
 * that answer (Discord's modal); `expired` when its question is no longer known, `foreign` when we did
 * not make it.
 */
export type ButtonPress =
  | { kind: 'question'; question: string }
  | { kind: 'vote'; vote: 'up' | 'down'; key: string }
  | { kind: 'note'; key: string }
  | { kind: 'chart'; measure: string; language: Language }
  | { kind: 'expired' }
  | { kind: 'foreign' };

/** Turns a question into a button id and a pressed id back into what it asks. */
export interface ButtonCodec {
  /** The button id for a question, within the platform's limit. */
  encode(question: string): string;
  /** A 👍 / 👎 button's id for the answer with `key` (stateless: the key is the answer's own hash). */
  vote(vote: 'up' | 'down', key: string): string;
  /** The id of the form that takes a 👎's reason. */
  note(key: string): string;
  /** A 📈 button's id: the measure and language travel in it (stateless, like a vote). */
  chart(measure: string, language: Language): string;
  decode(id: string): ButtonPress;
}

const TEXT_PREFIX = 'g1t:';
const HASH_PREFIX = 'g1h:';
const VOTE = /^g1v:([ud]):([A-Za-z0-9_-]{1,32})$/;
const NOTE = /^g1n:([A-Za-z0-9_-]{1,32})$/;
/** Measure ids are lower-case words and hyphens (measures.yaml); 48 of them leave room in Telegram's 64 bytes. */
const CHART = /^g1c:([a-z0-9-]{1,48}):(en|zh)$/;
/** Questions not in the base remembered for their hashed buttons; older ones expire first. */
const RECENT_QUESTIONS = 2000;

const hashOf = (question: string): string => createHash('sha256').update(question).digest('base64url').slice(0, 16);
const sizeIn = (text: string, unit: ButtonIdLimit['unit']): number => (unit === 'bytes' ? Buffer.byteLength(text) : text.length);

/** Builds the codec for one platform's limit; `known` are the questions the base offers (they never expire). */
export function createButtonCodec(known: Iterable<string>, limit: ButtonIdLimit): ButtonCodec {
  const byHash = new Map<string, string>();
  for (const question of known) byHash.set(hashOf(question), question);
  const recent = new Map<string, string>();
  return {
    encode(question) {
      const inline = `${TEXT_PREFIX}${question}`;
      if (sizeIn(inline, limit.unit) <= limit.max) return inline;
      const key = hashOf(question);
      if (!byHash.has(key)) {
        recent.delete(key);
        recent.set(key, question);
        if (recent.size > RECENT_QUESTIONS) recent.delete(recent.keys().next().value!);
      }
      return `${HASH_PREFIX}${key}`;
    },
    vote: (vote, key) => `g1v:${vote === 'up' ? 'u' : 'd'}:${key}`,
    note: (key) => `g1n:${key}`,
    chart: (measure, language) => `g1c:${measure}:${language}`,
    decode(id) {
      const vote = VOTE.exec(id);
      if (vote) return { kind: 'vote', vote: vote[1] === 'u' ? 'up' : 'down', key: vote[2]! };
      const note = NOTE.exec(id);
      if (note) return { kind: 'note', key: note[1]! };
      const chart = CHART.exec(id);
      if (chart) return { kind: 'chart', measure: chart[1]!, language: chart[2] as Language };
      if (id.startsWith(TEXT_PREFIX)) return { kind: 'question', question: id.slice(TEXT_PREFIX.length) };
      if (!id.startsWith(HASH_PREFIX)) return { kind: 'foreign' };
      const key = id.slice(HASH_PREFIX.length);
      const question = byHash.get(key) ?? recent.get(key);
      return question === undefined ? { kind: 'expired' } : { kind: 'question', question };
    },
  };
}
