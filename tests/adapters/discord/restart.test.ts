import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payloads, trafficProblems, waitFor } from '../../fakes/discord/harness.ts';
import type { Json } from '../../fakes/discord/payloads.ts';
import { discordEnv, spawnBot, type BotProcess } from '../../fakes/discord/process.ts';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/server.ts';

/** Events in the burst, and after how many of them the process is killed. */
const BURST = 60;
const KILL_AFTER = 25;
/** Gap between two events of the burst, in milliseconds. */
const GAP_MS = 10;

const dataDir = mkdtempSync(path.join(tmpdir(), 'gansu-discord-restart-'));
let fake: FakeDiscord;
const running: BotProcess[] = [];
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  for (const proc of running) proc.kill('SIGKILL');
  await fake?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<BotProcess> {
  const proc = spawnBot({ ...discordEnv(fake), DATA_DIR: dataDir });
  running.push(proc);
  await waitFor('the bot to start', () => proc.output().includes('gansu-bot started') && fake.gateway.live, 30_000);
  return proc;
}

/** Replies the channel got to message `id` (Discord returns the first one for a repeated enforced nonce, creating nothing). */
const repliesTo = (id: string): number => fake.rest.outgoing.filter((o) => o.kind === 'channel' && (o.body.message_reference as Json | undefined)?.message_id === id).length;

describe('GIVEN `npm start` killed with SIGKILL during a burst of mentions, then started again', () => {
  it('WHEN it restarts THEN it resumes the saved session, the missed events are replayed, at most 5 go unanswered and none twice', async () => {
    const first = await start();
    // Two channels: replies in the second are held by a 429 (2 s), so at the kill they are received
    // but unanswered, and replies in the first go out at once (answered, some above the saved sequence).
    const [quick, held] = fake.guilds[0]!.channelIds as [string, string];
    fake.rest.rateLimitNext('POST', new RegExp(`^/channels/${held}/messages$`), 1, 2);
    const ids: string[] = [];
    for (let i = 0; i < BURST; i += 1) {
      // A user each, so no cooldown applies; both languages, both channels.
      const place = { guild: fake.guilds[0]!, channelId: i % 2 ? held : quick };
      const msg = payloads.messageCreate({ id: payloads.snowflake(), username: `burst${i}` }, place, `<@${fake.botUser.id}> ${i % 2 ? '甘肃的海外仓有几个？' : 'how many overseas warehouses'}`, [fake.botUser]);
      ids.push(String(msg.id));
      fake.gateway.dispatch('MESSAGE_CREATE', msg);
      if (i + 1 === KILL_AFTER) first.kill('SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, GAP_MS));
    }
    await first.exited();
    await waitFor('the killed bot to be gone', () => first.gone());
    const answeredBeforeKill = ids.filter((id) => repliesTo(id) > 0).length;

    const second = await start();
    await waitFor('the replayed events to be answered', () => ids.every((id) => repliesTo(id) > 0), 20_000).catch(() => undefined);
    const unanswered = ids.filter((id) => repliesTo(id) === 0).length;
    const twice = ids.filter((id) => repliesTo(id) > 1).length;
    // Replies asked for again after the restart (answered above the saved sequence), which the enforced nonce made no-ops.
    const posts = (id: string) => fake.rest.requests.filter((r) => r.method === 'POST' && r.status === 200 && ((r.body as Json | null)?.message_reference as Json | undefined)?.message_id === id).length;
    const repeated = ids.filter((id) => posts(id) > 1).length;
    if (process.env.DEBUG_RESTART) console.info(second.output());
    console.info(`discord kill -9 burst: ${BURST} events, killed after ${KILL_AFTER} sent (${answeredBeforeKill} answered by then); after restart ${unanswered} unanswered, ${twice} answered twice; ${fake.gateway.replayed} replayed on RESUME, ${repeated} replies repeated and deduplicated by nonce`);
    expect(fake.gateway.resumes).toBe(1);
    expect(fake.gateway.replayed).toBeGreaterThanOrEqual(BURST - KILL_AFTER);
    expect(unanswered).toBeLessThanOrEqual(5);
    expect(twice).toBe(0);
    expect(second.output()).toContain('resumed the session of the previous process');
    expect(trafficProblems(fake)).toEqual([]);

    second.kill('SIGTERM');
    expect(await second.exited()).toBe(0);
  }, 90_000);
});
