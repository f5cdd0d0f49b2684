import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { startTelegram, type StartTelegramOptions, type TelegramHandle } from '../../../adapters/telegram/index.ts';
import { openDelivery, type Assistant, type TelegramConfig } from '../../../src/index.ts';
import { FakeBotApi, type FakeCall } from './server.ts';
import { messageUpdate, type FakeChat, type FakeUser } from './updates.ts';
import { waitFor } from './wait.ts';

/** A fake Bot API with the real adapter running against it, and the adapter's log lines. */
export interface Harness {
  api: FakeBotApi;
  bot: TelegramHandle;
  /** Every log line the adapter wrote, raw JSON. */
  logs: string[];
  /** Sends `text` from `from` and waits for the next reply in that chat. */
  ask(from: FakeUser, text: string, chat?: FakeChat, replyTo?: Record<string, unknown>): Promise<FakeCall>;
  /** Waits until the bot has taken update `updateId` (long polling confirmed it by asking past it). */
  processed(updateId: number): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  rateLimit?: TelegramConfig['rateLimit'];
  /** Webhook mode: the public URL is `https://bot.example.com<path>`; the bot listens on 127.0.0.1, port 0. */
  webhook?: { path: string; secret: string };
  pacing?: StartTelegramOptions['pacing'];
  retry?: StartTelegramOptions['retry'];
  onFatal?: StartTelegramOptions['onFatal'];
  claims?: StartTelegramOptions['claims'];
}

/** Starts a fake and the adapter (long polling unless `webhook`); `close()` stops both. */
export async function startHarness(assistant: Assistant, options: HarnessOptions = {}): Promise<Harness> {
  const api = await FakeBotApi.start();
  // A real database for the outbox and claims, in a folder of its own.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gansu-tg-'));
  const delivery = openDelivery({ dataDir });
  const logs: string[] = [];
  const logger = pino({ level: 'debug' }, new Writable({ write: (chunk, _enc, done) => void (logs.push(String(chunk)), done()) }));
  const webhook = options.webhook
    ? { url: `https://bot.example.com${options.webhook.path}`, secret: options.webhook.secret, host: '127.0.0.1', port: 0 }
    : null;
  const config: TelegramConfig = { token: api.token, apiRoot: api.url, webhook, rateLimit: options.rateLimit ?? { count: 100, windowMs: 60_000 } };
  const bot = await startTelegram({
    config,
    assistant,
    logger,
    maxQuestionLength: 500,
    delivery,
    ...(options.claims ? { claims: options.claims } : {}),
    // Quick retries: the fault tests wait for them.
    retry: { baseDelayMs: 50, ...options.retry },
    ...(options.pacing ? { pacing: options.pacing } : {}),
    ...(options.onFatal ? { onFatal: options.onFatal } : {}),
  });
  // Telegram posts to the public URL; a reverse proxy would forward it to the port we listen on.
  if (bot.webhook) api.deliverTo = `http://127.0.0.1:${bot.webhook.port}`;
  return {
    api,
    bot,
    logs,
    async ask(from, text, chat, replyTo) {
      const chatId = chat?.id ?? from.id;
      const before = api.sentTo(chatId).length;
      api.push(messageUpdate(from, text, chat, replyTo));
      await waitFor(() => api.sentTo(chatId).length > before, `a reply to "${text.slice(0, 40)}" in chat ${chatId}`);
      return api.sentTo(chatId)[before]!;
    },
    processed(updateId) {
      const confirmed = (): boolean => api.calls.some((c) => c.method === 'getUpdates' && Number(c.body.offset) > updateId);
      return waitFor(confirmed, `update ${updateId} to be processed`);
    },
    async close() {
      await bot.stop();
      await api.close();
      delivery.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
