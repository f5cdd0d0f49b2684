import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../src/index.ts';
import { payloads, trafficProblems, waitFor } from '../../fakes/discord/harness.ts';
import type { Json } from '../../fakes/discord/payloads.ts';
import { discordEnv, spawnBot, type BotProcess } from '../../fakes/discord/process.ts';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/server.ts';
import { plainOf } from '../../fakes/telegram/html.ts';
import { FakeBotApi } from '../../fakes/telegram/server.ts';
import { messageUpdate, user } from '../../fakes/telegram/updates.ts';

// One `npm start` running both bots, as in production: a failure on Discord must not stop Telegram.
let fake: FakeDiscord;
let telegram: FakeBotApi;
let proc: BotProcess;
beforeAll(async () => {
  fake = await startFakeDiscord();
  telegram = await FakeBotApi.start();
  proc = spawnBot({ ...discordEnv(fake), TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.url, DATA_DIR: path.join(tmpdir(), `gansu-npm-start-discord-${process.pid}`) });
  await waitFor('the bot to start', () => proc.output().includes('gansu-bot started') && fake.gateway.live, 30_000);
});
afterAll(async () => {
  proc?.kill('SIGKILL');
  await fake?.close();
  await telegram?.close();
});
const output = (): string => proc.output();

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
    expect(proc.child.exitCode).toBeNull();
    expect(output()).toContain('the bot keeps running');
    const { body } = await interact(payloads.chatInput(guildInput(), 'ask', { question: 'how many overseas warehouses' }));
    expect(JSON.stringify(body)).toContain('58');
    expect(await telegramAnswer(701)).toContain('58');
  });

  it('WHEN a handler throws (a command it does not know; a message discord.js cannot read) THEN the user gets the apology and both bots answer on', async () => {
    const unknown = await interact(payloads.chatInput(guildInput(), 'no-such-command'));
    expect(unknown.body).toMatchObject({ type: 4, data: { content: MESSAGES.error.en, flags: 64 } });
    // discord.js builds a Message without an author; our handler then throws reading it.
    const before = output().split('discord message handler failed').length;
    const authorless = payloads.messageCreate({ id: payloads.snowflake(), username: 'm' }, guildPlace(), `<@${fake.botUser.id}> hi`, [fake.botUser]);
    delete authorless.author;
    fake.gateway.dispatch('MESSAGE_CREATE', authorless);
    await waitFor('the throw to be logged', () => output().split('discord message handler failed').length > before);
    expect(proc.child.exitCode).toBeNull();
    expect(await mention('how many overseas warehouses')).toContain('58');
    expect(await telegramAnswer(702)).toContain('58');
  });

  it.each(['unavailable', 'refused'] as const)('WHEN Discord REST is %s for a while THEN nothing crashes, Telegram answers meanwhile and Discord again after', async (kind) => {
    const ends = Date.now() + 2000;
    fake.rest.outageFor(2000, kind);
    const failures = output().split('discord message reply failed').length;
    const lost = payloads.messageCreate({ id: payloads.snowflake(), username: 'm' }, guildPlace(), `<@${fake.botUser.id}> how many overseas warehouses`, [fake.botUser]);
    fake.gateway.dispatch('MESSAGE_CREATE', lost);
    expect(await telegramAnswer(kind === 'refused' ? 703 : 704)).toContain('58');
    await waitFor('the failed reply to be logged', () => output().split('discord message reply failed').length > failures, 10_000);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, ends - Date.now()) + 100));
    expect(proc.child.exitCode).toBeNull();
    expect(await mention('how many overseas warehouses')).toContain('58');
  });

  it('WHEN it gets SIGTERM THEN it closes the gateway cleanly, exits 0 and never logged the token', async () => {
    proc.kill('SIGTERM');
    expect(await proc.exited()).toBe(0);
    await waitFor('the socket to close', () => fake.gateway.openSockets === 0);
    expect(fake.gateway.closeCodes).toEqual([1000]);
    expect(output()).toContain('discord bot stopped');
    expect(output()).toContain('telegram stopped');
    expect(output()).not.toContain(fake.token);
    expect(output()).not.toContain(telegram.token.split(':')[1]!);
    expect(trafficProblems(fake)).toEqual([]);
  });
});

/** A guild channel of the fake. */
function guildPlace(): payloads.Place {
  return { guild: fake.guilds[0]!, channelId: fake.guilds[0]!.channelIds[0]! };
}

/** Mentions the bot with `question` and returns the text of its reply. */
async function mention(question: string): Promise<string> {
  const msg = payloads.messageCreate({ id: payloads.snowflake(), username: 'm' }, guildPlace(), `<@${fake.botUser.id}> ${question}`, [fake.botUser]);
  fake.gateway.dispatch('MESSAGE_CREATE', msg);
  const reply = await waitFor('the reply', () => fake.rest.outgoing.find((o) => (o.body.message_reference as Json | undefined)?.message_id === msg.id), 10_000);
  return JSON.stringify(reply.body);
}

/** Asks the Telegram bot beside it in a private chat and returns the reply's text. */
async function telegramAnswer(chatId: number): Promise<string> {
  const before = telegram.sentTo(chatId).length;
  telegram.push(messageUpdate(user(chatId), 'how many overseas warehouses'));
  await waitFor('the Telegram reply', () => telegram.sentTo(chatId).length > before, 10_000);
  return plainOf(telegram.sentTo(chatId)[before]!.body.text);
}
