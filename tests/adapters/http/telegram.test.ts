import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMetrics, type Metrics } from '../../../adapters/http/index.ts';
import { startService, type Service } from '../../../adapters/service.ts';
import { createAssistant, createLogger, loadConfig, type Assistant } from '../../../src/index.ts';
import { FakeBotApi } from '../../fakes/telegram/server.ts';
import { messageUpdate, user } from '../../fakes/telegram/updates.ts';
import { waitFor } from '../../fakes/telegram/wait.ts';
import { firstAnswer, freePort, get, sample } from '../../helpers/http.ts';

const logger = createLogger('silent', []);
let metrics: Metrics;
let assistant: Assistant;
let api: FakeBotApi;
let service: Service | null = null;
beforeAll(() => {
  // One core for the file (the knowledge loads once), reporting to each test's own metrics.
  assistant = createAssistant({ observer: { answered: (e) => metrics.observer.answered?.(e), recorded: (e) => metrics.observer.recorded?.(e) } });
});
beforeEach(() => {
  metrics = createMetrics();
});
afterEach(async () => {
  await service?.stop();
  await api?.close();
  service = null;
});

/** Starts the service as `npm start` would from these variables, against a fresh fake Bot API. */
async function start(env: Record<string, string>, retry = { baseDelayMs: 50 }): Promise<Service> {
  api = await FakeBotApi.start();
  const config = loadConfig({ env: { HTTP_PORT: '0', TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url, ...env }, envFile: null });
  service = await startService({ config, assistant, metrics, logger, tuning: { telegram: { retry } } });
  return service;
}
const portOf = (s: Service): number => s.http!.address.port;

async function ask(chatId: number, text: string): Promise<void> {
  const before = api.sentTo(chatId).length;
  api.push(messageUpdate(user(chatId), text));
  await waitFor(() => api.sentTo(chatId).length > before, `a reply to "${text}"`, 10_000);
}

describe('GIVEN the bot long polling with HTTP_PORT set', () => {
  it('WHEN /healthz and /readyz are asked THEN both are 200 and telegram is ready', async () => {
    const s = await start({});
    expect((await get(portOf(s), '/healthz')).status).toBe(200);
    const ready = await get(portOf(s), '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.json).toMatchObject({ ready: true, reason: null, platforms: { telegram: { ready: true, reason: null } } });
    expect((await get(portOf(s), '/nowhere')).status).toBe(404);
  });

  it('WHEN a scripted session runs (answers, a decline, a 429) THEN /metrics counted each', async () => {
    const s = await start({});
    await ask(601, 'how many overseas warehouses');
    await ask(602, '甘肃友好城市有多少？');
    await ask(603, 'what is the weather on mars');
    api.fail('sendMessage', { kind: 'status', status: 429, retryAfter: 0 });
    await ask(604, 'how many overseas warehouses');
    const text = (await get(portOf(s), '/metrics')).text;

    const tg = { platform: 'telegram' };
    expect(sample(text, 'gansu_questions_total', { ...tg, outcome: 'answered', language: 'en' })).toBe(2);
    expect(sample(text, 'gansu_questions_total', { ...tg, outcome: 'answered', language: 'zh' })).toBe(1);
    expect(sample(text, 'gansu_questions_total', { ...tg, outcome: 'declined', reason: 'off_topic', language: 'en' })).toBe(1);
    expect(sample(text, 'gansu_answer_duration_seconds_count', tg)).toBe(4);
    expect(sample(text, 'gansu_inbox_records_total', { ...tg, kind: 'declined' })).toBe(1);
    // Four replies, one of them tried twice; getMe and the command menus went through the same point.
    expect(sample(text, 'gansu_platform_api_calls_total', { ...tg, method: 'sendMessage' })).toBe(5);
    expect(sample(text, 'gansu_platform_api_calls_total', { ...tg, method: 'getMe' })).toBe(1);
    expect(sample(text, 'gansu_platform_api_rate_limited_total', { ...tg, method: 'sendMessage' })).toBe(1);
    expect(sample(text, 'gansu_platform_api_retries_total', { ...tg, method: 'sendMessage' })).toBe(1);
    expect(sample(text, 'gansu_send_queue_depth', tg)).toBe(0);
    expect(sample(text, 'gansu_pending_replies', tg)).toBe(0);
    expect(text).toContain('# TYPE gansu_answer_duration_seconds histogram');
    expect(text).not.toContain(api.token.split(':')[1]!);
  });
});

describe('GIVEN the bot long polling when the Bot API starts failing', () => {
  it('WHEN a getUpdates fails (429) THEN /readyz is 503 saying so, and 200 again once telegraf polls successfully', async () => {
    const s = await start({});
    // Once a long poll is held, it returns with the next update; the getUpdates after it fails, telegraf
    // waits 1 s (retry_after) and polls again.
    await waitFor(() => api.calls.some((c) => c.method === 'getUpdates'), 'a long poll', 10_000);
    api.fail('getUpdates', { kind: 'status', status: 429, retryAfter: 1 });
    await ask(605, 'how many overseas warehouses');
    const reports: Array<{ status: number; reason: unknown }> = [];
    for (let tries = 0; tries < 500 && !(reports.some((r) => r.status === 503) && reports.at(-1)?.status === 200); tries++) {
      const { status, json } = await get(portOf(s), '/readyz');
      reports.push({ status, reason: (json as { reason: unknown }).reason });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(reports.find((r) => r.status === 503)?.reason).toBe('telegram: getUpdates failing (HTTP 429); telegraf retries');
    expect(reports.at(-1)).toEqual({ status: 200, reason: null });
  });
});

describe('GIVEN the bot on a webhook with HTTP_PORT set', () => {
  it('WHEN /readyz is asked THEN it is 200 with telegram ready, the webhook registered', async () => {
    const webhookPort = String(await freePort());
    const s = await start({ TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/tg', TELEGRAM_WEBHOOK_SECRET: 'hook-secret', TELEGRAM_WEBHOOK_PORT: webhookPort });
    expect(api.state.webhook?.url).toBe('https://bot.example.com/tg');
    const ready = await get(portOf(s), '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.json).toMatchObject({ ready: true, platforms: { telegram: { ready: true } } });
    expect((await get(portOf(s), '/healthz')).status).toBe(200);
  });
});

describe('GIVEN Telegram not reachable yet at start-up (getMe fails three times)', () => {
  it('WHEN /readyz is asked while it connects THEN 503 says telegram is not connected, and 200 once it is', async () => {
    const port = await freePort();
    api = await FakeBotApi.start();
    api.fail('getMe', { kind: 'status', status: 502 }, 3);
    const config = loadConfig({ env: { HTTP_PORT: String(port), TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url }, envFile: null });
    // Backoff 400, 800, 1600 ms: the server answers long before the bot is connected.
    const starting = startService({ config, assistant, metrics, logger, tuning: { telegram: { retry: { baseDelayMs: 400 } } } });
    const early = await firstAnswer(port, '/readyz');
    expect(early?.status).toBe(503);
    expect(early!.json).toMatchObject({ ready: false, reason: 'telegram: not connected yet', platforms: { telegram: { ready: false } } });
    expect((await get(port, '/healthz')).status).toBe(200);
    service = await starting;
    expect((await get(port, '/readyz')).status).toBe(200);
  });
});
