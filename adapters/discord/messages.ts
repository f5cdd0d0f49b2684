import type { Message } from 'discord.js';
import { detectLanguage, message as coreMessage } from '../../src/index.ts';
import { conversationOf, type DiscordContext } from './context.ts';
import { renderAnswer } from './render.ts';
import { NO_PINGS, cleanQuestion } from './text.ts';

/**
 * Whether a message is addressed to the bot: any DM, or a guild message mentioning the bot itself
 * (not `@everyone`, not a role). Bots, webhooks and system messages are never answered.
 */
export function isForBot(msg: Message, botId: string): boolean {
  if (msg.author.bot || msg.system || msg.webhookId) return false;
  if (!msg.inGuild()) return true;
  return msg.mentions.users.has(botId) || new RegExp(`<@!?${botId}>`).test(msg.content);
}

/**
 * Answers a mention or DM as a reply to it. Discord delivers the content of such messages without
 * the privileged Message Content intent. Inside the cooldown the user is told once, then ignored.
 */
export async function handleMessage(context: DiscordContext, msg: Message, botId: string): Promise<void> {
  if (!isForBot(msg, botId)) return;
  const question = cleanQuestion(msg.content);
  try {
    const decision = await context.cooldown(msg.author.id);
    if (decision === 'silent') return;
    const payload =
      decision === 'notify'
        ? { content: coreMessage('cooldown', detectLanguage(question)) }
        : renderAnswer(
            await context.assistant.ask(question, {
              conversation: conversationOf(msg.channelId, msg.author.id),
              from: { platform: 'discord', chat: msg.inGuild() ? 'group' : 'private', user: msg.author.id },
            }),
            context.codec,
          );
    await msg.reply({ ...payload, allowedMentions: NO_PINGS, failIfNotExists: false, ...onceFor(msg) });
  } catch (error) {
    context.logger.error({ error: context.describeError(error), messageId: msg.id }, 'discord message reply failed');
    try {
      await msg.reply({ content: coreMessage('error', detectLanguage(question)), allowedMentions: NO_PINGS, failIfNotExists: false, ...onceFor(msg) });
    } catch (apologyError) {
      context.logger.warn({ error: context.describeError(apologyError), messageId: msg.id }, 'discord apology failed');
    }
  }
}

/**
 * The reply's nonce, enforced: the id of the message it answers. A POST retried after a lost response
 * (5xx), or the same message replayed by the gateway after a restart, then returns the reply Discord
 * already created instead of posting a second one (Discord keeps nonces for a few minutes).
 */
function onceFor(msg: Message): { nonce: string; enforceNonce: true } {
  return { nonce: msg.id, enforceNonce: true };
}
