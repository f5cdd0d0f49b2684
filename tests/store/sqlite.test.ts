import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openStore } from '../../src/store/open.ts';
import { SCHEMA_VERSION } from '../../src/store/migrations.ts';
import type { InboxRecord } from '../../src/store/types.ts';

const root = mkdtempSync(path.join(tmpdir(), 'gansu-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const folder = () => path.join(root, `d${(n += 1)}`);

const record = (at: number, question = 'how many pandas'): InboxRecord => ({
  at, platform: 'telegram', chat: 'private', language: 'en', question, kind: 'declined', reason: 'unknown', facts: [], confidence: 0, feedback: null, user: 'u1',
});

describe('SQLite store', () => {
  it('GIVEN a fresh data folder THEN it creates the folder and a WAL database at the current schema', () => {
    const dataDir = folder();
    const store = openStore({ dataDir, retentionDays: 90 });
    expect(store.persistent).toBe(true);
    store.close();
    const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('GIVEN records THEN they read back in order, survive a reopen, and a second connection sees them at once', () => {
    const dataDir = folder();
    const writer = openStore({ dataDir, retentionDays: 90 });
    const reader = openStore({ dataDir, retentionDays: 90 });
    writer.record(record(Date.now() - 1000, 'first'));
    writer.record({ ...record(Date.now(), 'second'), facts: ['f1', 'f2'], feedback: 'wrong year' });
    expect(reader.inbox().map((r) => r.question)).toEqual(['first', 'second']);
    expect(reader.inbox()[1]).toMatchObject({ facts: ['f1', 'f2'], feedback: 'wrong year' });
    writer.close();
    reader.close();
    const again = openStore({ dataDir, retentionDays: 90 });
    expect(again.inbox(Date.now() - 500).map((r) => r.question)).toEqual(['second']);
    again.close();
  });

  it('GIVEN records older than the retention THEN opening the store deletes them', () => {
    const dataDir = folder();
    const day = 86_400_000;
    const old = openStore({ dataDir, retentionDays: 30 });
    old.record(record(Date.now() - 31 * day, 'stale'));
    old.record(record(Date.now() - 29 * day, 'recent'));
    old.close();
    const store = openStore({ dataDir, retentionDays: 30 });
    expect(store.inbox().map((r) => r.question)).toEqual(['recent']);
    store.close();
  });

  it('GIVEN an answer remembered for its buttons THEN it is found by key after a reopen', () => {
    const dataDir = folder();
    const a = openStore({ dataDir, retentionDays: 90 });
    a.rememberAnswer({ key: 'k1', question: 'q?', language: 'zh', facts: ['x'], confidence: 0.5, answered: true });
    a.close();
    const b = openStore({ dataDir, retentionDays: 90 });
    expect(b.answer('k1')).toEqual({ key: 'k1', question: 'q?', language: 'zh', facts: ['x'], confidence: 0.5, answered: true });
    expect(b.answer('nope')).toBeUndefined();
    b.close();
  });

  it('GIVEN a meta value written THEN it reads back after a reopen, is overwritten, and null deletes it', () => {
    const dataDir = folder();
    const a = openStore({ dataDir, retentionDays: 90 });
    expect(a.readMeta('discord:session:0')).toBeNull();
    a.writeMeta('discord:session:0', '{"sequence":1}');
    a.writeMeta('discord:session:0', '{"sequence":7}');
    a.close();
    const b = openStore({ dataDir, retentionDays: 90 });
    expect(b.readMeta('discord:session:0')).toBe('{"sequence":7}');
    b.writeMeta('discord:session:0', null);
    expect(b.readMeta('discord:session:0')).toBeNull();
    expect(b.hashUser('discord', '1')).toBe(b.hashUser('discord', '1')); // the salt row is untouched
    b.close();
  });

  it('GIVEN a user id THEN its hash is stable for one store, differs between stores, and never contains the id', () => {
    const a = openStore({ dataDir: folder(), retentionDays: 90 });
    const b = openStore({ dataDir: folder(), retentionDays: 90 });
    expect(a.hashUser('telegram', '123456789')).toBe(a.hashUser('telegram', '123456789'));
    expect(a.hashUser('telegram', '123456789')).not.toBe(b.hashUser('telegram', '123456789'));
    expect(a.hashUser('telegram', '123456789')).not.toContain('123456789');
    a.close();
    b.close();
  });

  it('GIVEN a corrupt database file THEN the store records nothing, says which file, and does not throw', () => {
    const dataDir = folder();
    openStore({ dataDir, retentionDays: 90 }).close();
    const file = path.join(dataDir, DATABASE_FILE);
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
    writeFileSync(file, 'this is not a database, just bytes '.repeat(200));
    const warnings: string[] = [];
    const store = openStore({ dataDir, retentionDays: 90, logger: { warn: (_o: object, m: string) => void warnings.push(m), error: () => undefined } as never });
    expect(store.persistent).toBe(false);
    expect(store.problem).toContain(file);
    expect(warnings.join('\n')).toContain(file);
    expect(() => store.record(record(Date.now()))).not.toThrow();
    expect(store.inbox()).toEqual([]);
    store.writeMeta('k', 'v');
    expect(store.readMeta('k')).toBeNull();
  });

  it('GIVEN a data folder that cannot be made (a file is in the way) THEN the store is off with a clear problem', () => {
    const dataDir = folder();
    writeFileSync(dataDir, 'not a folder');
    const store = openStore({ dataDir, retentionDays: 90 });
    expect(store.persistent).toBe(false);
    expect(store.problem).toContain(dataDir);
  });

  it('GIVEN a write that fails (the file taken away under the store) THEN it is reported and nothing throws', () => {
    const dataDir = folder();
    const errors: unknown[] = [];
    const store = openStore({ dataDir, retentionDays: 90, logger: { warn: () => undefined, error: (o: unknown) => void errors.push(o) } as never });
    const db = new Database(path.join(dataDir, DATABASE_FILE));
    db.exec('DROP TABLE inbox');
    db.close();
    expect(() => store.record(record(Date.now()))).not.toThrow();
    expect(errors).toHaveLength(1);
    store.close();
  });
});
