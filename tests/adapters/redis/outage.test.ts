import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/index.ts';
import { openSharedState, type SharedState } from '../../../adapters/redis/index.ts';
import { startRedis, type RedisServer } from '../../helpers/redis.ts';
import { sleep, waitFor } from '../../fakes/telegram/wait.ts';

let redis: RedisServer;
const lines: string[] = [];
let a: SharedState;
let b: SharedState;
const messages = (pattern: RegExp): number => lines.filter((l) => pattern.test((JSON.parse(l) as { msg: string }).msg)).length;

beforeAll(async () => {
  redis = await startRedis();
  const sink = new Writable({ write: (chunk, _enc, done) => void (lines.push(String(chunk)), done()) });
  a = openSharedState(`redis://:s3cret-pass@127.0.0.1:${redis.port}`, createLogger('info', [], sink), 600);
  b = openSharedState(redis.url, createLogger('silent'), 600);
  await waitFor(() => a.status() === 'ready' && b.status() === 'ready', 'both replicas connected', 10_000);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await redis?.close();
});

describe('Redis down, then back', () => {
  it('GIVEN Redis stops THEN each replica answers with its own state, says degraded, and logs it once', async () => {
    await redis.stop();
    await waitFor(() => a.status() === 'degraded', 'degraded', 10_000);
    // Several reconnect attempts fail meanwhile; none of them logs again.
    await sleep(1_000);
    const limiter = a.limiters('outage', { count: 1, windowMs: 60_000 });
    expect([await limiter.check('u'), await limiter.check('u'), await limiter.check('u')]).toEqual(['allow', 'notify', 'silent']);
    expect([await a.claims.claim('down:1', 60_000), await a.claims.claim('down:1', 60_000)]).toEqual([true, false]);
    await a.conversations.set('c', { turns: [{ resolved: 'warehouses', language: 'en', documents: [], topics: [], choices: [], at: Date.now() }] });
    expect((await a.conversations.get('c'))?.turns[0]?.resolved).toBe('warehouses');
    expect(messages(/redis unavailable/)).toBe(1);
    expect(lines.join('\n')).not.toContain('s3cret-pass');
  });

  it('GIVEN Redis comes back (empty) THEN the replicas reconnect and share new claims and conversations again', async () => {
    await redis.start();
    await waitFor(() => a.status() === 'ready' && b.status() === 'ready', 'both reconnected', 15_000);
    expect(messages(/redis reconnected/)).toBe(1);
    expect(await a.claims.claim('up:1', 60_000)).toBe(true);
    expect(await b.claims.claim('up:1', 60_000)).toBe(false);
    await b.conversations.set('after', { turns: [{ resolved: 'trains', language: 'zh', documents: [], topics: [], choices: [], at: Date.now() }] });
    expect((await a.conversations.get('after'))?.turns[0]?.language).toBe('zh');
  });
});
