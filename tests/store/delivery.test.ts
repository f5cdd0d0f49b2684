import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryDelivery, openDelivery } from '../../src/store/delivery.ts';
import { DATABASE_FILE, openStore } from '../../src/store/open.ts';

const root = mkdtempSync(path.join(tmpdir(), 'gansu-delivery-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const folder = () => path.join(root, `d${(n += 1)}`);
const reply = (chat: string, text: string) => ({ chat, payload: JSON.stringify({ text }) });

describe('the outbox in the embedded database', () => {
  it('GIVEN replies recorded THEN they are pending in order until done, and survive a reopen', async () => {
    const dataDir = folder();
    const first = openDelivery({ dataDir });
    const [a, b] = await first.outbox.record('telegram:1', [reply('1', 'a'), reply('1', 'b')]);
    await first.outbox.record('telegram:2', [reply('2', 'c')]);
    await first.outbox.done(a!.id);
    first.close();
    const again = openDelivery({ dataDir });
    expect((await again.outbox.pending(0, 10)).map((e) => JSON.parse(e.payload).text)).toEqual(['b', 'c']);
    expect(await again.outbox.pending(b!.id, 10)).toHaveLength(1);
    expect(await again.outbox.pending(0, 1)).toHaveLength(1);
    again.close();
  });

  it('GIVEN an update recorded again (redelivered after a crash) THEN nothing new is added and its pending replies come back', async () => {
    const { outbox, close } = openDelivery({ dataDir: folder() });
    const before = await outbox.record('telegram:7', [reply('1', 'a'), reply('1', 'b')]);
    await outbox.done(before[0]!.id);
    const again = await outbox.record('telegram:7', [reply('1', 'a'), reply('1', 'b')]);
    expect(again.map((e) => e.id)).toEqual([before[1]!.id]);
    expect(await outbox.pending(0, 10)).toHaveLength(1);
    close();
  });

  it('GIVEN the inbox store on the same folder THEN both share the one file at the current schema', async () => {
    const dataDir = folder();
    const store = openStore({ dataDir, retentionDays: 90 });
    const delivery = openDelivery({ dataDir });
    expect(store.persistent).toBe(true);
    expect(delivery.outbox.durable).toBe(true);
    delivery.close();
    store.close();
  });

  it('GIVEN a file that is not a database THEN replies still go, in memory, and the problem is logged once', async () => {
    const dataDir = folder();
    mkdirSync(dataDir);
    writeFileSync(path.join(dataDir, DATABASE_FILE), 'not a database at all, just text that is long enough');
    const warnings: string[] = [];
    const logger = pino({ level: 'warn' }, new Writable({ write: (chunk, _enc, done) => void (warnings.push(String(chunk)), done()) }));
    const delivery = openDelivery({ dataDir, logger });
    expect(delivery.outbox.durable).toBe(false);
    expect(await delivery.outbox.record('telegram:1', [reply('1', 'a')])).toHaveLength(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('replies are not durable');
  });
});

describe('update claims in the embedded database', () => {
  it('GIVEN a settled claim THEN it is refused for the retention, also after a reopen; a released one is free', async () => {
    let clock = 1_000_000;
    const dataDir = folder();
    const first = openDelivery({ dataDir, now: () => clock });
    expect(await first.claims.claim('telegram:1', 1000)).toBe(true);
    expect(await first.claims.claim('telegram:1', 1000)).toBe(false);
    await first.claims.settle('telegram:1');
    expect(await first.claims.claim('telegram:2', 1000)).toBe(true);
    await first.claims.release('telegram:2');
    expect(await first.claims.claim('telegram:2', 1000)).toBe(true);
    first.close();
    const again = openDelivery({ dataDir, now: () => clock });
    expect(await again.claims.claim('telegram:1', 1000)).toBe(false);
    clock += 86_400_001;
    expect(await again.claims.claim('telegram:1', 1000)).toBe(true);
    again.close();
  });

  it('GIVEN a lease left by a process that died THEN the next open voids it, so the redelivered update is handled', async () => {
    const dataDir = folder();
    const dead = openDelivery({ dataDir });
    expect(await dead.claims.claim('telegram:5', 60_000)).toBe(true);
    dead.close();
    const next = openDelivery({ dataDir });
    expect(await next.claims.claim('telegram:5', 60_000)).toBe(true);
    next.close();
  });

  it('GIVEN no database THEN claims in memory still refuse a second claim', async () => {
    const { claims } = memoryDelivery();
    expect(await claims.claim('k', 1000)).toBe(true);
    expect(await claims.claim('k', 1000)).toBe(false);
  });
});
