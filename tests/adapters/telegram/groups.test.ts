import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../../src/index.ts';
import { startHarness, type Harness } from '../../fakes/telegram/harness.ts';
import { plainOf } from '../../fakes/telegram/html.ts';
import { group, messageUpdate, user } from '../../fakes/telegram/updates.ts';

const assistant = createAssistant();
let h: Harness;
beforeAll(async () => void (h = await startHarness(assistant)));
afterAll(() => h.close());

const plain = plainOf;
let nextGroup = 500;
const alice = user(301);

/** Pushes `silent` messages, then a message the bot must answer; the only reply must answer that one. */
async function expectOnlyReplyTo(silent: Array<Record<string, unknown>>, addressed: string): Promise<ReturnType<typeof plain>> {
  const chat = group(nextGroup++);
  for (const update of silent) h.api.push({ message: { ...(update.message as object), chat } });
  const reply = await h.ask(alice, addressed, chat);
  expect(h.api.sentTo(chat.id)).toHaveLength(1);
  return plain(reply.body.text);
}

describe('groups', () => {
  it('GIVEN ordinary chatter, other bots\' commands and bots THEN the bot stays silent', async () => {
    const bot = { ...user(999), is_bot: true };
    const text = await expectOnlyReplyTo(
      [
        messageUpdate(alice, 'how many overseas warehouses'),
        messageUpdate(alice, '/stats@other_bot'),
        messageUpdate(alice, '/frobnicate'),
        messageUpdate(bot as never, '@gansu_test_bot how many overseas warehouses'),
      ],
      '/warehouses',
    );
    expect(text).toContain('58');
  });

  it('GIVEN a mention THEN the question without the mention is answered, as a reply to it', async () => {
    const chat = group(nextGroup++);
    const reply = await h.ask(alice, '@gansu_test_bot how many overseas warehouses', chat);
    expect(plain(reply.body.text)).toContain('58');
    expect(reply.body.reply_parameters!.message_id).toBeTypeOf('number');
  });

  it('GIVEN a mention inside a Chinese question THEN the answer is Chinese', async () => {
    const reply = await h.ask(alice, '请问 @gansu_test_bot 甘肃的海外仓有几个？', group(nextGroup++));
    expect(plain(reply.body.text)).toMatch(/58个/);
  });

  it('GIVEN a reply to the bot\'s message THEN it is answered; a reply to someone else is not', async () => {
    const chat = group(nextGroup++);
    const fromBot = { message_id: 77, from: h.api.state.me, chat, date: 0, text: 'earlier answer' };
    const fromBob = { message_id: 78, from: user(302), chat, date: 0, text: 'hi' };
    h.api.push(messageUpdate(alice, 'how many overseas warehouses', chat, fromBob));
    const reply = await h.ask(alice, 'how many overseas warehouses', chat, fromBot);
    expect(plain(reply.body.text)).toContain('58');
    expect(h.api.sentTo(chat.id)).toHaveLength(1);
  });

  it('GIVEN /cmd@botname THEN the command runs', async () => {
    const reply = await h.ask(alice, '/stats@gansu_test_bot warehouses', group(nextGroup++));
    expect(plain(reply.body.text)).toContain('58 warehouses');
  });

  it('GIVEN an anonymous admin mention THEN it is answered', async () => {
    const chat = group(nextGroup++);
    const anonymous = { ...user(1087968824), is_bot: true, first_name: 'Group' };
    h.api.push({ message: { ...(messageUpdate(anonymous as never, '@gansu_test_bot how many overseas warehouses', chat).message as object), sender_chat: chat } });
    const { waitFor } = await import('../../fakes/telegram/wait.ts');
    await waitFor(() => h.api.sentTo(chat.id).length === 1, 'the answer to the anonymous admin');
  });
});
