import { message, scrubError, type Logger, type UpdateClaims } from '../../src/index.ts';
import type { Update } from 'telegraf/types';
import type { Deliverer } from './deliverer.ts';
import { handleCallback, handleInline, handleText, type HandlerContext } from './handlers.ts';
import { renderNotice } from './render.ts';
import { textReply, type Reply } from './replies.ts';
import { userLanguage, type BotIdentity } from './routing.ts';

/** What handling an update durably needs. */
export interface DurableContext {
  hc: HandlerContext;
  deliverer: Deliverer;
  claims: UpdateClaims;
  logger: Logger;
  /** Strings scrubbed from logged errors (the token). */
  secrets: readonly string[];
}

/**
 * How long an update is leased while it is handled, in ms. Handling takes milliseconds; a holder that
 * died leaves the lease to run out (the embedded database voids its own at the next start).
 */
const LEASE_MS = 30_000;
/**
 * Replies waiting beyond this make an update wait for its own replies before it is confirmed, which
 * slows intake (polling, or the webhook's 2xx) instead of letting the backlog grow without bound.
 */
const BACKPRESSURE_PENDING = 500;

/**
 * One update, at least once and almost exactly once: claim its update_id (an update already handled
 * is confirmed and answered nothing), work out the replies, record them in the outbox, settle the
 * claim, and only then return, so telegraf confirms the update (the next getUpdates offset, or the
 * webhook's 2xx) once its replies are durable. The replies are then sent in the background.
 */
export async function handleDurably(dc: DurableContext, update: Update, me: BotIdentity): Promise<void> {
  // update_id counts per bot: two bots sharing one Redis must not take each other's ids.
  const key = `telegram:${me.id}:${update.update_id}`;
  const log = dc.logger.child({ updateId: update.update_id });
  if (!(await claim(dc, key))) return void log.info('telegram: update already handled; not answered again');
  const from = 'message' in update ? update.message.from : 'callback_query' in update ? update.callback_query.from : undefined;
  const language = userLanguage(from?.language_code);
  let replies: Reply[];
  try {
    replies = await repliesTo(dc.hc, update, me);
  } catch (error) {
    log.error({ err: scrubError(error, dc.secrets) }, 'telegram update failed');
    // A bug met one update: say sorry in its chat rather than leave the question hanging.
    const chat = 'message' in update ? update.message.chat : undefined;
    replies = chat ? [textReply({ chatId: chat.id, isGroup: chat.type !== 'private' }, renderNotice(message('error', language)))] : [];
  }
  const asker = from ? { id: from.id, name: [from.first_name, from.last_name].filter(Boolean).join(' ') } : null;
  const entries = await dc.deliverer.record(key, replies, language, asker);
  await dc.claims.settle(key).catch((error: unknown) => log.error({ err: scrubError(error, dc.secrets) }, 'telegram: could not settle the update claim'));
  const sent = dc.deliverer.send(entries);
  if (dc.deliverer.pending > BACKPRESSURE_PENDING) await sent;
}

/** Takes the update; claims that cannot be reached let it through (answered twice rather than never). */
async function claim(dc: DurableContext, key: string): Promise<boolean> {
  try {
    return await dc.claims.claim(key, LEASE_MS);
  } catch (error) {
    dc.logger.error({ key, err: scrubError(error, dc.secrets) }, 'telegram: update claims unavailable; handling the update anyway');
    return true;
  }
}

/** The replies to one update, by its kind; inline queries are answered at once and leave none. */
async function repliesTo(hc: HandlerContext, update: Update, me: BotIdentity): Promise<Reply[]> {
  if ('message' in update) return 'text' in update.message ? handleText(hc, update.message, me) : [];
  if ('callback_query' in update) return handleCallback(hc, update.callback_query);
  if ('inline_query' in update) await handleInline(hc, update.inline_query);
  return [];
}
