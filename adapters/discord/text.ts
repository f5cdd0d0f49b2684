import { embedLength, type APIEmbed, type MessageMentionOptions } from 'discord.js';
import { truncate } from '../../src/index.ts';

/** Discord's embed limits, in characters; a message breaking any of them is rejected with 400 50035. */
export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /** Sum of title, description, field names and values, footer and author name. */
  total: 6000,
} as const;

/** Limits on components and autocomplete, in characters or items. */
export const COMPONENT_LIMITS = { buttonLabel: 80, customId: 100, buttonsPerRow: 5, choices: 25, choiceText: 100, modalTitle: 45, modalLabel: 45 } as const;

/** The one allowed-mentions setting of every reply and edit: text in a question can never ping anyone. */
export const NO_PINGS: MessageMentionOptions = Object.freeze({ parse: [], repliedUser: false });

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Breaks `@everyone`, `@here` and `<@…>` / `<@&…>` so echoed text renders inert even where a client
 * would highlight it. Defence in depth: {@link NO_PINGS} already stops the pings themselves.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`).replace(/<@/g, `<@${ZERO_WIDTH_SPACE}`);
}

/**
 * The question in a Discord message or option: mention markup (users, the bot itself, roles,
 * channels, `@everyone`, `@here`) removed, since it is addressing, not part of what is asked.
 */
export function cleanQuestion(text: string): string {
  return text
    .replace(/<(@[!&]?|#)\d+>/g, ' ')
    .replace(/@(everyone|here)\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text safe to echo in an embed or label: mentions broken, control characters dropped, length capped. */
export function safeText(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  return truncate(neutraliseMentions(cleaned), max);
}

/**
 * Clamps every part of an embed to Discord's limits, then drops trailing fields until the whole fits
 * in {@link EMBED_LIMITS.total} (measured by discord.js's own `embedLength`), so no reply can be refused
 * for its size.
 */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const fitted: APIEmbed = { ...embed };
  if (fitted.title !== undefined) fitted.title = safeText(fitted.title, EMBED_LIMITS.title);
  if (fitted.description !== undefined) fitted.description = safeText(fitted.description, EMBED_LIMITS.description);
  if (fitted.footer) fitted.footer = { ...fitted.footer, text: safeText(fitted.footer.text, EMBED_LIMITS.footer) };
  if (fitted.author) fitted.author = { ...fitted.author, name: safeText(fitted.author.name, EMBED_LIMITS.authorName) };
  fitted.fields = (fitted.fields ?? [])
    .slice(0, EMBED_LIMITS.fields)
    .map((f) => ({ ...f, name: safeText(f.name, EMBED_LIMITS.fieldName) || '\u200b', value: safeText(f.value, EMBED_LIMITS.fieldValue) || '\u200b' }));
  while (embedLength(fitted) > EMBED_LIMITS.total && fitted.fields.length > 0) fitted.fields.pop();
  if (embedLength(fitted) > EMBED_LIMITS.total && fitted.description) {
    fitted.description = truncate(fitted.description, Math.max(1, fitted.description.length - (embedLength(fitted) - EMBED_LIMITS.total)));
  }
  return fitted;
}
