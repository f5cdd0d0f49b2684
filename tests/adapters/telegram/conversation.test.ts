import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAssistant, MESSAGES, openStore, type Store } from '../../../src/index.ts';
import { startHarness } from '../../fakes/telegram/harness.ts';
import { plainOf } from '../../fakes/telegram/html.ts';
import { callbackUpdate, group, messageUpdate, user } from '../../fakes/telegram/updates.ts';
import { waitFor } from '../../fakes/telegram/wait.ts';

const root = mkdtempSync(path.join(tmpdir(), 'gansu-tg-conv-'));
const stores: Store[] = [];
afterAll(() => {
  for (const s of stores) s.close();
  rmSync(root, { recursive: true, force: true });
});
const storeIn = (name: string) => {
  const store = openStore({ dataDir: path.join(root, name), retentionDays: 90 });
  stores.push(store);
  return store;
};
const knowledge = createAssistant().knowledge;
const FIRST = '2021年兰州新区国际班列到发多少列？';
const FOLLOW = '2022年前十个月的情况呢？';
type Button = { text: string; callback_data?: string };
const buttonsOf = (call: { body: { reply_markup?: { inline_keyboard: Button[][] } } }): Button[] => call.body.reply_markup?.inline_keyboard.flat() ?? [];

describe('telegram: conversations', () => {
  it('GIVEN a question and then a follow-up in a private chat THEN the follow-up is answered in context', async () => {
    const h = await startHarness(createAssistant({ knowledge }));
    try {
      const u = user(801);
      expect(plainOf((await h.ask(u, FIRST)).body.text)).toContain('125');
      expect(plainOf((await h.ask(u, FOLLOW)).body.text)).toContain('190');
    } finally {
      await h.close();
    }
  });

  it('GIVEN two users in one group THEN each keeps a context of their own', async () => {
    const h = await startHarness(createAssistant({ knowledge }));
    try {
      const chat = group(880);
      const [alice, bob] = [user(802), user(803)];
      await h.ask(alice, `@gansu_test_bot ${FIRST}`, chat);
      const bobs = plainOf((await h.ask(bob, `@gansu_test_bot ${FOLLOW}`, chat)).body.text);
      expect(bobs).not.toContain('190');
      expect(plainOf((await h.ask(alice, `@gansu_test_bot ${FOLLOW}`, chat)).body.text)).toContain('190');
    } finally {
      await h.close();
    }
  });

  it('GIVEN a context idle past CONVERSATION_TTL_SECONDS THEN the follow-up no longer resolves', async () => {
    const h = await startHarness(createAssistant({ knowledge, conversationTtlSeconds: 1 }));
    try {
      const u = user(804);
      await h.ask(u, FIRST);
      await new Promise((r) => setTimeout(r, 1100));
      expect(plainOf((await h.ask(u, FOLLOW)).body.text)).not.toContain('190');
    } finally {
      await h.close();
    }
  });

  it('GIVEN 👎 and a reply to the bot\u2019s question THEN the callback is answered quietly and the reason lands in the inbox', async () => {
    const store = storeIn('thumbs');
    const h = await startHarness(createAssistant({ knowledge, store }));
    try {
      const u = user(805);
      const reply = await h.ask(u, 'how many overseas warehouses');
      const down = buttonsOf(reply).find((b) => b.text === '👎')!;
      expect(buttonsOf(reply).map((b) => b.text)).toContain('👍');
      const acks = h.api.ok('answerCallbackQuery').length;
      const message = { message_id: 9001, from: h.api.state.me, chat: { id: u.id, type: 'private' }, date: 0, text: 'x' };
      h.api.push(callbackUpdate(u, message, down.callback_data!));
      await waitFor(() => h.api.sentTo(u.id).length === 2, 'the "what was wrong?" question');
      await waitFor(() => h.api.ok('answerCallbackQuery').length === acks + 1, 'the quiet callback answer');
      expect(h.api.ok('answerCallbackQuery').at(-1)!.body.text).toBe(MESSAGES.feedbackNoted.en);
      const prompt = h.api.sentTo(u.id)[1]!;
      expect(prompt.body.reply_markup).toMatchObject({ force_reply: true });
      // A second press asks nothing more in the chat.
      h.api.push(callbackUpdate(u, message, down.callback_data!));
      await waitFor(() => h.api.ok('answerCallbackQuery').length === acks + 2, 'the second callback answer');
      const promptMessage = { message_id: 9002, from: h.api.state.me, chat: { id: u.id, type: 'private' }, date: 0, text: plainOf(prompt.body.text) };
      const thanks = await h.ask(u, 'It shows last year\u2019s count', undefined, promptMessage);
      expect(plainOf(thanks.body.text)).toBe(MESSAGES.feedbackThanks.en);
      expect(h.api.sentTo(u.id)).toHaveLength(3);
      const downs = store.inbox().filter((r) => r.kind === 'thumbs_down');
      expect(downs.at(-1)).toMatchObject({ question: 'how many overseas warehouses', feedback: 'It shows last year\u2019s count', platform: 'telegram' });
    } finally {
      await h.close();
    }
  });

  it('GIVEN buttons from before a restart THEN the follow-up asks the same question and the 👎 still knows its answer', async () => {
    const store = storeIn('restart');
    const u = user(806);
    const first = await startHarness(createAssistant({ knowledge, store }));
    let buttons: Button[];
    try {
      buttons = buttonsOf(await first.ask(u, 'how many overseas warehouses'));
    } finally {
      await first.close();
    }
    const second = await startHarness(createAssistant({ knowledge, store }));
    try {
      const message = { message_id: 1, from: second.api.state.me, chat: { id: u.id, type: 'private' }, date: 0, text: 'x' };
      second.api.push(callbackUpdate(u, message, buttons[0]!.callback_data!));
      await waitFor(() => second.api.sentTo(u.id).length === 1, 'the follow-up answer after the restart');
      expect(plainOf(second.api.sentTo(u.id)[0]!.body.text)).toContain((await createAssistant({ knowledge }).ask(buttons[0]!.text)).text.slice(0, 40));
      second.api.push(callbackUpdate(u, message, buttons.find((b) => b.text === '👎')!.callback_data!));
      await waitFor(() => store.inbox().some((r) => r.kind === 'thumbs_down'), 'the 👎 recorded');
      expect(store.inbox().find((r) => r.kind === 'thumbs_down')!.question).toBe('how many overseas warehouses');
    } finally {
      await second.close();
    }
  });

  it('GIVEN a message in a group not addressed to the bot THEN nothing is recorded', async () => {
    const store = storeIn('group-silence');
    const h = await startHarness(createAssistant({ knowledge, store }));
    try {
      const chat = group(881);
      h.api.push(messageUpdate(user(807), 'How many pandas live in Gansu zoos?', chat));
      await h.ask(user(807), '@gansu_test_bot How many pandas live in Gansu zoos?', chat);
      expect(store.inbox()).toHaveLength(1);
      expect(store.inbox()[0]).toMatchObject({ chat: 'group', kind: 'declined' });
    } finally {
      await h.close();
    }
  });
});
