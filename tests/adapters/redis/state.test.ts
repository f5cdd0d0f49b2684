import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, type Thread } from '../../../src/index.ts';
import { Redis } from 'ioredis';
import { openSharedState, type SharedState } from '../../../adapters/redis/index.ts';
import { KEY_PREFIX } from '../../../adapters/redis/connection.ts';
import { startRedis, type RedisServer } from '../../helpers/redis.ts';
import { sleep, waitFor } from '../../fakes/telegram/wait.ts';

let redis: RedisServer;
const opened: SharedState[] = [];
beforeAll(async () => void (redis = await startRedis()));
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
  await redis?.close();
});

/** One replica's view of the shared state, logging into `lines`. */
async function replica(lines: string[] = [], ttlSeconds = 600): Promise<SharedState> {
  const sink = new Writable({ write: (chunk, _enc, done) => void (lines.push(String(chunk)), done()) });
  const state = openSharedState(redis.url, createLogger('info', [], sink), ttlSeconds);
  opened.push(state);
  await waitFor(() => state.status() === 'ready', 'redis ready', 10_000);
  return state;
}

const thread = (resolved: string): Thread => ({ turns: [{ resolved, language: 'en', documents: ['doc'], topics: ['trade'], choices: ['next?'], at: Date.now() }] });

describe('update claims in Redis', () => {
  it('GIVEN two replicas claiming one update THEN exactly one gets it, and a settled claim outlives its lease', async () => {
    const [a, b] = [await replica(), await replica()];
    const results = await Promise.all([a.claims.claim('u:1', 100), b.claims.claim('u:1', 100)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    await a.claims.settle('u:1');
    await sleep(200);
    expect(await b.claims.claim('u:1', 100)).toBe(false);
  });

  it('GIVEN a lease that runs out unsettled (the replica died) THEN the redelivery is taken; a released one at once', async () => {
    const [a, b] = [await replica(), await replica()];
    expect(await a.claims.claim('u:2', 100)).toBe(true);
    expect(await b.claims.claim('u:2', 100)).toBe(false);
    await sleep(250);
    expect(await b.claims.claim('u:2', 60_000)).toBe(true);
    await b.claims.release('u:2');
    expect(await a.claims.claim('u:2', 60_000)).toBe(true);
  });
});

describe('conversations in Redis', () => {
  it('GIVEN a thread written by one replica THEN another reads it; an unknown key or a foreign value reads as none', async () => {
    const [a, b] = [await replica(), await replica()];
    await a.conversations.set('telegram:1:2', thread('how many warehouses'));
    expect((await b.conversations.get('telegram:1:2'))?.turns[0]?.resolved).toBe('how many warehouses');
    expect(await b.conversations.get('telegram:1:3')).toBeUndefined();
    // Whatever else wrote the key (another version, a person with redis-cli) is no conversation, not a crash.
    const raw = new Redis(redis.url);
    await raw.set(`${KEY_PREFIX}conversation:foreign`, 'not json');
    await raw.set(`${KEY_PREFIX}conversation:older`, JSON.stringify({ turns: [{ resolved: 1 }] }));
    raw.disconnect();
    expect([await b.conversations.get('foreign'), await b.conversations.get('older')]).toEqual([undefined, undefined]);
  });

  it('GIVEN the TTL passed since the last turn THEN the conversation is forgotten', async () => {
    const a = await replica([], 1);
    await a.conversations.set('ttl', thread('x'));
    expect(await a.conversations.get('ttl')).toBeDefined();
    await sleep(1_200);
    expect(await a.conversations.get('ttl')).toBeUndefined();
  });
});

describe('rate limits in Redis', () => {
  it('GIVEN one user asking through two replicas THEN the limit counts both: allow, allow, notify once, silent', async () => {
    const [a, b] = [await replica(), await replica()];
    const [la, lb] = [a.limiters('test', { count: 2, windowMs: 60_000 }), b.limiters('test', { count: 2, windowMs: 60_000 })];
    const decisions = [await la.check('u'), await lb.check('u'), await la.check('u'), await lb.check('u')];
    expect(decisions).toEqual(['allow', 'allow', 'notify', 'silent']);
    // Another limit on the same user counts apart.
    expect(await b.limiters('other', { count: 2, windowMs: 60_000 }).check('u')).toBe('allow');
  });
});
