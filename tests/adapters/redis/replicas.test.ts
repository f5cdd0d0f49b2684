import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant, createLogger, MESSAGES, type Knowledge } from '../../../src/index.ts';
import { startTelegram, type TelegramHandle } from '../../../adapters/telegram/index.ts';
import { openSharedState, type SharedState } from '../../../adapters/redis/index.ts';
import { startRedis, type RedisServer } from '../../helpers/redis.ts';
import { FakeBotApi } from '../../fakes/telegram/server.ts';
import { messageUpdate, user } from '../../fakes/telegram/updates.ts';
import { sleep, waitFor } from '../../fakes/telegram/wait.ts';

const SECRET = 'replica_Secret-1';
const PATH = '/telegram/hook';
/** Questions per user per minute: small, so the test reaches the limit across both replicas. */
const RATE = { count: 3, windowMs: 60_000 };
/** A question, and a follow-up that only its conversation can answer (alone it is declined). */
const FIRST = 'How much foreign direct investment did Gansu actually use in 2022?';
const FOLLOW_UP = 'the year before?';
const CONTEXT_ANSWER = /110 million \(2021\)/;

interface Replica {
  shared: SharedState;
  bot: TelegramHandle;
}

let redis: RedisServer;
let api: FakeBotApi;
let proxy: Server;
const replicas: Replica[] = [];
const logs: string[] = [];
/** Which replica the proxy sent each update to, by update_id. */
const routed = new Map<number, number>();

/** One `npm start` worth of bot: its own core and sessions, state shared through Redis. */
async function startReplica(knowledge: Knowledge): Promise<Replica> {
  const sink = new Writable({ write: (chunk, _enc, done) => void (logs.push(String(chunk)), done()) });
  const logger = createLogger('info', [api.token, SECRET], sink);
  const shared = openSharedState(redis.url, logger, 600);
  await waitFor(() => shared.status() === 'ready', 'redis ready', 10_000);
  const bot = await startTelegram({
    config: { token: api.token, apiRoot: api.url, webhook: { url: `https://bot.example.com${PATH}`, secret: SECRET, host: '127.0.0.1', port: 0 }, rateLimit: RATE },
    assistant: createAssistant({ knowledge, conversations: shared.conversations }),
    logger,
    maxQuestionLength: 500,
    limiters: shared.limiters,
    claims: shared.claims,
    retry: { baseDelayMs: 50 },
  });
  return { shared, bot };
}

/** A load balancer in front of the replicas: each request to the next one, round robin. */
async function startProxy(): Promise<Server> {
  let next = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const index = next++ % replicas.length;
      const id = (JSON.parse(body.toString()) as { update_id?: number }).update_id;
      if (typeof id === 'number') routed.set(id, index);
      const upstream = request({ host: '127.0.0.1', port: replicas[index]!.bot.webhook!.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.writeHead(502).end());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** Posts `update` straight to replica `index`, as Telegram's redelivery reaching either one would. */
const postTo = (index: number, update: Record<string, unknown>): Promise<number> =>
  fetch(`http://127.0.0.1:${replicas[index]!.bot.webhook!.port}${PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify(update),
  }).then((r) => r.status);

/** Pushes `text` from user `id` through the proxy and waits until the delivery is acknowledged. */
async function send(id: number, text: string): Promise<number> {
  const before = api.deliveries.length;
  const updateId = api.push(messageUpdate(user(id), text));
  await waitFor(() => api.deliveries.length > before, `delivery of update ${updateId}`, 15_000);
  return updateId;
}

/** The plain text of every message sent to chat `id` (tags dropped). */
const repliesTo = (id: number): string[] => api.sentTo(id).map((c) => String(c.body.text).replace(/<[^>]+>/g, ''));

/** User `id` asks {@link FIRST}, then {@link FOLLOW_UP}: which replica took each, and the follow-up's reply. */
async function converse(id: number): Promise<{ replicas: Array<number | undefined>; followUp: string | undefined }> {
  const first = await send(id, FIRST);
  await waitFor(() => repliesTo(id).length === 1, `the first answer to ${id}`, 15_000);
  const second = await send(id, FOLLOW_UP);
  await waitFor(() => repliesTo(id).length === 2, `the follow-up to ${id}`, 15_000);
  return { replicas: [routed.get(first), routed.get(second)], followUp: repliesTo(id)[1] };
}

beforeAll(async () => {
  redis = await startRedis();
  api = await FakeBotApi.start();
  const knowledge = createAssistant().knowledge;
  replicas.push(await startReplica(knowledge), await startReplica(knowledge));
  proxy = await startProxy();
  api.deliverTo = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await Promise.allSettled(replicas.map((r) => r.bot.stop()));
  await Promise.allSettled(replicas.map((r) => r.shared.close()));
  proxy?.closeAllConnections();
  await new Promise((resolve) => proxy?.close(resolve));
  await api?.close();
  await redis?.close();
});

describe('two Telegram webhook replicas behind a round-robin proxy, sharing Redis', () => {
  it('GIVEN one user sending 6 questions, alternating replicas THEN the limit of 3 holds across both: 3 answers, 1 notice, then silence', async () => {
    for (let i = 0; i < 6; i++) await send(801, 'how many overseas warehouses');
    await waitFor(() => repliesTo(801).length >= 4, 'answers and the notice', 15_000);
    await sleep(300);
    const replies = repliesTo(801);
    expect(replies.filter((t) => t.includes('58'))).toHaveLength(3);
    expect(replies.filter((t) => t === MESSAGES.rateLimited.en)).toHaveLength(1);
    expect(replies).toHaveLength(4);
    expect(new Set([...routed.values()])).toEqual(new Set([0, 1]));
  });

  it('GIVEN one update delivered to both replicas at once THEN it is answered once and both deliveries get 200', async () => {
    const update = { update_id: 900_001, ...messageUpdate(user(802), 'how many overseas warehouses') };
    const statuses = await Promise.all([postTo(0, update), postTo(1, update), postTo(0, update), postTo(1, update)]);
    await waitFor(() => repliesTo(802).length >= 1, 'the one answer', 15_000);
    await sleep(300);
    expect(statuses).toEqual([200, 200, 200, 200]);
    expect(repliesTo(802)).toHaveLength(1);
  });

  it('GIVEN a question answered by one replica THEN the follow-up answered by the other still has its context', async () => {
    const { replicas: handledBy, followUp } = await converse(803);
    expect(handledBy[0]).not.toBe(handledBy[1]);
    expect(followUp).toMatch(CONTEXT_ANSWER);
  });

  it('GIVEN Redis restarts mid-conversation THEN nothing crashes, questions are answered meanwhile, and new shared state works after it', async () => {
    await redis.stop();
    await waitFor(() => replicas.every((r) => r.shared.status() === 'degraded'), 'both degraded', 10_000);
    await send(804, 'how many overseas warehouses');
    await waitFor(() => repliesTo(804).length === 1, 'an answer while Redis is down', 15_000);
    expect(repliesTo(804)[0]).toContain('58');

    await redis.start();
    await waitFor(() => replicas.every((r) => r.shared.status() === 'ready'), 'both reconnected', 20_000);
    // Rebuilt: a new conversation spans replicas again, and a duplicate is again answered once.
    const { replicas: handledBy, followUp } = await converse(805);
    expect(handledBy[0]).not.toBe(handledBy[1]);
    expect(followUp).toMatch(CONTEXT_ANSWER);
    const update = { update_id: 900_002, ...messageUpdate(user(806), 'how many overseas warehouses') };
    await Promise.all([postTo(0, update), postTo(1, update)]);
    await waitFor(() => repliesTo(806).length >= 1, 'the duplicate answered', 15_000);
    await sleep(300);
    expect(repliesTo(806)).toHaveLength(1);

    const lines = logs.map((l) => JSON.parse(l) as { level: number; msg: string });
    expect(lines.filter((l) => /redis unavailable/.test(l.msg))).toHaveLength(2);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  });
});
