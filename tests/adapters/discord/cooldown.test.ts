import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../src/index.ts';
import { payloads, settled, startHarness, trafficProblems, type Harness } from '../../fakes/discord/harness.ts';
import type { Json } from '../../fakes/discord/payloads.ts';

/** Long enough that two requests in a row fall inside it, short enough to wait out once. */
const COOLDOWN_MS = 1200;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ cooldownMs: COOLDOWN_MS });
});
afterAll(async () => {
  await h?.stop();
});

const ask = (user: ReturnType<Harness['user']>, locale = 'en-US'): Json =>
  payloads.chatInput(h.input(user, undefined, locale), 'ask', { question: 'how many overseas warehouses' });

describe('GIVEN a per-user cooldown', () => {
  it('WHEN a user asks twice in a row THEN the second /ask is told to wait, ephemerally (flag 64)', async () => {
    const user = h.user();
    const first = await h.interact(ask(user));
    expect(first.data.flags ?? 0).toBe(0);
    const second = await h.interact(ask(user));
    expect(second.type).toBe(4);
    expect(second.data).toMatchObject({ content: MESSAGES.cooldown.en, flags: 64 });
  });

  it('WHEN the same user runs /stats, /about or a topic command right after asking THEN they are not held back', async () => {
    const user = h.user();
    await h.interact(ask(user));
    for (const name of ['stats', 'about', 'warehouses']) {
      const reply = await h.interact(payloads.chatInput(h.input(user), name));
      expect(reply.data.flags ?? 0).toBe(0);
      expect(reply.data.embeds).toHaveLength(1);
    }
  });

  it('WHEN another user asks meanwhile THEN they are answered', async () => {
    const reply = await h.interact(ask(h.user()));
    expect(JSON.stringify(reply.data)).toContain('58');
  });

  it('WHEN a zh-CN user is cooling down THEN the notice is Chinese', async () => {
    const user = h.user();
    await h.interact(ask(user, 'zh-CN'));
    const second = await h.interact(ask(user, 'zh-CN'));
    expect(second.data).toMatchObject({ content: MESSAGES.cooldown.zh, flags: 64 });
  });

  it('WHEN a follow-up button is clicked inside the cooldown THEN it is told to wait too', async () => {
    const user = h.user();
    const first = await h.interact(ask(user));
    const button = ((first.data.components as Json[])[0]!.components as Json[])[0]!;
    const click = await h.interact(payloads.buttonClick(h.input(user), String(button.custom_id), String(button.label), h.fake.botUser));
    expect(click.data).toMatchObject({ content: MESSAGES.cooldown.en, flags: 64 });
  });

  it('WHEN a user mentions the bot three times quickly THEN one answer, one notice, then silence', async () => {
    const user = h.user();
    const place = h.guildPlace();
    const mention = (): Json => payloads.messageCreate(user, place, `<@${h.fake.botUser.id}> how many overseas warehouses`, [h.fake.botUser]);
    expect(JSON.stringify(await h.message(mention()))).toContain('58');
    expect((await h.message(mention())).content).toBe(MESSAGES.cooldown.en);
    const third = mention();
    h.fake.gateway.dispatch('MESSAGE_CREATE', third);
    await h.message(payloads.messageCreate(h.user(), place, `<@${h.fake.botUser.id}> hello`, [h.fake.botUser]));
    expect(h.fake.rest.outgoing.some((o) => (o.body.message_reference as Json | undefined)?.message_id === third.id)).toBe(false);
  });

  it('WHEN the cooldown has passed THEN the user is answered again', async () => {
    const user = h.user();
    await h.interact(ask(user));
    await new Promise((resolve) => setTimeout(resolve, COOLDOWN_MS + 100));
    const again = await h.interact(ask(user));
    expect(JSON.stringify(again.data)).toContain('58');
    await settled(h.fake);
    expect(trafficProblems(h.fake)).toEqual([]);
  });
});
