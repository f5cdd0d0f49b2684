import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../../src/index.ts';
import { plainOf } from '../../fakes/telegram/html.ts';
import { startBotProcess, type BotProcess } from '../../fakes/telegram/process.ts';
import { FakeBotApi } from '../../fakes/telegram/server.ts';
import { group, messageUpdate, user } from '../../fakes/telegram/updates.ts';
import { waitFor } from '../../fakes/telegram/wait.ts';

// The acceptance path: `TELEGRAM_BOT_TOKEN=… TELEGRAM_API_ROOT=http://127.0.0.1:PORT npm start`.
let api: FakeBotApi;
let bot: BotProcess;
beforeAll(async () => {
  api = await FakeBotApi.start();
  bot = await startBotProcess({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url, DATA_DIR: path.join(tmpdir(), `gansu-npm-start-${process.pid}`) });
});
afterAll(async () => {
  await bot?.stop('SIGKILL');
  await api?.close();
});

/** Pushes an update and waits for the one reply to `chatId`, timing it. */
async function replyTo(chatId: number, update: Record<string, unknown>): Promise<{ text: string; ms: number }> {
  const before = api.sentTo(chatId).length;
  const sent = Date.now();
  api.push(update);
  await waitFor(() => api.sentTo(chatId).length > before, 'a reply', 5000);
  return { text: plainOf(api.sentTo(chatId)[before]!.body.text), ms: Date.now() - sent };
}

describe('GIVEN `npm start` with TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT pointing at the fake', () => {
  it('WHEN a private question arrives THEN it is answered correctly within a second', async () => {
    const { text, ms } = await replyTo(501, messageUpdate(user(501), 'how many overseas warehouses'));
    expect(text).toContain('58');
    expect(ms).toBeLessThan(1000);
  });

  it('WHEN /stats arrives THEN the figures come back within a second', async () => {
    const { text, ms } = await replyTo(502, messageUpdate(user(502), '/stats'));
    expect(text).toContain('58 warehouses');
    const stats = createAssistant().stats(null, 'en');
    const medicine = stats.ok ? stats.items.find((i) => i.topic === 'medicine') : undefined;
    expect(text).toContain(medicine!.display);
    expect(ms).toBeLessThan(1000);
  });

  it('WHEN the bot is mentioned in a group THEN it answers within a second', async () => {
    const chat = group(-503);
    const { text, ms } = await replyTo(-503, messageUpdate(user(504), '@gansu_test_bot 甘肃友好城市有多少？', chat));
    expect(text).toContain('69');
    expect(ms).toBeLessThan(1000);
  });

  it('WHEN it gets SIGTERM THEN it stops polling, exits 0 and never logged the token', async () => {
    expect(await bot.stop('SIGTERM')).toBe(0);
    expect(bot.output).toContain('telegram stopped');
    expect(bot.output).not.toContain(api.token);
    expect(bot.output).not.toContain(api.token.split(':')[1]!);
  });
});
