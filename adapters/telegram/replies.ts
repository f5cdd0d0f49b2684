import { message, type ChartDescription, type Language, type OutboxReply } from '../../src/index.ts';
import { escapeHtml } from './html.ts';
import type { RenderedMessage } from './render.ts';
import type { ReplyTarget } from './send.ts';

/**
 * One reply to an update, as data: what the handlers return, what the outbox keeps (as JSON) until it
 * is sent, and what the deliverer sends. A chart is kept as its description and drawn when sent.
 */
export type Reply =
  | { kind: 'text'; target: ReplyTarget; message: RenderedMessage }
  | { kind: 'photo'; target: ReplyTarget; chart: ChartDescription; caption: RenderedMessage; fallback: RenderedMessage }
  | { kind: 'edit'; inlineMessageId: string; message: RenderedMessage }
  | BusyReply;

/** "Busy, ask again in a minute" to one asker; the busy replies waiting for a chat go out as one message. */
export interface BusyReply {
  kind: 'busy';
  chatId: number;
  language: Language;
  /** Who to mention in a group, so the one notice reaches each of them. */
  asker: Asker | null;
}

/** The person an update came from, as a busy notice names them. */
export interface Asker {
  id: number;
  name: string;
}

/** A text message into a chat. */
export const textReply = (target: ReplyTarget, rendered: RenderedMessage): Reply => ({ kind: 'text', target, message: rendered });

/** The chat a reply goes to, as the outbox counts it (`inline` for an edit of an inline message). */
export function chatOf(reply: Reply): string {
  if (reply.kind === 'edit') return 'inline';
  return String(reply.kind === 'busy' ? reply.chatId : reply.target.chatId);
}

/** A reply as an outbox row. */
export function toOutbox(reply: Reply): OutboxReply {
  return { chat: chatOf(reply), payload: JSON.stringify(reply) };
}

/** An outbox row's payload back as a reply; `null` for a row this code cannot read (it is given up). */
export function fromOutbox(payload: string): Reply | null {
  try {
    const reply = JSON.parse(payload) as Reply;
    return reply && typeof reply === 'object' && ['text', 'photo', 'edit', 'busy'].includes(reply.kind) ? reply : null;
  } catch {
    return null;
  }
}

/**
 * The reply for a chat whose queue is full: instead of an answer that would come many minutes late,
 * "busy, ask again in a minute". Edits are left as they are.
 */
export function busyReply(reply: Reply, language: Language, asker: Asker | null): Reply {
  if (reply.kind === 'edit' || reply.kind === 'busy') return reply;
  return { kind: 'busy', chatId: reply.target.chatId, language, asker: reply.target.isGroup ? asker : null };
}

/**
 * One message for the busy replies waiting in a chat: the askers mentioned (a text mention notifies
 * each), then the notice in each language among them, so a flooded group costs one message, not one each.
 */
export function renderBusy(replies: readonly BusyReply[]): RenderedMessage {
  const seen = new Set<number>();
  const mentions = replies.flatMap(({ asker }) => {
    if (!asker || seen.has(asker.id)) return [];
    seen.add(asker.id);
    return [`<a href="tg://user?id=${asker.id}">${escapeHtml(asker.name)}</a>`];
  });
  const languages = [...new Set(replies.map((r) => r.language))];
  const notice = languages.map((l) => escapeHtml(message('busy', l))).join('\n');
  return { html: mentions.length > 0 ? `${mentions.join(', ')}\n${notice}` : notice };
}
