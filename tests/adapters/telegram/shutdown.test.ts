import { describe, expect, it } from 'vitest';
import { createAssistant, memoryDelivery } from '../../../src/index.ts';
import { startHarness } from '../../fakes/telegram/harness.ts';
import { messageUpdate, user } from '../../fakes/telegram/updates.ts';
import { sleep, waitFor } from '../../fakes/telegram/wait.ts';

const assistant = createAssistant();

describe('shutdown', () => {
  it('GIVEN stop() while a reply waits out a 429 THEN the reply is sent, stop() resolves, and polling ends', async () => {
    const h = await startHarness(assistant);
    const u = user(901);
    h.api.fail('sendMessage', { kind: 'status', status: 429, retryAfter: 1 });
    h.api.push(messageUpdate(u, 'how many overseas warehouses'));
    await waitFor(() => h.api.calls.some((c) => c.method === 'sendMessage' && c.status === 429), 'the throttled send');
    await h.bot.stop();
    expect(h.api.sentTo(u.id)).toHaveLength(1);
    const polls = h.api.calls.filter((c) => c.method === 'getUpdates').length;
    h.api.push(messageUpdate(u, 'are you there?'));
    await sleep(300);
    expect(h.api.calls.filter((c) => c.method === 'getUpdates')).toHaveLength(polls);
    expect(h.api.sentTo(u.id)).toHaveLength(1);
    await h.close(); // stop() again: idempotent
  });

  it('GIVEN stop() right after start THEN it resolves promptly and no poll is left open', async () => {
    const h = await startHarness(assistant);
    const started = Date.now();
    await h.bot.stop();
    expect(Date.now() - started).toBeLessThan(2000);
    // The aborted long poll's socket closes a moment later on the fake's side.
    await waitFor(() => h.api.state.waiter === null, 'the long poll to be closed', 2000);
    const polls = h.api.calls.filter((c) => c.method === 'getUpdates').length;
    await sleep(200);
    expect(h.api.calls.filter((c) => c.method === 'getUpdates')).toHaveLength(polls);
    await h.close();
  });

  it('GIVEN a wrong token THEN start rejects without showing the token', async () => {
    const { FakeBotApi } = await import('../../fakes/telegram/server.ts');
    const { startTelegram } = await import('../../../adapters/telegram/index.ts');
    const { pino } = await import('pino');
    const api = await FakeBotApi.start();
    const token = '987654321:WrongTokenWrongTokenWrongToken_xx';
    const start = startTelegram({
      config: { token, apiRoot: api.url, webhook: null, rateLimit: { count: 10, windowMs: 60_000 } },
      assistant, logger: pino({ level: 'silent' }), maxQuestionLength: 500, delivery: memoryDelivery(),
    });
    await expect(start).rejects.toThrow(/^telegram: could not start against .*: getMe failed: 401: Unauthorized/);
    await start.catch((e: Error) => expect(e.message).not.toContain('WrongToken'));
    await api.close();
  });
});
