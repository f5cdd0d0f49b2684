import { argsFromText, detectLanguage, message, questionLength } from '../../src/index.ts';
import type { Answer, Assistant, Command, Language, Logger, Origin, RateLimiter } from '../../src/index.ts';
import type { Telegram } from 'telegraf';
import type { CallbackQuery, InlineQuery, Message } from 'telegraf/types';
import { renderResult } from './commands.ts';
import type { ButtonCodec } from '../../src/index.ts';
import type { ChartPainter } from '../chart/index.ts';
import { chartFallback, sendChart } from './charts.ts';
import { inlineResults } from './inline.ts';
import type { Pacer } from './pacer.ts';
import { renderAnswer, renderNotice } from './render.ts';
import { routeMessage, userLanguage, type BotIdentity } from './routing.ts';
import type { ReplyTarget, Sender } from './send.ts';

/** Everything the update handlers use; built once in `bot.ts`. */
export interface HandlerContext {
  assistant: Assistant;
  telegram: Telegram;
  sender: Sender;
  pacer: Pacer;
  codec: ButtonCodec;
  /** Draws charts (PNG), each once per measure, language and knowledge version. */
  charts: ChartPainter;
  /** Per-user limit on questions, commands and buttons. */
  limiter: RateLimiter;
  /** Per-user limit on inline queries, which arrive as the user types. */
  inlineLimiter: RateLimiter;
  /** The registry's commands Telegram offers, by name. */
  commands: ReadonlyMap<string, Command>;
  maxQuestionLength: number;
  logger: Logger;
}

/**
 * Replies queued beyond this make handlers wait for their own reply, which slows polling down
 * instead of letting queues grow without bound.
 */
const BACKPRESSURE_PENDING = 500;

/**
 * A text message: route it, check the user's rate limit, run the command or answer the question, and
 * queue the reply. The handler returns once the reply is queued, so one slow chat never holds up
 * the others (the sender finishes it, and shutdown waits for it).
 */
export async function handleText(hc: HandlerContext, msg: Message.TextMessage, me: BotIdentity): Promise<void> {
  const route = routeMessage(msg, me, hc.commands);
  if (route.kind === 'ignore') return;
  const language = userLanguage(msg.from?.language_code);
  const isGroup = msg.chat.type !== 'private';
  const target: ReplyTarget = { chatId: msg.chat.id, isGroup, ...(isGroup ? { replyTo: msg.message_id } : {}) };
  const decision = await hc.limiter.check(String(msg.sender_chat?.id ?? msg.from?.id ?? msg.chat.id));
  if (decision === 'silent') return;
  if (decision === 'notify') return queue(hc, target, renderNotice(message('rateLimited', language)));

  const user = String(msg.sender_chat?.id ?? msg.from?.id ?? msg.chat.id);
  const { from, conversation } = whoAsks(msg.chat, user);
  if (route.kind === 'feedback') {
    hc.assistant.feedback(from, 'down', route.key, route.text);
    return queue(hc, target, renderNotice(message('feedbackThanks', language)));
  }
  if (route.kind === 'question') return deliver(hc, target, checked(hc, await hc.assistant.ask(route.text, { conversation, from })));
  // Commands follow the user's app language, unless their argument is Chinese (`/stats 海外仓`).
  const commandLanguage = route.args !== '' && detectLanguage(route.args) === 'zh' ? 'zh' : language;
  const command = hc.commands.get(route.command)!;
  const result = await command.run({ args: argsFromText(command, route.args), language: commandLanguage, platform: 'telegram', from, conversation });
  if (result.kind === 'answer') return deliver(hc, target, checked(hc, result.answer));
  // `/trend` with a chart: the picture, captioned with its numbers; the list as text if it cannot be drawn.
  if (result.kind === 'stats' && result.chart) return void sendChart(hc, target, result.chart, renderResult(result, commandLanguage, hc.codec));
  return queue(hc, target, renderResult(result, commandLanguage, hc.codec));
}

/** An answer: a trend comes as its chart, captioned with the answer; any other as a text message. */
async function deliver(hc: HandlerContext, target: ReplyTarget, answer: Answer): Promise<void> {
  const rendered = renderAnswer(answer, hc.codec);
  const chart = answer.chart?.trend ? hc.assistant.chart(answer.chart.measure, answer.language) : null;
  if (chart?.ok) return void sendChart(hc, target, chart.chart, rendered, rendered);
  return queue(hc, target, rendered);
}

/**
 * A follow-up button: acknowledge it at once (Telegram shows a spinner until then), then answer its
 * question in the chat, or in place for a message sent through inline mode.
 */
export async function handleCallback(hc: HandlerContext, query: CallbackQuery): Promise<void> {
  const ack = (text?: string): Promise<unknown> => hc.sender.call('answerCallbackQuery', () => hc.telegram.answerCbQuery(query.id, text));
  const language = userLanguage(query.from.language_code);
  const press = 'data' in query ? hc.codec.decode(query.data) : ({ kind: 'foreign' } as const);
  const chat = query.message?.chat;
  const { from, conversation } = whoAsks(chat, String(query.from.id));
  if (press.kind === 'vote') return vote(hc, query, press, from, ack, language);
  if (press.kind === 'chart') return chartPress(hc, query, press, ack);
  if (press.kind !== 'question') return void (await ack(press.kind === 'expired' ? message('buttonExpired', language) : undefined));
  const decision = await hc.limiter.check(String(query.from.id));
  if (decision === 'silent') return void (await ack());
  if (decision === 'notify') return void (await ack(message('rateLimited', language)));
  void ack();
  const answer = checked(hc, await hc.assistant.ask(press.question, { from, ...(conversation ? { conversation } : {}) }));
  if (query.message) return deliver(hc, targetOf(query.message), answer);
  if (query.inline_message_id) await hc.sender.editInline(query.inline_message_id, renderAnswer(answer, hc.codec));
}

/** Where a reply to a button goes: the button's chat, quoting its message in a group. */
function targetOf(msg: NonNullable<CallbackQuery['message']>): ReplyTarget {
  const isGroup = msg.chat.type !== 'private';
  return { chatId: msg.chat.id, isGroup, ...(isGroup ? { replyTo: msg.message_id } : {}) };
}

/** A 📈 press: the measure's chart as a photo in the button's chat; a chart that no longer exists is a toast. */
async function chartPress(hc: HandlerContext, query: CallbackQuery, press: { measure: string; language: Language }, ack: (text?: string) => Promise<unknown>): Promise<void> {
  const decision = await hc.limiter.check(String(query.from.id));
  if (decision !== 'allow') return void (await ack(decision === 'notify' ? message('rateLimited', press.language) : undefined));
  const chart = hc.assistant.chart(press.measure, press.language);
  if (!chart.ok || !query.message) return void (await ack(message('chartMissing', press.language, { measure: press.measure })));
  void ack();
  await sendChart(hc, targetOf(query.message), chart.chart, chartFallback(chart.chart, press.language));
}

/**
 * A 👍 / 👎: acknowledged quietly (a toast, nothing in the chat) and recorded. A first 👎 also asks, in
 * the chat, what was wrong; the reply to that question (it carries the answer's ref) is the feedback.
 */
async function vote(
  hc: HandlerContext,
  query: CallbackQuery,
  press: { vote: 'up' | 'down'; key: string },
  from: Origin,
  ack: (text?: string) => Promise<unknown>,
  language: Language,
): Promise<void> {
  const outcome = hc.assistant.feedback(from, press.vote, press.key, null);
  await ack(message('feedbackNoted', language));
  if (press.vote !== 'down' || !outcome.first || !query.message) return;
  const ask = renderNotice(message('feedbackAsk', language, { ref: press.key }));
  await queue(hc, targetOf(query.message), { ...ask, forceReply: true });
}

/**
 * Who asks, for the inbox, and the conversation their message continues: a user's conversation is theirs
 * in each chat, so two people in one group keep separate threads. A press on an inline message has no chat.
 */
function whoAsks(chat: { id: number; type: string } | undefined, user: string): { from: Origin; conversation?: string } {
  const from: Origin = { platform: 'telegram', chat: chat && chat.type !== 'private' ? 'group' : 'private', user };
  return chat ? { from, conversation: `telegram:${chat.id}:${user}` } : { from };
}

/** Seconds Telegram may cache inline results; answers change only when the knowledge does. */
const INLINE_CACHE_SECONDS = 300;

/** An inline query: the best few answers as articles; over the limit, no results. */
export async function handleInline(hc: HandlerContext, query: InlineQuery): Promise<void> {
  if ((await hc.inlineLimiter.check(String(query.from.id))) !== 'allow') return;
  const results = await inlineResults(hc.assistant, query.query, userLanguage(query.from.language_code), hc.codec);
  // An empty query shows examples in the user's language, so Telegram must not share its cached results.
  const extra = { cache_time: INLINE_CACHE_SECONDS, is_personal: query.query.trim() === '' };
  await hc.sender.call('answerInlineQuery', () => hc.telegram.answerInlineQuery(query.id, results, extra));
}

/** Warns when the core answered a question longer than the adapter's limit: the two must agree. */
function checked(hc: HandlerContext, answer: Answer): Answer {
  const length = questionLength(answer.question);
  if (length > hc.maxQuestionLength && answer.reason !== 'too_long') {
    hc.logger.warn({ length, limit: hc.maxQuestionLength }, 'telegram: the core answered a question over maxQuestionLength; are the limits in step?');
  }
  return answer;
}

async function queue(hc: HandlerContext, target: ReplyTarget, rendered: Parameters<Sender['send']>[1]): Promise<void> {
  const sent = hc.sender.send(target, rendered);
  if (hc.pacer.pending > BACKPRESSURE_PENDING) await sent;
}
