/**
 * A checker for Telegram's HTML parse mode, strict where Telegram is
 * (https://core.telegram.org/bots/api#html-style): only the allowed tags and attributes, properly
 * nested and closed, `<`, `>` and `&` only as tags or the four named / numeric entities, and at most
 * 4096 characters of text once parsed. The fake server refuses what this refuses, as Telegram does.
 */

const ALLOWED: Record<string, readonly string[]> = {
  b: [], strong: [], i: [], em: [], u: [], ins: [], s: [], strike: [], del: [],
  'tg-spoiler': [], span: ['class'], a: ['href'], 'tg-emoji': ['emoji-id'],
  code: ['class'], pre: [], blockquote: ['expandable'],
};

export type HtmlCheck = { ok: true; plain: string } | { ok: false; error: string };

const TAG = /^<(\/?)([a-zA-Z-]+)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*>/;
const ENTITY = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);/;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

/** Parses `html` as Telegram would; returns the plain text or the first problem, with its offset. */
export function checkTelegramHtml(html: string, maxLength = 4096): HtmlCheck {
  const open: string[] = [];
  let plain = '';
  for (let i = 0; i < html.length; ) {
    const rest = html.slice(i, i + 300);
    const ch = html[i]!;
    if (ch === '<') {
      const tag = TAG.exec(rest);
      if (!tag) return { ok: false, error: `can't parse entities: unexpected "<" at byte offset ${i}` };
      const [whole, closing, rawName = '', attrs = ''] = tag;
      const name = rawName.toLowerCase();
      const allowed = ALLOWED[name];
      if (!allowed) return { ok: false, error: `can't parse entities: unsupported start tag "${name}" at byte offset ${i}` };
      if (closing) {
        if (open.pop() !== name) return { ok: false, error: `can't parse entities: unmatched end tag "${name}" at byte offset ${i}` };
      } else {
        for (const attr of attrs.matchAll(/([a-z-]+)(?:="([^"]*)")?/g)) {
          if (!allowed.includes(attr[1]!)) return { ok: false, error: `can't parse entities: attribute "${attr[1]}" not allowed in "${name}"` };
        }
        open.push(name);
      }
      i += whole.length;
    } else if (ch === '&') {
      const entity = ENTITY.exec(rest);
      if (!entity) return { ok: false, error: `can't parse entities: bad "&" at byte offset ${i}` };
      const name = entity[1]!;
      plain += NAMED[name] ?? String.fromCodePoint(name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
      i += entity[0].length;
    } else if (ch === '>') {
      return { ok: false, error: `can't parse entities: unexpected ">" at byte offset ${i}` };
    } else {
      plain += ch;
      i += 1;
    }
  }
  if (open.length > 0) return { ok: false, error: `can't parse entities: can't find end tag corresponding to start tag "${open.at(-1)}"` };
  if (plain.trim() === '') return { ok: false, error: 'message text is empty' };
  if (plain.length > maxLength) return { ok: false, error: 'message is too long' };
  return { ok: true, plain };
}

/** The plain text of a message the bot sent; throws with Telegram's complaint if it is not valid. */
export function plainOf(html: unknown): string {
  const checked = checkTelegramHtml(String(html));
  if (!checked.ok) throw new Error(`invalid Telegram HTML: ${checked.error}`);
  return checked.plain;
}
