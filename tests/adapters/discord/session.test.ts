import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/index.ts';
import { payloads, startHarness, trafficProblems } from '../../fakes/discord/harness.ts';
import type { Json } from '../../fakes/discord/payloads.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'gansu-discord-session-'));
const store = openStore({ dataDir, retentionDays: 90 });
afterAll(() => {
  store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('GIVEN a saved gateway session Discord no longer knows', () => {
  it('WHEN the bot starts THEN its RESUME gets INVALID_SESSION, it identifies instead, answers, and saves the new session', async () => {
    const beforeStart = (fake: { restApi: string }) =>
      store.writeMeta('discord:session:0', JSON.stringify({ sessionId: 'expired-session', resumeURL: fake.restApi.replace(/^http/, 'ws').replace(/\/api$/, ''), sequence: 41, shardCount: 1, shardId: 0 }));
    const h = await startHarness({ store, heartbeatIntervalMs: 2000, beforeStart });
    try {
      expect(h.fake.gateway.invalidSessions).toBe(1);
      expect(h.fake.gateway.identifies).toHaveLength(1);
      const reply = await h.message(payloads.messageCreate(h.user(), h.guildPlace(), `<@${h.fake.botUser.id}> how many overseas warehouses`, [h.fake.botUser]));
      expect(String(((reply.embeds as Json[])[0] as Json).description)).toContain('58');
      const saved = JSON.parse(store.readMeta('discord:session:0')!) as Json;
      expect(saved.sessionId).not.toBe('expired-session');
      expect(saved.sequence).toBeGreaterThan(1);
      expect(trafficProblems(h.fake)).toEqual([]);
    } finally {
      await h.stop();
    }
    // A clean stop ends the session on Discord (close 1000), so it is not kept for the next start.
    expect(store.readMeta('discord:session:0')).toBeNull();
  });
});
