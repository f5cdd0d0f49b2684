import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardOf } from '../../fakes/discord/gateway.ts';
import { payloads, startHarness, trafficProblems, waitFor, type Harness } from '../../fakes/discord/harness.ts';
import type { FakeGuild, Json } from '../../fakes/discord/payloads.ts';

/** A guild whose id Discord routes to `shard` of `count` (`(id >> 22) % count`). */
function guildOn(shard: number, count: number, name: string): FakeGuild {
  const base = BigInt(payloads.snowflake());
  for (let k = 0n; k < BigInt(count); k += 1n) {
    const id = String(base + (k << 22n));
    if (shardOf(id, count) === shard) return { id, name, channelIds: [payloads.snowflake()] };
  }
  throw new Error(`no guild id for shard ${shard}`);
}

const guilds = [guildOn(0, 2, 'Guild on shard 0'), guildOn(1, 2, 'Guild on shard 1'), guildOn(1, 2, 'Another on shard 1')];
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ shards: 2, guilds });
});
afterAll(async () => {
  await h?.stop();
});

describe('GIVEN Discord recommends 2 shards in /gateway/bot', () => {
  it('WHEN the bot starts THEN it identifies shard [0, 2] and shard [1, 2], and logs each one ready with its guilds', () => {
    expect(h.fake.gateway.identifies.map((d) => d.shard).sort()).toEqual([[0, 2], [1, 2]]);
    const ready = h.logs.map((l) => JSON.parse(l) as Json).filter((r) => r.msg === 'discord shard ready');
    expect(ready.map((r) => [r.shard, r.guilds]).sort()).toEqual([[0, 1], [1, 2]]);
  });

  it('WHEN asked for readiness THEN both shards are ready, with their guild counts', () => {
    expect(h.bot.readiness()).toEqual({ ready: true, reason: null, shards: [{ id: 0, ready: true, guilds: 1 }, { id: 1, ready: true, guilds: 2 }] });
  });

  it('WHEN a mention arrives in a guild of either shard THEN each is answered in its channel', async () => {
    for (const guild of guilds) {
      const place = { guild, channelId: guild.channelIds[0]! };
      const reply = await h.message(payloads.messageCreate(h.user(), place, `<@${h.fake.botUser.id}> how many overseas warehouses`, [h.fake.botUser]));
      expect(String(((reply.embeds as Json[])[0] as Json).description)).toContain('58');
    }
    const channels = h.fake.rest.outgoing.filter((o) => o.kind === 'channel').map((o) => o.channelId);
    expect(channels).toEqual(guilds.map((g) => g.channelIds[0]));
  });

  it('WHEN /ask comes from the guild on shard 1 THEN it is answered', async () => {
    const reply = await h.interact(payloads.chatInput(h.input(h.user(), { guild: guilds[1]!, channelId: guilds[1]!.channelIds[0]! }), 'ask', { question: 'how many overseas warehouses' }));
    expect(String(((reply.data.embeds as Json[])[0] as Json).description)).toContain('58');
  });

  it('WHEN shard 1 is told to reconnect (op 7) THEN readiness names it until it has resumed, and shard 0 stays ready', async () => {
    h.fake.gateway.requestReconnect(1);
    const during = await waitFor('shard 1 to be not ready', () => (h.bot.readiness().ready ? undefined : h.bot.readiness()));
    expect(during.reason).toMatch(/^shard 1 /);
    expect(during.shards.map((s) => s.ready)).toEqual([true, false]);
    await waitFor('shard 1 to be ready again', () => h.bot.readiness().ready, 10_000);
    expect(h.fake.gateway.resumes).toBe(1);
  });

  it('WHEN the bot stops THEN readiness says so and no traffic was wrong', async () => {
    await h.bot.stop();
    expect(h.bot.readiness()).toMatchObject({ ready: false, reason: 'stopped' });
    expect(trafficProblems(h.fake)).toEqual([]);
  });
});
