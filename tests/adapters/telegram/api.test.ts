import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startTelegram } from '../../../adapters/telegram/index.ts';
import { createAssistant, memoryDelivery } from '../../../src/index.ts';
import { FakeBotApi } from '../../fakes/telegram/server.ts';

const assistant = createAssistant();
const opened: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((o) => o.close()));
});

/** Starts the adapter against `api` with quick retries. */
async function start(api: FakeBotApi) {
  const bot = await startTelegram({
    config: { token: api.token, apiRoot: api.url, webhook: null, rateLimit: { count: 10, windowMs: 60_000 } },
    assistant,
    logger: pino({ level: 'silent' }),
    maxQuestionLength: 500, delivery: memoryDelivery(),
    retry: { baseDelayMs: 20 },
  });
  opened.push({ close: () => bot.stop() });
  return bot;
}

describe('the Bot API choke point', () => {
  it('GIVEN getMe fails with 502 once THEN start retries it through the choke point and succeeds', async () => {
    const api = await FakeBotApi.start();
    opened.push(api);
    api.fail('getMe', { kind: 'status', status: 502 }, 1);
    const bot = await start(api);
    expect(bot.username).toBe(api.state.me.username);
    expect(api.calls.filter((c) => c.method === 'getMe').map((c) => c.status)).toEqual([502, 200]);
  });

  it('GIVEN setMyCommands is rate limited with retry_after THEN it waits and registers both menus', async () => {
    const api = await FakeBotApi.start();
    opened.push(api);
    api.fail('setMyCommands', { kind: 'status', status: 429, retryAfter: 1 }, 1);
    await start(api);
    const calls = api.calls.filter((c) => c.method === 'setMyCommands');
    expect(calls.map((c) => c.status).sort()).toEqual([200, 200, 429]);
    expect([...api.state.commands.keys()].sort()).toEqual(['', 'zh']);
  });
});
