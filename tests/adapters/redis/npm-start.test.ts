import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/index.ts';
import { FakeBotApi } from '../../fakes/telegram/server.ts';
import { messageUpdate, user } from '../../fakes/telegram/updates.ts';
import { waitFor } from '../../fakes/telegram/wait.ts';
import { freePort, startRedis, type RedisServer } from '../../helpers/redis.ts';

// The wiring in adapters/start.ts: `REDIS_URL=… npm start` in webhook mode keeps its state in Redis.
let redis: RedisServer;
let api: FakeBotApi;
let bot: ChildProcess;
let output = '';
beforeAll(async () => {
  redis = await startRedis();
  api = await FakeBotApi.start();
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.url,
    TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/hook',
    TELEGRAM_WEBHOOK_SECRET: 'npm_start_secret',
    TELEGRAM_WEBHOOK_PORT: String(port),
    REDIS_URL: redis.url,
    DISCORD_TOKEN: '',
    LOG_LEVEL: 'info',
    DATA_DIR: path.join(tmpdir(), `gansu-npm-start-redis-${process.pid}`),
  };
  bot = spawn(path.join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['adapters/start.ts'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  bot.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  bot.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await waitFor(() => output.includes('gansu-bot started'), 'the bot to start', 30_000);
  api.deliverTo = `http://127.0.0.1:${port}`;
}, 60_000);
afterAll(async () => {
  if (bot?.exitCode === null) bot.kill('SIGKILL');
  await api?.close();
  await redis?.close();
});

describe('GIVEN `npm start` with REDIS_URL and a Telegram webhook', () => {
  it('WHEN a question arrives THEN it is answered, and its limit, claim and conversation are keys in Redis', async () => {
    api.push(messageUpdate(user(901), 'how many overseas warehouses'));
    await waitFor(() => api.sentTo(901).length === 1, 'the answer', 15_000);
    const raw = new Redis(redis.url);
    const keys = (await raw.keys('gansu:*')).map((k) => k.replace(/\d+/g, 'N')).sort();
    raw.disconnect();
    expect(keys).toEqual(['gansu:claim:telegram:N:N', 'gansu:conversation:telegram:N:N', 'gansu:limit:telegram:N']);
  });

  it('WHEN it gets SIGTERM THEN it closes Redis with the rest and exits 0', async () => {
    const exited = once(bot, 'exit');
    bot.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    expect(output).not.toContain('redis unavailable');
  });
});
