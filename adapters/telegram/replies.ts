import { message, type ChartDescription, type Language, type OutboxReply } from '../../src/index.ts';
import { renderNotice, type RenderedMessage } from './render.ts';
import type { ReplyTarget } from './send.ts';

/**
 * One reply to an update, as data: what the handlers return, what the outbox keeps (as JSON) until it
 * is sent, and what the deliverer sends. A chart is kept as its description and drawn when sent.
 */
export type Reply =
  | { kind: 'text'; target: ReplyTarget; message: RenderedMessage }
  | { kind: 'photo'; target: ReplyTarget; chart: ChartDescription; caption: RenderedMessage; fallback: RenderedMessage }
  | { kind: 'edit'; inlineMessageId: string; message: RenderedMessage };

/** A text message into a chat. */
export const textReply = (target: ReplyTarget, rendered: RenderedMessage): Reply => ({ kind: 'text', target, message: rendered });

/** The chat a reply goes to, as the outbox counts it (`inline` for an edit of an inline message). */
export function chatOf(reply: Reply): string {
  return reply.kind === 'edit' ? 'inline' : String(reply.target.chatId);
}

/** A reply as an outbox row. */
export function toOutbox(reply: Reply): OutboxReply {
  return { chat: chatOf(reply), payload: JSON.stringify(reply) };
}

/** An outbox row's payload back as a reply; `null` for a row this code cannot read (it is given up). */
export function fromOutbox(payload: string): Reply | null {
  try {
    const reply = JSON.parse(payload) as Reply;
    return reply && typeof reply === 'object' && ['text', 'photo', 'edit'].includes(reply.kind) ? reply : null;
  } catch {
    return null;
  }
}

/**
 * The reply for a chat whose queue is full: instead of an answer that would come many minutes late,
 * a short "busy, ask again in a minute", quoting the question in a group. Edits are left as they are.
 */
export function busyReply(reply: Reply, language: Language): Reply {
  if (reply.kind === 'edit') return reply;
  return textReply(reply.target, renderNotice(message('busy', language)));
}
