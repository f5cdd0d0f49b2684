import { MessageFlags } from 'discord.js';
import type { AutocompleteInteraction, Interaction, RepliableInteraction } from 'discord.js';
import { message, withTimeout } from '../../src/index.ts';
import type { DiscordContext } from './context.ts';
import type { ReplyPayload } from './render.ts';
import { languageFor } from './context.ts';
import { NO_PINGS } from './text.ts';

/**
 * How long work may take before the interaction is deferred, in milliseconds. Discord drops an
 * interaction not acknowledged within 3 s; deferring at 1.5 s leaves room for a slow network.
 */
export const DEFER_AFTER_MS = 1500;

/** Work that produces a reply; synchronous today (the core is), allowed to be async tomorrow. */
export type ReplyWork = () => ReplyPayload | Promise<ReplyPayload>;

/** How {@link replyInTime} answers. */
export interface ReplyOptions {
  ephemeral?: boolean;
  /** Work longer than this defers the interaction, in milliseconds (default {@link DEFER_AFTER_MS}). */
  deferAfterMs?: number;
  /**
   * Defer before doing the work: it is slow (a chart to draw) or interaction callbacks are being
   * rate limited, so the work's time plus a `retry_after` or two could miss Discord's 3 s window.
   */
  deferFirst?: boolean;
}

/**
 * Answers an interaction exactly once within Discord's 3 s: replies directly when the work is done in
 * time (callback type 4), otherwise defers (type 5) and edits the deferred reply when it is. With
 * `deferFirst`, the deferral goes out before the work starts.
 */
export async function replyInTime(interaction: RepliableInteraction, work: ReplyWork, options: ReplyOptions = {}): Promise<void> {
  const flags = options.ephemeral ? MessageFlags.Ephemeral : undefined;
  const defer = () => interaction.deferReply(flags ? { flags } : {});
  if (options.deferFirst) {
    // The work waits for the deferral: a chart's render blocks the event loop, and would hold the request up.
    await defer();
    const payload = await work();
    await interaction.editReply({ ...payload, allowedMentions: NO_PINGS });
    return;
  }
  const pending = Promise.resolve().then(work);
  const first = await withTimeout(pending, options.deferAfterMs ?? DEFER_AFTER_MS);
  if (first.done) {
    await interaction.reply({ ...first.value, allowedMentions: NO_PINGS, ...(flags ? { flags } : {}) });
    return;
  }
  await defer();
  const payload = await pending;
  await interaction.editReply({ ...payload, allowedMentions: NO_PINGS });
}

/**
 * A short notice (cooldown, error) only the asking user sees. A deferred reply still "thinking" is
 * edited into the notice instead, so it does not hang until Discord gives up on it.
 */
export async function notify(interaction: RepliableInteraction, content: string): Promise<void> {
  const options = { content, allowedMentions: NO_PINGS, flags: MessageFlags.Ephemeral } as const;
  if (interaction.deferred && !interaction.replied) await interaction.editReply({ content, embeds: [], components: [], allowedMentions: NO_PINGS });
  else if (interaction.replied) await interaction.followUp(options);
  else await interaction.reply(options);
}

/**
 * Handles one interaction with every failure contained: the error is logged without tokens, the user
 * gets an ephemeral apology (autocomplete gets no choices), and the bot carries on.
 */
export async function guardInteraction(
  context: DiscordContext,
  interaction: Interaction,
  handle: () => Promise<void>,
): Promise<void> {
  try {
    await handle();
  } catch (error) {
    context.logger.error({ error: context.describeError(error), interactionId: interaction.id }, 'discord interaction failed');
    try {
      if (interaction.isAutocomplete()) await respondEmpty(interaction);
      else if (interaction.isRepliable()) await notify(interaction, message('error', languageFor('', interaction.locale)));
    } catch (apologyError) {
      context.logger.warn({ error: context.describeError(apologyError), interactionId: interaction.id }, 'discord apology failed');
    }
  }
}

async function respondEmpty(interaction: AutocompleteInteraction): Promise<void> {
  if (!interaction.responded) await interaction.respond([]);
}
