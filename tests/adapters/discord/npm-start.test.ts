import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/index.ts';
import { payloads, trafficProblems, waitFor } from '../../fakes/discord/harness.ts';
import type { Json } from '../../fakes/discord/payloads.ts';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/server.ts';

let fake: FakeDiscord;
let bot: ChildProcess;
let output = '';
beforeAll(async () => {
  fake = await startFakeDiscord();
  const env = { PATH: process.env.PATH, DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_REST_API: fake.restApi, TELEGRAM_BOT_TOKEN: '', LOG_LEVEL: 'info', DATA_DIR: path.join(tmpdir(), `gansu-npm-start-${process.pid}`) };
  bot = spawn(path.join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['adapters/start.ts'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  bot.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  bot.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await waitFor('the bot to start', () => output.includes('gansu-bot started') && fake.gateway.live, 15_000);
});
afterAll(async () => {
  if (bot.exitCode === null) bot.kill('SIGKILL');
  await fake?.close();
});

const guildInput = (): payloads.InteractionInput => ({
  applicationId: fake.applicationId,
  user: { id: payloads.snowflake(), username: 'asker' },
  place: { guild: fake.guilds[0]!, channelId: fake.guilds[0]!.channelIds[0]! },
});

async function interact(payload: Json): Promise<{ body: Json; ms: number }> {
  fake.rest.expectInteraction(String(payload.id), String(payload.token), String(payload.channel_id));
  const sent = Date.now();
  fake.gateway.dispatch('INTERACTION_CREATE', payload);
  const body = await waitFor('the callback', () => fake.rest.interactions.get(String(payload.id))!.callbacks[0]);
  return { body, ms: Date.now() - sent };
}

describe('GIVEN `npm start` with DISCORD_TOKEN, DISCORD_APPLICATION_ID and DISCORD_REST_API pointing at the fake', () => {
  it('WHEN /ask arrives THEN it is answered correctly within a second', async () => {
    const { body, ms } = await interact(payloads.chatInput(guildInput(), 'ask', { question: 'how many overseas warehouses' }));
    expect(JSON.stringify(body)).toContain('58');
    expect(ms).toBeLessThan(1000);
  });

  it('WHEN /stats arrives THEN the headline figures come back within a second', async () => {
    const { body, ms } = await interact(payloads.chatInput(guildInput(), 'stats'));
    expect(JSON.stringify(body)).toContain('58 warehouses');
    expect(ms).toBeLessThan(1000);
  });

  it('WHEN the bot is mentioned THEN it replies within a second', async () => {
    const place = { guild: fake.guilds[0]!, channelId: fake.guilds[0]!.channelIds[0]! };
    const msg = payloads.messageCreate({ id: payloads.snowflake(), username: 'm' }, place, `<@${fake.botUser.id}> 甘肃的海外仓有几个？`, [fake.botUser]);
    const sent = Date.now();
    fake.gateway.dispatch('MESSAGE_CREATE', msg);
    const reply = await waitFor('the reply', () => fake.rest.outgoing.find((o) => (o.body.message_reference as Json | undefined)?.message_id === msg.id));
    expect(Date.now() - sent).toBeLessThan(1000);
    expect(JSON.stringify(reply.body)).toContain('58个');
  });

  it('WHEN a malformed interaction arrives (no entitlements) THEN the process keeps running and answers the next one', async () => {
    const broken = payloads.chatInput(guildInput(), 'ask', { question: 'how many overseas warehouses' });
    delete broken.entitlements;
    fake.gateway.dispatch('INTERACTION_CREATE', broken);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(bot.exitCode).toBeNull();
    expect(output).toContain('the bot keeps running');
    const { body } = await interact(payloads.chatInput(guildInput(), 'ask', { question: 'how many overseas warehouses' }));
    expect(JSON.stringify(body)).toContain('58');
  });

  it('WHEN it gets SIGTERM THEN it closes the gateway cleanly, exits 0 and never logged the token', async () => {
    bot.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => (bot.exitCode !== null ? resolve(bot.exitCode) : bot.once('exit', resolve)));
    expect(code).toBe(0);
    await waitFor('the socket to close', () => fake.gateway.openSockets === 0);
    expect(fake.gateway.closeCodes).toEqual([1000]);
    expect(output).toContain('discord bot stopped');
    expect(output).not.toContain(fake.token);
    expect(trafficProblems(fake)).toEqual([]);
  });
});
