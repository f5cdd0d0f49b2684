import { createHash } from 'node:crypto';
import { truncate, type Answer, type Assistant, type Language } from '../../src/index.ts';
import type { InlineQueryResultArticle } from 'telegraf/types';
import type { ButtonCodec } from '../../src/index.ts';
import { renderAnswer, WORDS } from './render.ts';

/** Results per inline query; Telegram shows them as a short list above the keyboard. */
const MAX_RESULTS = 5;
/** An article's description line, in characters. */
const DESCRIPTION_LENGTH = 120;

/**
 * Inline mode (`@bot query` in any chat): the answer to the query first, then answers to its
 * follow-ups, each as an article whose message is the rendered answer. A declined query offers the
 * example answers instead; an empty query offers examples in the user's language.
 */
export async function inlineResults(assistant: Assistant, query: string, language: Language, codec: ButtonCodec): Promise<InlineQueryResultArticle[]> {
  const text = query.trim();
  const main = text === '' ? null : await assistant.ask(text);
  const questions = main?.answered ? main.followUps : (main?.followUps ?? assistant.examples(language));
  const others = await Promise.all(questions.slice(0, MAX_RESULTS).map((q) => assistant.ask(q)));
  const answers = (main?.answered ? [main, ...others] : others).filter((a) => a.answered);
  const unique = [...new Map(answers.map((a) => [a.facts[0]?.id ?? a.question, a])).values()].slice(0, MAX_RESULTS);
  const chosen = unique.length > 0 ? unique : main ? [main] : [];
  return chosen.map((answer) => toArticle(answer, codec));
}

function toArticle(answer: Answer, codec: ButtonCodec): InlineQueryResultArticle {
  const rendered = renderAnswer(answer, codec);
  const title = answer.facts[0]?.title ?? answer.question;
  return {
    type: 'article',
    // Unique per result and at most 64 bytes, as Telegram requires.
    id: createHash('sha256').update(answer.question).digest('hex').slice(0, 32),
    title: truncate(title, 64, WORDS),
    description: truncate(answer.text, DESCRIPTION_LENGTH, WORDS),
    input_message_content: { message_text: rendered.html, parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
    ...(rendered.keyboard ? { reply_markup: rendered.keyboard } : {}),
  };
}
