import type { Language, Logger, Outbox, OutboxEntry } from '../../src/index.ts';
import type { ChartPainter } from '../chart/index.ts';
import type { Pacer } from './pacer.ts';
import { busyReply, chatOf, fromOutbox, renderBusy, toOutbox, type Asker, type BusyReply, type Reply } from './replies.ts';
import type { SendOutcome, Sender } from './send.ts';

/** What the deliverer sends with and keeps its replies in. */
export interface DelivererOptions {
  outbox: Outbox;
  sender: Sender;
  pacer: Pacer;
  charts: ChartPainter;
  logger: Logger;
  /** Replies waiting for one chat before the next answers there become "busy" notices. */
  maxQueuePerChat: number;
  /** How long a reply waits after Telegram was unreachable through all its tries, in ms. */
  resendAfterMs: number;
}

/**
 * Sends replies at least once: each is in the outbox before its update is confirmed to Telegram, and
 * marked done only once Telegram has it (or refused it for good). A reply that was in flight when the
 * process died is sent again by the next start: the one duplicate this allows.
 */
export interface Deliverer {
  /**
   * Records the replies to update `key`, durably, and resolves with the entries to send. A chat that
   * already has `maxQueuePerChat` replies waiting gets "busy, ask again in a minute" in `language`,
   * naming `asker` in a group; the busy replies waiting in one chat go out together as one message.
   */
  record(key: string, replies: readonly Reply[], language: Language, asker: Asker | null): Promise<OutboxEntry[]>;
  /** Sends recorded entries (each chat's in order); resolves once each is sent, given up or kept. */
  send(entries: readonly OutboxEntry[]): Promise<void>;
  /** At start: sends what the outbox still holds, a page at a time; resolves with how many. */
  resume(): Promise<number>;
  /** Replies recorded and not yet sent, over all chats (busy notices, held to go out together, aside). */
  readonly pending: number;
  /** Stops sending, waits up to `timeoutMs` for calls in flight, and resolves with how many replies are kept. */
  stop(timeoutMs: number): Promise<number>;
}

/** Pending replies loaded per page at start; the next page waits until fewer than this are queued. */
const RESUME_PAGE = 500;
/** Askers named in one busy notice; more wait for the next one. */
const MENTIONS_PER_NOTICE = 50;
/** Rounds of tries (each the retry policy's full run) a reply gets while Telegram is unreachable. */
const MAX_ROUNDS = 10;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createDeliverer({ outbox, sender, pacer, charts, logger, maxQueuePerChat, resendAfterMs }: DelivererOptions): Deliverer {
  /** Entries queued in this process, by id, with their chat: a redelivered update's entries are not queued twice. */
  const queued = new Map<number, string>();
  /** Of those, the ones handed to the sender (the rest are recorded, about to be). */
  const started = new Set<number>();
  /** Replies per chat: queued, plus those being recorded right now (so one batch of updates cannot overfill a chat). */
  const perChat = new Map<string, number>();
  /** Busy replies waiting for their chat's next notice, and the chats whose notice is on its way. */
  const held = new Map<string, Array<OutboxEntry & { reply: BusyReply }>>();
  const flushing = new Set<string>();
  let heldTotal = 0;
  /** Replies waiting out an outage of Telegram, to be tried again. */
  const later = new Set<NodeJS.Timeout>();
  let stopping = false;
  const count = (chat: string, by: number): void => {
    const n = (perChat.get(chat) ?? 0) + by;
    if (n > 0) perChat.set(chat, n);
    else perChat.delete(chat);
  };

  const transmit = (reply: Exclude<Reply, BusyReply>): Promise<SendOutcome> => {
    if (reply.kind === 'text') return sender.send(reply.target, reply.message);
    if (reply.kind === 'edit') return sender.editInline(reply.inlineMessageId, reply.message);
    return sender.photo(reply.target, charts.png(reply.chart), reply.caption, reply.fallback);
  };
  const settle = async (entry: OutboxEntry): Promise<void> => {
    await outbox.done(entry.id);
    queued.delete(entry.id);
    started.delete(entry.id);
    count(entry.chat, -1);
  };
  const register = (entries: readonly OutboxEntry[]): void => {
    for (const e of entries) {
      if (queued.has(e.id)) continue;
      queued.set(e.id, e.chat);
      count(e.chat, 1);
    }
  };
  /** Sends the busy notices held for `chat`, one message per batch of askers, until none are left. */
  const flush = async (chat: string): Promise<void> => {
    if (flushing.has(chat)) return;
    flushing.add(chat);
    try {
      for (let notices = 0; notices < 10_000; notices += 1) {
        const batch = (held.get(chat) ?? []).splice(0, MENTIONS_PER_NOTICE);
        if (batch.length === 0) break;
        heldTotal -= batch.length;
        const chatId = batch[0]!.reply.chatId;
        const outcome = await sender.send({ chatId, isGroup: chatId < 0 }, renderBusy(batch.map((e) => e.reply)));
        // A notice Telegram could not take goes with the outage (it would be stale); kept only at a stop.
        if (outcome === 'unreachable' && stopping) return;
        await Promise.all(batch.map(settle));
      }
    } finally {
      flushing.delete(chat);
      if (held.get(chat)?.length === 0) held.delete(chat);
    }
  };
  const deliver = async (entry: OutboxEntry, round = 1): Promise<void> => {
    const reply = fromOutbox(entry.payload);
    if (!reply) logger.error({ id: entry.id }, 'telegram: an outbox entry this version cannot read; giving it up');
    if (reply?.kind === 'busy') {
      held.set(entry.chat, [...(held.get(entry.chat) ?? []), { ...entry, reply }]);
      heldTotal += 1;
      return void flush(entry.chat);
    }
    const outcome = reply ? await transmit(reply) : 'refused';
    if (outcome === 'unreachable') {
      // Stopping: it stays pending for the next start. Telegram away: try again in a while.
      if (stopping) return;
      if (round < MAX_ROUNDS) {
        const timer = setTimeout(() => void (later.delete(timer), deliver(entry, round + 1)), resendAfterMs);
        later.add(timer);
        return;
      }
      logger.error({ id: entry.id, rounds: round }, 'telegram unreachable for every round of tries; giving the reply up');
    }
    await settle(entry);
  };

  const deliverer: Deliverer = {
    get pending() {
      return queued.size - heldTotal;
    },
    async record(key, replies, language, asker) {
      // Counted before the write, so the updates of one batch, recorded side by side, see each other.
      const fitted = replies.map((reply) => {
        const chat = chatOf(reply);
        const waiting = perChat.get(chat) ?? 0;
        count(chat, 1);
        // Inline edits are no chat's queue: each goes to its own message.
        if (waiting < maxQueuePerChat || reply.kind === 'edit') return reply;
        logger.warn({ chatId: chat, waiting }, 'telegram: chat queue full; answering busy');
        return busyReply(reply, language, asker);
      });
      try {
        const entries = await outbox.record(key, fitted.map(toOutbox));
        register(entries);
        return entries;
      } finally {
        for (const reply of fitted) count(chatOf(reply), -1);
      }
    },
    async send(entries) {
      register(entries);
      const fresh = entries.filter((e) => !started.has(e.id));
      for (const e of fresh) started.add(e.id);
      await Promise.all(fresh.map(deliver));
    },
    async resume() {
      let after = 0;
      let total = 0;
      for (let pages = 0; pages < 10_000 && !stopping; pages += 1) {
        const page = await outbox.pending(after, RESUME_PAGE);
        if (page.length === 0) break;
        total += page.length;
        after = page.at(-1)!.id;
        void deliverer.send(page);
        while (deliverer.pending >= RESUME_PAGE && !stopping) await sleep(100);
      }
      if (total > 0) logger.info({ replies: total }, 'telegram: sending replies kept from before the restart');
      return total;
    },
    async stop(timeoutMs) {
      stopping = true;
      for (const timer of later) clearTimeout(timer);
      pacer.stop();
      await sender.drain(timeoutMs);
      return queued.size;
    },
  };
  return deliverer;
}
