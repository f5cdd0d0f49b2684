import { message, truncate, type AboutInfo, type Answer, type CommandInfo, type Language, type StatsResult } from '../../src/index.ts';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { ButtonCodec } from '../../src/index.ts';
import { chartButton } from './charts.ts';
import { escapeHtml, truncateHtml } from './html.ts';

/** One chat message ready to send: Telegram HTML and an optional keyboard. */
export interface RenderedMessage {
  html: string;
  keyboard?: InlineKeyboardMarkup;
  /** Opens the reply box on the user's message (a 👎's "what was wrong?"). */
  forceReply?: boolean;
}

/** Plain text in a message, button or article is cut at a word, its whitespace collapsed. */
export const WORDS = { atWord: true, collapseSpace: true } as const;

/** How much of a source quote to show, in characters; the full text stays in the knowledge base. */
const QUOTE_LENGTH = 280;
/** Buttons under one reply; more would bury the answer on a phone screen. */
const MAX_BUTTONS = 4;
/** A button's text, in characters; Telegram shows about this much on one line. */
const BUTTON_TEXT_LENGTH = 60;

/**
 * An {@link Answer} as Telegram HTML: the core's text with each figure in bold, then the source
 * (document and a shortened quote) in an expandable quote, then the follow-ups (or, for a decline, the
 * example questions) as buttons. Every piece of core text is escaped; nothing is worded here.
 */
export function renderAnswer(answer: Answer, codec: ButtonCodec): RenderedMessage {
  const { html: body, unmatched } = boldFigures(answer.text, answer.figures.map((f) => f.display));
  const lines = unmatched.map((i) => answer.figures[i]!).map((f) => `📊 ${figureLine(f.label, escapeHtml(f.display), f.period, answer.language)}`);
  const parts = [body];
  if (lines.length > 0) parts.push(lines.join('\n'));
  const documents = [...new Set(answer.sources.map((s) => s.document))];
  if (answer.answered && answer.sources.length > 0) {
    const quote = answer.sources[0]!.quote;
    parts.push(`📄 <i>${escapeHtml(documents.join('; '))}</i>\n<blockquote expandable>${escapeHtml(truncate(quote, QUOTE_LENGTH, WORDS))}</blockquote>`);
  }
  const withFollowUps = withButtons(truncateHtml(parts.join('\n\n')), answer.followUps, codec);
  // 📈 opens the answer's chart; it shares the last row with 👍 / 👎.
  const chart = chartButton(answer, codec);
  const rendered = chart.length > 0 ? { ...withFollowUps, keyboard: { inline_keyboard: [...(withFollowUps.keyboard?.inline_keyboard ?? []), chart] } } : withFollowUps;
  if (answer.key === undefined) return rendered;
  // 👍 / 👎 share one row under the follow-ups: a quiet way to say an answer missed.
  const votes = [
    { text: '👍', callback_data: codec.vote('up', answer.key) },
    { text: '👎', callback_data: codec.vote('down', answer.key) },
  ];
  const rows = rendered.keyboard?.inline_keyboard ?? [];
  const last = chart.length > 0 ? [...rows.slice(0, -1), [...chart, ...votes]] : [...rows, votes];
  return { ...rendered, keyboard: { inline_keyboard: last } };
}

/** Quick stats as a compact list: one figure a line, value in bold; `language` picks the punctuation. */
export function renderStats(result: StatsResult, language: Language): string {
  if (!result.ok) return escapeHtml(result.text);
  const lines = result.items.map((item) => `• ${figureLine(item.label, escapeHtml(item.display), item.period, language)}`);
  return truncateHtml([`📊 <b>${escapeHtml(result.title)}</b>`, ...lines].join('\n'));
}

/** `/start`: who the bot is, with the examples as buttons. */
export function renderStart(about: AboutInfo, codec: ButtonCodec): RenderedMessage {
  return withButtons(`<b>${escapeHtml(about.title)}</b>\n\n${escapeHtml(about.text)}`, about.examples, codec);
}

/** `/help`: every command with its description in the user's language, and examples as buttons. */
export function renderHelp(about: AboutInfo, commands: readonly CommandInfo[], language: Language, codec: ButtonCodec): RenderedMessage {
  const list = commands.map((c) => `/${c.name}${c.args.length > 0 ? ' …' : ''} — ${escapeHtml(c.description[language])}`);
  return withButtons(`<b>${escapeHtml(about.title)}</b>\n\n${list.join('\n')}\n\n💡 ${escapeHtml(about.text)}`, about.examples, codec);
}

/** `/about`: what the bot knows (topics) and where it comes from (documents). */
export function renderAbout(about: AboutInfo): string {
  const topics = about.topics.map((t) => `• <b>${escapeHtml(t.name)}</b>: ${escapeHtml(t.description)}`);
  const sources = about.sources.map((s) => `📄 <i>${escapeHtml(s)}</i>`);
  return truncateHtml([`<b>${escapeHtml(about.title)}</b>`, escapeHtml(about.text), topics.join('\n'), sources.join('\n')].join('\n\n'));
}

/** Plain notice text (rate limit, errors) from the core's messages. */
export function renderNotice(text: string): RenderedMessage {
  return { html: escapeHtml(text) };
}

/**
 * Escapes `text` with the first unbolded occurrence of each display in bold. Matching runs on the raw
 * text and each piece is escaped on its own, so a tag can never land inside an entity or another tag.
 * Returns the indices of displays the text does not contain, to be listed separately.
 */
function boldFigures(text: string, displays: readonly string[]): { html: string; unmatched: number[] } {
  const ranges: Array<[number, number]> = [];
  const unmatched: number[] = [];
  const overlaps = (from: number, to: number): boolean => ranges.some(([a, b]) => from < b && a < to);
  displays.forEach((display, index) => {
    if (display === '') return;
    let at = text.indexOf(display);
    while (at >= 0 && overlaps(at, at + display.length)) at = text.indexOf(display, at + 1);
    if (at >= 0) ranges.push([at, at + display.length]);
    else if (!text.includes(display)) unmatched.push(index);
  });
  ranges.sort((x, y) => x[0] - y[0]);
  let html = '';
  let done = 0;
  for (const [from, to] of ranges) {
    html += `${escapeHtml(text.slice(done, from))}<b>${escapeHtml(text.slice(from, to))}</b>`;
    done = to;
  }
  return { html: html + escapeHtml(text.slice(done)), unmatched };
}

/** `label: <b>value</b> (period)` in the catalog's punctuation for `language`. `display` is escaped HTML. */
function figureLine(label: string, display: string, period: string, language: Language): string {
  return message('figureLine', language, { label: escapeHtml(label), value: `<b>${display}</b>`, period: escapeHtml(period) });
}

function withButtons(html: string, questions: readonly string[], codec: ButtonCodec): RenderedMessage {
  const rows = questions
    .slice(0, MAX_BUTTONS)
    .map((q) => [{ text: truncate(q, BUTTON_TEXT_LENGTH, WORDS), callback_data: codec.encode(q) }]);
  return rows.length > 0 ? { html, keyboard: { inline_keyboard: rows } } : { html };
}
