import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant, PROJECT_ROOT } from '../../../src/index.ts';
import { plainOf } from '../../fakes/telegram/html.ts';
import { FakeBotApi } from '../../fakes/telegram/server.ts';
import { group, messageUpdate, user } from '../../fakes/telegram/updates.ts';
import { waitFor } from '../../fakes/telegram/wait.ts';

// The acceptance path: `TELEGRAM_BOT_TOKEN=… TELEGRAM_API_ROOT=http://127.0.0.1:PORT npm start`.
let api: FakeBotApi;
let bot: ChildProcess;
let output = '';
beforeAll(async () => {
  api = await FakeBotApi.start();
  const env = { PATH: process.env.PATH, TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url, DISCORD_TOKEN: '', LOG_LEVEL: 'info', DATA_DIR: path.join(tmpdir(), `gansu-npm-start-${process.pid}`) };
  bot = spawn(path.join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['adapters/start.ts'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  bot.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  bot.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await waitFor(() => output.includes('gansu-bot started'), 'the bot to start', 15_000);
});
afterAll(async () => {
  if (bot.exitCode === null) bot.kill('SIGKILL');
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
    bot.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => (bot.exitCode !== null ? resolve(bot.exitCode) : bot.once('exit', resolve)));
    expect(code).toBe(0);
    expect(output).toContain('telegram stopped');
    expect(output).not.toContain(api.token);
    expect(output).not.toContain(api.token.split(':')[1]!);
  });
});
