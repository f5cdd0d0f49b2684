import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES, type Assistant } from '../../../src/index.ts';
import { assistant, payloads, startHarness, trafficProblems, waitFor, type Harness } from '../../fakes/discord/harness.ts';
import type { Json } from '../../fakes/discord/payloads.ts';

/** The real core, except that a question containing "kaboom" makes it throw (a bug stand-in). */
const real = assistant();
const explode = (question: string | undefined): void => {
  if (question?.includes('kaboom')) throw new Error('core exploded');
};
const exploding: Assistant = {
  ...real,
  ask: (question, options) => (explode(question), real.ask(question, options)),
  commands: {
    ...real.commands,
    find: (name) => {
      const command = real.commands.find(name);
      return command && { ...command, run: (input) => (explode(input.args.question), command.run(input)) };
    },
  },
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ assistant: exploding, heartbeatIntervalMs: 2000 });
});
afterAll(async () => {
  await h?.stop();
});

const embedOf = (data: Json): Json => (data.embeds as Json[])[0]!;
const ask = (question: string): Json => payloads.chatInput(h.input(h.user()), 'ask', { question });
const callbackStatuses = (id: string): number[] =>
  h.fake.rest.requests.filter((r) => r.path.startsWith(`/interactions/${id}/`)).map((r) => r.status);

describe('GIVEN a failure inside one interaction', () => {
  it('WHEN the core throws THEN the user gets an ephemeral apology and the next question is answered', async () => {
    const reply = await h.interact(ask('kaboom'));
    expect(reply.data).toMatchObject({ content: MESSAGES.error.en, flags: 64 });
    const next = await h.interact(ask('how many overseas warehouses'));
    expect(String(embedOf(next.data).description)).toContain('58');
  });

  it('WHEN the command is unknown (stale registration) THEN the apology is ephemeral', async () => {
    const reply = await h.interact(payloads.chatInput(h.input(h.user()), 'gone'));
    expect(reply.data).toMatchObject({ content: MESSAGES.error.en, flags: 64 });
  });

  it('WHEN Discord refuses the reply (expired interaction) THEN the bot logs it and carries on', async () => {
    const expired = ask('how many overseas warehouses');
    h.fake.gateway.dispatch('INTERACTION_CREATE', expired); // never registered: every callback is 404 10062
    await waitFor('reply and apology attempts', () => callbackStatuses(String(expired.id)).length === 2);
    expect(callbackStatuses(String(expired.id))).toEqual([404, 404]);
    const next = await h.interact(ask('how many overseas warehouses'));
    expect(String(embedOf(next.data).description)).toContain('58');
    const logged = h.logs.join('');
    expect(logged).toContain('discord interaction failed');
    expect(logged).not.toContain(String(expired.token));
  });
});

describe('GIVEN Discord rate limits a request (429, not global)', () => {
  it('WHEN the interaction callback is limited THEN discord.js waits and the interaction is answered once', async () => {
    h.fake.rest.rateLimitNext('POST', /^\/interactions\/\d+\/[^/]+\/callback$/, 1, 1);
    const payload = ask('how many overseas warehouses');
    const reply = await h.interact(payload);
    expect(String(embedOf(reply.data).description)).toContain('58');
    expect(callbackStatuses(String(payload.id))).toEqual([429, 204]);
    const limited = h.logs.map((l) => JSON.parse(l) as Json).find((r) => r.msg === 'discord rate limited (429)');
    expect(limited).toMatchObject({ route: '/interactions/:id/:token/callback', method: 'POST', retryAfter: '1', global: false });
  });

  it('WHEN a channel reply is limited THEN the mention is answered once after the wait', async () => {
    h.fake.rest.rateLimitNext('POST', /^\/channels\/\d+\/messages$/, 1, 0.3);
    const msg = payloads.messageCreate(h.user(), h.guildPlace(), `<@${h.fake.botUser.id}> how many overseas warehouses`, [h.fake.botUser]);
    const reply = await h.message(msg);
    expect(String(embedOf(reply).description)).toContain('58');
    const posts = h.fake.rest.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/channels/') && (r.body as Json | null)?.message_reference);
    const forThis = posts.filter((r) => ((r.body as Json).message_reference as Json).message_id === msg.id);
    expect(forThis.map((r) => r.status)).toEqual([429, 200]);
  });
});

describe('GIVEN the gateway', () => {
  it('WHEN the reply is created but its response is lost (502) THEN the retry carries the same nonce and the channel gets one message', async () => {
    h.fake.rest.loseAnswerNext('POST', /^\/channels\/\d+\/messages$/);
    const msg = payloads.messageCreate(h.user(), h.guildPlace(), `<@${h.fake.botUser.id}> how many overseas warehouses`, [h.fake.botUser]);
    h.fake.gateway.dispatch('MESSAGE_CREATE', msg);
    const forThis = () => h.fake.rest.requests.filter((r) => r.method === 'POST' && ((r.body as Json | null)?.message_reference as Json | undefined)?.message_id === msg.id);
    await waitFor('the retried reply', () => forThis().length >= 2 && forThis().at(-1)!.status === 200);
    const [first, retry] = forThis();
    expect([first!.status, retry!.status]).toEqual([502, 200]);
    expect((retry!.body as Json).nonce).toBe((first!.body as Json).nonce);
    expect((first!.body as Json).enforce_nonce).toBe(true);
    expect(h.fake.rest.outgoing.filter((o) => (o.body.message_reference as Json | undefined)?.message_id === msg.id)).toHaveLength(1);
  });

  it('WHEN Discord asks for a heartbeat THEN the client sends one and it is acknowledged', async () => {
    const before = h.fake.gateway.heartbeats;
    h.fake.gateway.requestHeartbeat();
    await waitFor('a heartbeat', () => h.fake.gateway.heartbeats > before);
  });

  it('WHEN Discord sends op 7 RECONNECT THEN the client resumes and every interaction sent meanwhile is answered exactly once', async () => {
    h.fake.gateway.requestReconnect();
    const batch = Array.from({ length: 6 }, () => ask('how many overseas warehouses'));
    const replies = await Promise.all(batch.map((p) => h.interact(p, 10_000)));
    await waitFor('the resume', () => h.fake.gateway.live);
    expect(h.fake.gateway.resumes).toBe(1);
    expect(h.fake.gateway.identifies).toHaveLength(1);
    expect(h.fake.gateway.closeCodes).toContain(4200);
    for (const reply of replies) expect(String(embedOf(reply.data).description)).toContain('58');
    for (const p of batch) expect(callbackStatuses(String(p.id))).toEqual([204]);
    const after = await h.interact(ask('甘肃的海外仓有几个？'));
    expect(String(embedOf(after.data).description)).toContain('58');
  });
});

describe('GIVEN the bot is stopped', () => {
  it('WHEN stop() is called (twice) THEN it resolves, the socket closes with 1000 and no token was ever logged', async () => {
    await h.bot.stop();
    await h.bot.stop();
    await waitFor('the gateway socket to close', () => h.fake.gateway.openSockets === 0);
    expect(h.fake.gateway.closeCodes.at(-1)).toBe(1000);
    const logged = h.logs.join('');
    expect(logged).not.toContain(h.fake.token);
    for (const state of h.fake.rest.interactions.values()) expect(logged).not.toContain(state.token);
    expect(trafficProblems(h.fake)).toEqual([]);
  });
});
