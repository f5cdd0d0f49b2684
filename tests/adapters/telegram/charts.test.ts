import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant, MESSAGES } from '../../../src/index.ts';
import type { UploadedFile } from '../../fakes/telegram/methods.ts';
import { startHarness, type Harness } from '../../fakes/telegram/harness.ts';
import { plainOf } from '../../fakes/telegram/html.ts';
import { pngSize } from '../../fakes/png.ts';
import type { FakeCall } from '../../fakes/telegram/server.ts';
import { callbackUpdate, messageUpdate, user } from '../../fakes/telegram/updates.ts';
import { waitFor } from '../../fakes/telegram/wait.ts';

const assistant = createAssistant();
let h: Harness;
beforeAll(async () => void (h = await startHarness(assistant)));
afterAll(() => h.close());

let nextUser = 7000;
/** Sends `text` from a fresh user and waits for the photo in that chat (a first render takes a few hundred ms). */
async function photoFor(text: string, language = 'en'): Promise<{ call: FakeCall; chat: number }> {
  const from = user(nextUser++, language);
  h.api.push(messageUpdate(from, text));
  await waitFor(() => h.api.photosTo(from.id).length > 0, `a photo for "${text}"`, 15_000);
  return { call: h.api.photosTo(from.id)[0]!, chat: from.id };
}
const pngOf = (call: FakeCall) => pngSize((call.body.photo as UploadedFile).data);

describe('charts on Telegram', () => {
  it('GIVEN /trend trade-total THEN a multipart sendPhoto carries an 800x450 PNG and an HTML caption with the numbers', async () => {
    const { call, chat } = await photoFor('/trend trade-total');
    expect((call.body.photo as UploadedFile).filename).toBe('chart.png');
    expect(pngOf(call)).toEqual({ width: 800, height: 450 });
    expect(call.body.parse_mode).toBe('HTML');
    const caption = plainOf(call.body.caption);
    expect(caption).toContain("Gansu's total foreign trade");
    expect(caption).toContain('2024 61.54');
    expect(caption).toContain('Q1 2025 19.47 (part of a year)');
    expect(h.api.sentTo(chat)).toHaveLength(0);
  });

  it('GIVEN a trend question in Chinese THEN the photo is captioned with the answer in Chinese', async () => {
    const { call } = await photoFor('甘肃外贸进出口总值的变化趋势', 'zh-hans');
    expect(pngOf(call)).toEqual({ width: 800, height: 450 });
    expect(plainOf(call.body.caption)).toContain('2024年615.4亿元');
  });

  it('GIVEN an answer whose figure has a series THEN 📈 sits beside 👍 👎 and pressing it sends that chart', async () => {
    const from = user(nextUser++);
    const reply = await h.ask(from, "What was Gansu's foreign trade in 2024?");
    const buttons = (reply.body.reply_markup?.inline_keyboard ?? []).flat();
    const chart = buttons.find((b) => b.text === MESSAGES.chartButton.en);
    expect(chart?.callback_data).toBe('g1c:trade-total:en');
    expect(reply.body.reply_markup!.inline_keyboard.at(-1)!.map((b) => b.text)).toEqual([MESSAGES.chartButton.en, '👍', '👎']);
    const message = { message_id: 9101, from: h.api.state.me, chat: { id: from.id, type: 'private' }, date: 0, text: 'x' };
    h.api.push(callbackUpdate(from, message, chart!.callback_data!));
    await waitFor(() => h.api.photosTo(from.id).length === 1, 'the chart photo', 15_000);
    const photo = h.api.photosTo(from.id)[0]!;
    expect(pngOf(photo)).toEqual({ width: 800, height: 450 });
    expect(plainOf(photo.body.caption)).toContain('2023 49.17');
  });

  it('GIVEN a 📈 press for a measure with no chart THEN the press is answered with a toast and nothing is sent', async () => {
    const from = user(nextUser++);
    const acks = h.api.ok('answerCallbackQuery').length;
    const message = { message_id: 9102, from: h.api.state.me, chat: { id: from.id, type: 'private' }, date: 0, text: 'x' };
    h.api.push(callbackUpdate(from, message, 'g1c:tcm-institutions-abroad:en'));
    await waitFor(() => h.api.ok('answerCallbackQuery').length === acks + 1, 'the callback answer');
    expect(String(h.api.ok('answerCallbackQuery').at(-1)!.body.text)).toContain('No chart for "tcm-institutions-abroad"');
    expect(h.api.photosTo(from.id)).toHaveLength(0);
  });
});
