import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PENDING_LIMIT_MS, createSessionJournal } from '../../../adapters/discord/journal.ts';
import { openStore, type Store } from '../../../src/index.ts';

const root = mkdtempSync(path.join(tmpdir(), 'gansu-journal-'));
const stores: Store[] = [];
afterAll(() => {
  for (const store of stores) store.close();
  rmSync(root, { recursive: true, force: true });
});
let n = 0;
const store = (): Store => {
  const opened = openStore({ dataDir: path.join(root, `d${(n += 1)}`), retentionDays: 90 });
  stores.push(opened);
  return opened;
};

const session = { sessionId: 'abc', resumeURL: 'wss://gateway.example', sequence: 1, shardCount: 1, shardId: 0 };
/** What @discordjs/ws does for each dispatch: the session's sequence moves, then the event goes out. */
const dispatch = (journal: ReturnType<typeof createSessionJournal>, seq: number, type: string, id?: string, shard = 0): void => {
  journal.update(shard, { ...session, shardId: shard, sequence: seq });
  journal.received(shard, seq, type, id);
};
const saved = (s: Store, shard = 0): number | null => {
  const text = s.readMeta(`discord:session:${shard}`);
  return text === null ? null : (JSON.parse(text) as { sequence: number }).sequence;
};

describe('GIVEN the session journal over a real SQLite store', () => {
  it('WHEN a message is still being answered THEN the saved sequence stays below it, and moves past it once answered', () => {
    const s = store();
    const journal = createSessionJournal(s);
    journal.update(0, session);
    dispatch(journal, 2, 'GUILD_CREATE', 'g1');
    expect(saved(s)).toBe(2);
    dispatch(journal, 3, 'MESSAGE_CREATE', 'm3');
    dispatch(journal, 4, 'MESSAGE_CREATE', 'm4');
    expect(saved(s)).toBe(2);
    journal.answered('m4');
    expect(saved(s)).toBe(2);
    journal.answered('m3');
    expect(saved(s)).toBe(4);
  });

  it('WHEN an event is never answered (discord.js dropped it) THEN it holds the sequence back for PENDING_LIMIT_MS only', () => {
    const s = store();
    let now = 1_000_000;
    const journal = createSessionJournal(s, () => now);
    dispatch(journal, 5, 'INTERACTION_CREATE', 'i5');
    dispatch(journal, 6, 'TYPING_START');
    expect(saved(s)).toBe(4);
    now += PENDING_LIMIT_MS + 1;
    dispatch(journal, 7, 'TYPING_START');
    expect(saved(s)).toBe(7);
  });

  it('WHEN a later process starts THEN it restores the session once per shard, and a clean close deletes it', () => {
    const s = store();
    createSessionJournal(s).update(1, { ...session, shardId: 1, sequence: 9 });
    const next = createSessionJournal(s);
    expect(next.restore(0, 1)).toBeNull();
    expect(next.restore(1, 1)).toEqual({ ...session, shardId: 1, sequence: 9 });
    expect(next.restore(1, 1)).toBeNull();
    expect(next.takeRestored(1)).toBe(true);
    expect(next.takeRestored(1)).toBe(false);
    next.update(1, null);
    expect(s.readMeta('discord:session:1')).toBeNull();
  });

  it('WHEN Discord now recommends another shard count, or the restored session is refused THEN no fresh READY is asked for later', () => {
    const s = store();
    createSessionJournal(s).update(0, { ...session, shardCount: 1, sequence: 9 });
    expect(createSessionJournal(s).restore(0, 2)).toBeNull();
    const next = createSessionJournal(s);
    const restored = next.restore(0, 1)!;
    next.update(0, restored);
    next.update(0, null); // INVALID_SESSION
    next.update(0, { ...session, sessionId: 'fresh' });
    expect(next.takeRestored(0)).toBe(false);
  });

  it('WHEN the saved value is not a session THEN nothing is restored', () => {
    const s = store();
    s.writeMeta('discord:session:0', '{"sessionId": 3}');
    s.writeMeta('discord:session:1', 'not json');
    const journal = createSessionJournal(s);
    expect(journal.restore(0, 1)).toBeNull();
    expect(journal.restore(1, 1)).toBeNull();
  });
});
