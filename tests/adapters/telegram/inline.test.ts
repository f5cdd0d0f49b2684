import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../../src/index.ts';
import { startHarness, type Harness } from '../../fakes/telegram/harness.ts';
import { checkTelegramHtml } from '../../fakes/telegram/html.ts';
import { inlineCallbackUpdate, inlineUpdate, user } from '../../fakes/telegram/updates.ts';
import { waitFor } from '../../fakes/telegram/wait.ts';

const assistant = createAssistant();
let h: Harness;
beforeAll(async () => void (h = await startHarness(assistant)));
afterAll(() => h.close());

interface Article {
  type: string;
  id: string;
  title: string;
  description: string;
  input_message_content: { message_text: string; parse_mode: string };
  reply_markup?: { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
}

/** Sends an inline query and returns the results the bot answered it with. */
async function query(text: string, language = 'en'): Promise<Article[]> {
  const update = inlineUpdate(user(401, language), text);
  const id = (update.inline_query as { id: string }).id;
  h.api.push(update);
  await waitFor(() => h.api.ok('answerInlineQuery').some((c) => c.body.inline_query_id === id), `answerInlineQuery for "${text}"`);
  return h.api.ok('answerInlineQuery').find((c) => c.body.inline_query_id === id)!.body.results as Article[];
}

describe('inline mode', () => {
  it('GIVEN a question THEN the first article is its answer, in valid HTML, with a few related answers after it', async () => {
    const results = await query('how many overseas warehouses');
    expect(results.length).toBeGreaterThan(1);
    expect(results.length).toBeLessThanOrEqual(5);
    const first = results[0]!;
    expect(first.type).toBe('article');
    expect(first.title).toBe('Overseas warehouses');
    expect(first.input_message_content.parse_mode).toBe('HTML');
    const checked = checkTelegramHtml(first.input_message_content.message_text);
    expect(checked.ok && checked.plain).toContain('58');
    expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
  });

  it('GIVEN a Chinese question THEN the answer article is Chinese', async () => {
    const [first] = await query('甘肃的海外仓有几个？');
    expect(first!.input_message_content.message_text).toContain('58个');
  });

  it('GIVEN an empty query THEN example answers in the user\'s language are offered', async () => {
    const results = await query('', 'zh');
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]!.input_message_content.message_text).toMatch(/\p{Script=Han}/u);
  });

  it('GIVEN an off-topic query THEN example answers are offered instead of the decline', async () => {
    const results = await query('What time is it in Beijing?');
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(checkTelegramHtml(r.input_message_content.message_text).ok).toBe(true);
  });

  it('GIVEN a hostile query THEN every article is still valid', async () => {
    const results = await query('<script>alert(1)</script> & <b>warehouses');
    // Declined, so the articles are example answers: each titled by a real fact of the base.
    expect((await assistant.ask('<script>alert(1)</script> & <b>warehouses')).answered).toBe(false);
    expect(results.length).toBeGreaterThan(0);
    const titles = assistant.knowledge.facts.map((f) => f.title.en);
    for (const r of results) expect(titles.some((t) => t.startsWith(r.title.replace(/…$/, '')))).toBe(true);
    for (const r of results) expect(checkTelegramHtml(r.input_message_content.message_text).ok).toBe(true);
  });

  it('GIVEN a follow-up button under an inline message THEN that message is edited to the follow-up answer', async () => {
    const [first] = await query('how many overseas warehouses');
    const button = first!.reply_markup!.inline_keyboard[0]![0]!;
    h.api.push(inlineCallbackUpdate(user(402), 'inline-msg-1', button.callback_data));
    await waitFor(() => h.api.ok('editMessageText').length === 1, 'the inline message edit');
    const edit = h.api.ok('editMessageText')[0]!;
    expect(edit.body.inline_message_id).toBe('inline-msg-1');
    expect(edit.body.text).toContain((await assistant.ask(button.text)).text.slice(0, 30));
  });
});
