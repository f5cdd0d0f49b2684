// Hand-written: no library cuts Telegram's HTML subset by UTF-16 units while keeping every tag and entity balanced.
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
