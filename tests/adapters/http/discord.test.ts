import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics } from '../../../adapters/http/index.ts';
import { startService, type Service } from '../../../adapters/service.ts';
import { createAssistant, createLogger, loadConfig, PlatformStartError, type Assistant } from '../../../src/index.ts';
import { payloads, trafficProblems, waitFor } from '../../fakes/discord/harness.ts';
import type { Json } from '../../fakes/discord/payloads.ts';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/server.ts';
import { firstAnswer, freePort, get, sample } from '../../helpers/http.ts';

const metrics = createMetrics();
const logger = createLogger('silent', []);
let assistant: Assistant;
let fake: FakeDiscord;
let service: Service;
const configFor = (f: FakeDiscord, port = 0) =>
  loadConfig({ env: { HTTP_PORT: String(port), DISCORD_TOKEN: f.token, DISCORD_APPLICATION_ID: f.applicationId, DISCORD_REST_API: f.restApi, DISCORD_COOLDOWN_SECONDS: '0' }, envFile: null });
beforeAll(async () => {
  fake = await startFakeDiscord();
  assistant = createAssistant({ observer: metrics.observer });
  service = await startService({ config: configFor(fake), assistant, metrics, logger, tuning: { discord: { rest: { timeout: 5000, retries: 1 } } } });
});
afterAll(async () => {
  await service?.stop();
  await fake?.close();
});
const port = (): number => service.http!.address.port;

/** A guild message mentioning the bot, and the bot's reply to it. */
async function mention(text: string): Promise<Json> {
  const guild = fake.guilds[0]!;
  const msg = payloads.messageCreate({ id: payloads.snowflake(), username: 'asker' }, { guild, channelId: guild.channelIds[0]! }, `<@${fake.botUser.id}> ${text}`, [fake.botUser]);
  fake.gateway.dispatch('MESSAGE_CREATE', msg);
  const reply = await waitFor(`reply to ${text}`, () => fake.rest.outgoing.find((o) => o.kind === 'channel' && (o.body.message_reference as Json | undefined)?.message_id === msg.id), 10_000);
  return reply.body;
}

describe('GIVEN the Discord bot with HTTP_PORT set', () => {
  it('WHEN /readyz is asked THEN it is 200 with the one shard ready and its guild', async () => {
    expect((await get(port(), '/healthz')).status).toBe(200);
    const ready = await get(port(), '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.json).toMatchObject({ ready: true, reason: null, platforms: { discord: { ready: true, reason: null, shards: [{ id: 0, ready: true, guilds: 1 }] } } });
  });

  it('WHEN mentions are answered, one of them after a 429 THEN /metrics counted the questions, the calls and the 429', async () => {
    await mention('how many overseas warehouses');
    fake.rest.rateLimitNext('POST', /^\/channels\/\d+\/messages$/, 1, 0.1);
    await mention('甘肃的海外仓有几个？');
    const text = (await get(port(), '/metrics')).text;
    const dc = { platform: 'discord' };
    expect(sample(text, 'gansu_questions_total', { ...dc, outcome: 'answered', language: 'en' })).toBe(1);
    expect(sample(text, 'gansu_questions_total', { ...dc, outcome: 'answered', language: 'zh' })).toBe(1);
    expect(sample(text, 'gansu_platform_api_rate_limited_total', { ...dc, method: 'POST' })).toBe(1);
    expect(sample(text, 'gansu_platform_api_retries_total', { ...dc, method: 'POST' })).toBe(1);
    // Two replies, one of them twice; the command check at start was a GET.
    expect(sample(text, 'gansu_platform_api_calls_total', { ...dc, method: 'POST' })).toBe(3);
    expect(sample(text, 'gansu_platform_api_calls_total', { ...dc, method: 'GET' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'gansu_pending_replies', dc)).toBe(0);
    expect(text).not.toContain(fake.token);
    expect(trafficProblems(fake)).toEqual([]);
  });
});

describe('GIVEN a Discord gateway that accepts the connection but never says HELLO', () => {
  it('WHEN /readyz is asked while the bot waits THEN 503 says discord is not connected; the failed start closes the server', async () => {
    const silent = await startFakeDiscord();
    silent.gateway.sendHello = false;
    const port = await freePort();
    const starting = startService({ config: configFor(silent, port), assistant, metrics: createMetrics(), logger, tuning: { discord: { rest: { timeout: 5000, retries: 1 }, readyTimeoutMs: 3000 } } });
    const failed = starting.then(() => null, (error: unknown) => error);
    try {
      const early = await firstAnswer(port, '/readyz');
      expect(early?.status).toBe(503);
      expect(early?.json).toMatchObject({ ready: false, reason: 'discord: not connected yet' });
      expect(await failed).toBeInstanceOf(PlatformStartError);
      await expect(get(port, '/healthz')).rejects.toThrow();
    } finally {
      await failed;
      await silent.close();
    }
  });
});
