import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant, MESSAGES } from '../../../src/index.ts';
import { startHarness, type Harness } from '../../fakes/telegram/harness.ts';
import { plainOf } from '../../fakes/telegram/html.ts';
import { callbackUpdate, user } from '../../fakes/telegram/updates.ts';
import { waitFor } from '../../fakes/telegram/wait.ts';

const assistant = createAssistant();
let h: Harness;
beforeAll(async () => void (h = await startHarness(assistant)));
afterAll(() => h.close());

const plain = plainOf;

describe('private chats', () => {
  it('GIVEN an English question THEN one HTML reply states 58 with its source and follow-up buttons', async () => {
    const reply = await h.ask(user(101), 'how many overseas warehouses');
    expect(reply.body.parse_mode).toBe('HTML');
    expect(plain(reply.body.text)).toContain('58');
    expect(reply.body.text).toContain('<b>58 warehouses</b>');
    expect(reply.body.text).toContain('<blockquote expandable>');
    const buttons = reply.body.reply_markup!.inline_keyboard.flat();
    expect(buttons.length).toBeGreaterThan(0);
    for (const b of buttons) expect(Buffer.byteLength(b.callback_data ?? '')).toBeLessThanOrEqual(64);
  });

  it('GIVEN a Chinese question THEN the reply is Chinese and states 58', async () => {
    const reply = await h.ask(user(102, 'en'), '甘肃的海外仓有几个？');
    const text = plain(reply.body.text);
    expect(text).toContain('58');
    expect(text).toMatch(/海外仓/);
  });

  it('GIVEN an off-topic question THEN the decline offers example questions as buttons', async () => {
    const reply = await h.ask(user(103), 'What time is it in Beijing?');
    expect(plain(reply.body.text)).not.toContain('58 warehouses');
    const expected = await assistant.ask('What time is it in Beijing?');
    expect(expected.answered).toBe(false);
    const labels = reply.body.reply_markup!.inline_keyboard.flat().map((b: { text: string }) => b.text);
    // The follow-ups, then 👍 / 👎 in a row of their own.
    expect(labels.slice(0, -2)).toHaveLength(Math.min(4, expected.followUps.length));
    expect(labels.slice(-2)).toEqual(['👍', '👎']);
  });

  it('GIVEN a question over the length limit THEN a short too-long reply comes back', async () => {
    const reply = await h.ask(user(104), 'warehouses '.repeat(60));
    expect(plain(reply.body.text)).toBe((await assistant.ask('warehouses '.repeat(60))).text);
    expect((await assistant.ask('warehouses '.repeat(60))).reason).toBe('too_long');
  });

  it('GIVEN a follow-up button press THEN the callback is answered and the follow-up answered in the chat', async () => {
    const u = user(105);
    const first = await h.ask(u, 'how many overseas warehouses');
    const button = first.body.reply_markup!.inline_keyboard[0]![0]!;
    const sentMessage = { message_id: 1, from: h.api.state.me, chat: { id: u.id, type: 'private' }, date: 0, text: 'x' };
    const acks = h.api.ok('answerCallbackQuery').length;
    h.api.push(callbackUpdate(u, sentMessage, button.callback_data!));
    await waitFor(() => h.api.sentTo(u.id).length === 2, 'the follow-up answer');
    await waitFor(() => h.api.ok('answerCallbackQuery').length === acks + 1, 'the callback answer');
    const question = (await assistant.ask('how many overseas warehouses')).followUps[0]!;
    expect(button.text).toBe(question);
    expect(plain(h.api.sentTo(u.id)[1]!.body.text)).toContain((await assistant.ask(question)).text);
  });

  it('GIVEN a button press with unknown data THEN the callback is answered and nothing is sent', async () => {
    const u = user(106);
    const acks = h.api.ok('answerCallbackQuery').length;
    h.api.push(callbackUpdate(u, { message_id: 1, chat: { id: u.id, type: 'private' }, date: 0 }, 'nonsense'));
    await waitFor(() => h.api.ok('answerCallbackQuery').length === acks + 1, 'the callback answer');
    expect(h.api.sentTo(u.id)).toHaveLength(0);
  });

  it('GIVEN a button whose question no longer resolves THEN the callback answer says it expired, politely, and nothing is sent', async () => {
    const u = user(107, 'zh');
    const acks = h.api.ok('answerCallbackQuery').length;
    h.api.push(callbackUpdate(u, { message_id: 1, chat: { id: u.id, type: 'private' }, date: 0 }, 'g1h:unknownkey1234'));
    await waitFor(() => h.api.ok('answerCallbackQuery').length === acks + 1, 'the callback answer');
    expect(h.api.ok('answerCallbackQuery').at(-1)!.body.text).toBe(MESSAGES.buttonExpired.zh);
    expect(h.api.sentTo(u.id)).toHaveLength(0);
  });
});

describe('question length', () => {
  it('GIVEN 300 emoji (600 UTF-16 units, under the 500-character limit) THEN the handler does not call it over the limit', async () => {
    await h.ask(user(120), `warehouses ${'🚂'.repeat(300)}`);
    expect(h.logs.filter((line) => line.includes('over maxQuestionLength'))).toEqual([]);
  });
});
