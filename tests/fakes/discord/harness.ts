import { Writable } from 'node:stream';
import { pino } from 'pino';
import { startDiscord, type DiscordBot } from '../../../adapters/discord/index.ts';
import { createAssistant, type Assistant, type Store } from '../../../src/index.ts';
import * as payloads from './payloads.ts';
import type { FakeUser, InteractionInput, Json, Place } from './payloads.ts';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from './server.ts';

/**
 * Polls `condition` every 5 ms until it returns a value other than undefined/false, or throws after
 * `timeoutMs` naming what it waited for. Every wait in the Discord tests is bounded by it.
 */
export async function waitFor<T>(what: string, condition: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = condition();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Waits until the fake has seen no new REST request for `quietMs`: the bot's handlers have finished
 * whatever the test set off. Bounded like every other wait.
 */
export async function settled(fake: FakeDiscord, quietMs = 150): Promise<void> {
  let seen = -1;
  let since = Date.now();
  await waitFor('the traffic to settle', () => {
    if (fake.rest.requests.length !== seen) {
      seen = fake.rest.requests.length;
      since = Date.now();
      return false;
    }
    return Date.now() - since >= quietMs;
  });
}

let sharedAssistant: Assistant | null = null;
/** The real core over the real knowledge, loaded once per test file. */
export function assistant(): Assistant {
  return (sharedAssistant ??= createAssistant());
}

/** What an interaction got back: its callback type and the message (or choices) it carried. */
export interface InteractionReply {
  type: number;
  data: Json;
}

export interface Harness {
  fake: FakeDiscord;
  bot: DiscordBot;
  /** Every log line the bot wrote, as JSON text. */
  logs: string[];
  /** A new user (unique id, so cooldowns never cross tests). */
  user(name?: string): FakeUser;
  guildPlace(): Place;
  dmPlace(): Place;
  input(user: FakeUser, place?: Place, locale?: string): InteractionInput;
  /** Dispatches an INTERACTION_CREATE and waits for its answer (direct, or deferred then edited). */
  interact(payload: Json, timeoutMs?: number): Promise<InteractionReply>;
  /** Dispatches a MESSAGE_CREATE and waits for the bot's reply to it. */
  message(payload: Json, timeoutMs?: number): Promise<Json>;
  stop(): Promise<void>;
}

export interface HarnessOptions extends FakeDiscordOptions {
  cooldownMs?: number;
  maxQuestionLength?: number;
  /** The core to run (default the real one); tests wrap it to inject failures. */
  assistant?: Assistant;
  /** Where the bot saves its gateway sessions (default none). */
  store?: Pick<Store, 'readMeta' | 'writeMeta'>;
  /** Runs once the fake is up, before the bot starts (e.g. to save a session pointing at it). */
  beforeStart?: (fake: FakeDiscord) => void;
}

/** Starts a fake Discord and the real bot against it; `stop()` shuts both down. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await startFakeDiscord(options);
  options.beforeStart?.(fake);
  const logs: string[] = [];
  const sink = new Writable({ write(chunk: Buffer, _enc, done) { logs.push(chunk.toString()); done(); } });
  const logger = pino({ level: 'debug' }, sink);
  const bot = await startDiscord({
    config: { token: fake.token, applicationId: fake.applicationId, restApi: fake.restApi, guildId: null, cooldownMs: options.cooldownMs ?? 0 },
    assistant: options.assistant ?? assistant(),
    logger,
    maxQuestionLength: options.maxQuestionLength ?? 500,
    tuning: { rest: { timeout: 5000, retries: 1 } },
    ...(options.store ? { store: options.store } : {}),
  });
  const guild = fake.guilds[0]!;
  let users = 0;

  const interact = async (payload: Json, timeoutMs = 5000): Promise<InteractionReply> => {
    const id = String(payload.id);
    fake.rest.expectInteraction(id, String(payload.token), String(payload.channel_id));
    fake.gateway.dispatch('INTERACTION_CREATE', payload);
    const state = fake.rest.interactions.get(id)!;
    const first = await waitFor(`callback for interaction ${id}`, () => state.callbacks[0], timeoutMs);
    if (first.type !== 5) return { type: Number(first.type), data: (first.data ?? {}) as Json };
    const edit = await waitFor(`edit of deferred ${id}`, () => fake.rest.outgoing.find((o) => o.interactionId === id && o.kind === 'edit'), timeoutMs);
    return { type: 5, data: edit.body };
  };

  const message = async (payload: Json, timeoutMs = 5000): Promise<Json> => {
    if (payload.channel_type === 1) fake.dmChannels.add(String(payload.channel_id));
    fake.gateway.dispatch('MESSAGE_CREATE', payload);
    const reply = await waitFor(`reply to message ${String(payload.id)}`, () =>
      fake.rest.outgoing.find((o) => o.kind === 'channel' && (o.body.message_reference as Json | undefined)?.message_id === payload.id), timeoutMs);
    return reply.body;
  };

  return {
    fake,
    bot,
    logs,
    user: (name = 'asker') => ({ id: payloads.snowflake(), username: `${name}${++users}` }),
    guildPlace: () => ({ guild, channelId: guild.channelIds[0]! }),
    dmPlace: () => ({ dmChannelId: payloads.snowflake() }),
    input: (user, place = { guild, channelId: guild.channelIds[0]! }, locale = 'en-US') => ({ applicationId: fake.applicationId, user, place, locale }),
    interact,
    message,
    async stop() {
      await bot.stop();
      await fake.close();
    },
  };
}

/**
 * Everything wrong with the traffic so far: a message body that could ping (allowed_mentions not
 * `parse: []`, or listing users or roles, or a raw `@everyone`), unknown routes, gateway protocol
 * errors, bodies Discord would refuse. Empty when all is well.
 */
export function trafficProblems(fake: FakeDiscord): string[] {
  const problems = [
    ...fake.rest.unknownRoutes.map((r) => `unknown route ${r}`),
    ...fake.gateway.protocolErrors.map((e) => `gateway: ${e}`),
    ...fake.rest.rejected.map((r) => `refused ${r.path}: ${r.problems.join('; ')}`),
  ];
  for (const r of fake.rest.requests) {
    if (r.path.startsWith('/interactions/') && r.status === 400) problems.push(`interaction ${r.path.split('/')[2]} answered twice`);
  }
  for (const out of fake.rest.outgoing) {
    const mentions = out.body.allowed_mentions as Json | undefined;
    const where = `${out.kind} ${out.interactionId ?? out.channelId ?? ''}`;
    if (!mentions || !Array.isArray(mentions.parse) || mentions.parse.length > 0) problems.push(`${where}: allowed_mentions ${JSON.stringify(mentions)}`);
    if (mentions && ('users' in mentions || 'roles' in mentions)) problems.push(`${where}: allowed_mentions lists users or roles`);
    if (mentions && mentions.replied_user === true) problems.push(`${where}: pings the replied user`);
    if (/@(everyone|here)|<@[!&]?\d/.test(JSON.stringify({ ...out.body, allowed_mentions: undefined }))) problems.push(`${where}: raw mention text`);
  }
  return problems;
}

/** Log records at error level or above (pino level 50+), parsed. */
export function errorLogs(logs: readonly string[]): Json[] {
  return logs.map((line) => JSON.parse(line) as Json).filter((record) => Number(record.level) >= 50);
}

export { payloads };
