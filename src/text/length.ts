/**
 * How long text is, and cutting it to a length: the two places where UTF-16 units and characters as
 * people count them must not be confused.
 */

/**
 * The length of a question as the bot's limit (`MAX_QUESTION_LENGTH`) counts it: in Unicode code
 * points, so an emoji or a rare Han character outside the BMP counts as one character, as a person
 * counts it, and not as the two UTF-16 units JavaScript's `length` gives. The engine and every adapter
 * use this one definition, so a question the engine accepts is never flagged as too long elsewhere.
 */
export function questionLength(question: string): number {
  let count = 0;
  for (const _ of question) count += 1;
  return count;
}

const ELLIPSIS = '…';

/** How {@link truncate} cuts. */
export interface TruncateOptions {
  /** Prefer to cut at a space when one is near the end (keeps whole words); default false. */
  atWord?: boolean;
  /** Collapse runs of whitespace (newlines included) to one space first; default false. */
  collapseSpace?: boolean;
}

/**
 * The one truncation helper: `text` cut to at most `max` UTF-16 units (the unit Telegram and Discord
 * count in), ending in `…` when cut, never splitting a surrogate pair (an emoji or a rare Han
 * character stays whole). Every renderer and the console use it.
 */
export function truncate(text: string, max: number, options: TruncateOptions = {}): string {
  const clean = options.collapseSpace ? text.replace(/\s+/g, ' ').trim() : text;
  if (clean.length <= max) return clean;
  let cut = Math.max(0, max - ELLIPSIS.length);
  const code = clean.charCodeAt(cut);
  if (cut > 0 && code >= 0xdc00 && code <= 0xdfff) cut -= 1;
  if (options.atWord) {
    const space = clean.lastIndexOf(' ', cut);
    if (space > cut * 0.6) cut = space;
  }
  return clean.slice(0, cut).trimEnd() + ELLIPSIS;
}
