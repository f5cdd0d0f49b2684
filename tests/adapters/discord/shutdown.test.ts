import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { startDiscord } from '../../../adapters/discord/index.ts';
import { PlatformStartError } from '../../../src/index.ts';
import { assistant, payloads, startHarness, waitFor, type Harness } from '../../fakes/discord/harness.ts';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/server.ts';

const started: Array<Harness | FakeDiscord> = [];
afterAll(async () => {
  for (const s of started) await ('bot' in s ? s.stop() : s.close());
});

describe('GIVEN a running bot', () => {
  it('WHEN stop() is called twice THEN both resolve, the socket closes with 1000 and nothing reconnects', async () => {
    const h = await startHarness();
    started.push(h);
    await h.bot.stop();
    await h.bot.stop();
    await waitFor('the socket to close', () => h.fake.gateway.openSockets === 0);
    expect(h.fake.gateway.closeCodes).toEqual([1000]);
    expect(h.fake.gateway.connections).toBe(1);
  });

  it('WHEN stop() comes during an op 7 reconnect THEN no socket is left behind', async () => {
    const h = await startHarness();
    started.push(h);
    h.fake.gateway.requestReconnect();
    await waitFor('the old socket to close', () => h.fake.gateway.closeCodes.includes(4200));
    await h.bot.stop();
    // @discordjs/ws reconnects 500 ms after closing; give a stray reconnect time to show up.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(h.fake.gateway.openSockets).toBe(0);
    expect(h.fake.gateway.closeCodes.at(-1)).toBe(1000);
  });

  it('WHEN a message is being answered as stop() is called THEN the reply is still sent', async () => {
    const h = await startHarness();
    started.push(h);
    h.fake.rest.rateLimitNext('POST', /^\/channels\/\d+\/messages$/, 1, 0.3);
    const msg = payloads.messageCreate(h.user(), h.dmPlace(), 'how many overseas warehouses');
    const reply = h.message(msg);
    await waitFor('the rate-limited first attempt', () => h.fake.rest.requests.some((r) => r.status === 429));
    await h.bot.stop();
    expect(JSON.stringify(await reply)).toContain('58');
  });
});

describe('GIVEN a gateway that never says HELLO', () => {
  it('WHEN the bot starts THEN it gives up after the ready timeout with a clear error, in bounded time', async () => {
    const fake = await startFakeDiscord();
    started.push(fake);
    fake.gateway.sendHello = false;
    const began = Date.now();
    const error = await startDiscord({
      config: { token: fake.token, applicationId: fake.applicationId, restApi: fake.restApi, guildId: null, cooldownMs: 0 },
      assistant: assistant(),
      logger: pino({ level: 'silent' }),
      maxQuestionLength: 500,
      tuning: { readyTimeoutMs: 800 },
    }).then(() => null, (e: unknown) => e as Error);
    expect(error).toBeInstanceOf(PlatformStartError);
    expect(error?.message).toMatch(/^discord: could not start against .*: no READY within 800 ms$/);
    // 800 ms, plus at most 2 s for discord.js's destroy(), which hangs while a shard waits for HELLO.
    expect(Date.now() - began).toBeLessThan(4000);
  });
});

describe('GIVEN a wrong token', () => {
  it('WHEN the bot starts THEN it rejects with a clear message that does not contain the token', async () => {
    const fake = await startFakeDiscord();
    started.push(fake);
    const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Wrong1.wrong-token-abcdefghijklmnopqrstuvwx';
    const start = startDiscord({
      config: { token, applicationId: fake.applicationId, restApi: fake.restApi, guildId: null, cooldownMs: 0 },
      assistant: assistant(),
      logger: pino({ level: 'silent' }),
      maxQuestionLength: 500,
      tuning: { rest: { retries: 0 } },
    });
    const error = await start.then(() => null, (e: unknown) => e as Error);
    expect((error as PlatformStartError).data).toMatchObject({ platform: 'discord', target: fake.restApi });
    expect(error?.message).toMatch(/^discord: could not start against http:\/\/127\.0\.0\.1:\d+\/api: /);
    expect(error?.message).not.toContain(token);
    expect(error?.message).not.toContain('Wrong1');
    expect(fake.gateway.connections).toBe(0);
  });
});
