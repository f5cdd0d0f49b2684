/**
 * Telegram's HTML parse mode, the small subset we need: escaping dynamic text and cutting a message
 * to Telegram's length limit without ever breaking a tag or an entity (either would make Telegram
 * refuse the whole message with "can't parse entities").
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes `&`, `<`, `>` and `"`, so the result is safe both as text and inside a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ESCAPES[ch] ?? ch);
}

/** Telegram's limit for one message's text, in UTF-16 code units. */
export const MAX_MESSAGE_LENGTH = 4096;

const ELLIPSIS = '…';

/**
 * Shortens plain text to at most `max` characters (UTF-16 units), preferring a word boundary and
 * never splitting a surrogate pair, so emoji survive.
 */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  let cut = safeCut(clean, max - ELLIPSIS.length);
  const space = clean.lastIndexOf(' ', cut);
  if (space > cut * 0.6) cut = space;
  return clean.slice(0, cut).trimEnd() + ELLIPSIS;
}

/** Largest index <= `at` that does not fall between the two halves of a surrogate pair. */
function safeCut(text: string, at: number): number {
  if (at <= 0) return 0;
  if (at >= text.length) return text.length;
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

/** A piece of Telegram HTML: a tag, an entity, or one code point of text. */
const TOKEN = /<\/?[a-z-]+(?:\s[^<>]*)?>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);|[\s\S]/giu;

/**
 * Cuts `html` (already valid Telegram HTML) to at most `max` UTF-16 units: the cut falls between
 * tokens, never inside a tag, an entity or a surrogate pair; an ellipsis marks it, and every tag still
 * open is closed so the result stays balanced.
 */
export function truncateHtml(html: string, max = MAX_MESSAGE_LENGTH): string {
  if (html.length <= max) return html;
  const open: string[] = [];
  const closing = (): number => open.reduce((sum, name) => sum + name.length + 3, 0);
  let out = '';
  for (const match of html.matchAll(TOKEN)) {
    const token = match[0];
    const closeName = /^<\/([a-z-]+)/i.exec(token)?.[1];
    const openName = closeName ? undefined : /^<([a-z-]+)/i.exec(token)?.[1];
    // Room for this token, the ellipsis, and closing tags for whatever is open afterwards.
    const extraClose = openName ? openName.length + 3 : closeName ? -(closeName.length + 3) : 0;
    if (out.length + token.length + ELLIPSIS.length + closing() + extraClose > max) break;
    out += token;
    if (openName) open.push(openName.toLowerCase());
    if (closeName) open.pop();
  }
  return out.trimEnd() + ELLIPSIS + open.reverse().map((name) => `</${name}>`).join('');
}

/** Plain text of Telegram HTML: tags dropped, entities decoded. For the plain-text fallback send. */
export function htmlToPlain(html: string): string {
  return html
    .replace(/<[^<>]*>/g, '')
    .replace(/&(lt|gt|quot|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[name] ?? '');
}
