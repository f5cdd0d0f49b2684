import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAssistant, MESSAGES, openStore, type Store } from '../../../src/index.ts';
import { payloads, startHarness, trafficProblems, type Harness } from '../../fakes/discord/harness.ts';
import type { Json } from '../../fakes/discord/payloads.ts';

const root = mkdtempSync(path.join(tmpdir(), 'gansu-dc-conv-'));
const stores: Store[] = [];
afterAll(() => {
  for (const s of stores) s.close();
  rmSync(root, { recursive: true, force: true });
});
const knowledge = createAssistant().knowledge;
const FIRST = '2021年兰州新区国际班列到发多少列？';
const FOLLOW = '2022年前十个月的情况呢？';

const descriptionOf = (data: Json): string => String(((data.embeds as Json[])[0] ?? {}).description ?? '');
const buttonsOf = (data: Json): Json[] => ((data.components ?? []) as Json[]).flatMap((row) => (row.components ?? []) as Json[]);
const ask = (h: Harness, user: ReturnType<Harness['user']>, question: string) => h.interact(payloads.chatInput(h.input(user), 'ask', { question }));

async function withHarness(options: Parameters<typeof createAssistant>[0], run: (h: Harness) => Promise<void>): Promise<void> {
  const h = await startHarness({ assistant: createAssistant({ knowledge, ...options }) });
  try {
    await run(h);
    expect(trafficProblems(h.fake)).toEqual([]);
  } finally {
    await h.stop();
  }
}

describe('discord: conversations', () => {
  it('GIVEN /ask and then a follow-up by the same user in the channel THEN it is answered in context', () =>
    withHarness({}, async (h) => {
      const u = h.user();
      expect(descriptionOf((await ask(h, u, FIRST)).data)).toContain('125');
      expect(descriptionOf((await ask(h, u, FOLLOW)).data)).toContain('190');
    }));

  it('GIVEN two users in one channel THEN each keeps a context of their own', () =>
    withHarness({}, async (h) => {
      const [alice, bob] = [h.user('alice'), h.user('bob')];
      await ask(h, alice, FIRST);
      expect(descriptionOf((await ask(h, bob, FOLLOW)).data)).not.toContain('190');
      expect(descriptionOf((await ask(h, alice, FOLLOW)).data)).toContain('190');
    }));

  it('GIVEN a context idle past the TTL THEN the follow-up no longer resolves', () =>
    withHarness({ conversationTtlSeconds: 1 }, async (h) => {
      const u = h.user();
      await ask(h, u, FIRST);
      await new Promise((r) => setTimeout(r, 1100));
      expect(descriptionOf((await ask(h, u, FOLLOW)).data)).not.toContain('190');
    }));

  it('GIVEN 👎 THEN a form asks what was wrong, and what is sent back lands in the inbox; 👍 is thanked only to the user', async () => {
    const store = openStore({ dataDir: path.join(root, 'thumbs'), retentionDays: 90 });
    stores.push(store);
    await withHarness({ store }, async (h) => {
      const u = h.user();
      const reply = await ask(h, u, 'how many overseas warehouses');
      const [up, down] = buttonsOf(reply.data).filter((b) => b.emoji !== undefined);
      expect([up, down].map((b) => (b!.emoji as Json).name)).toEqual(['👍', '👎']);
      const form = await h.interact(payloads.buttonClick(h.input(u), String(down!.custom_id), '', h.fake.botUser));
      expect(form.type).toBe(9);
      const sent = await h.interact(payloads.modalSubmit(h.input(u), String(form.data.custom_id), { reason: 'That is the 2024 count' }));
      expect(sent).toMatchObject({ type: 4, data: { content: MESSAGES.feedbackThanks.en, flags: 64 } });
      expect(store.inbox().filter((r) => r.kind === 'thumbs_down').at(-1)).toMatchObject({ question: 'how many overseas warehouses', feedback: 'That is the 2024 count', platform: 'discord', chat: 'group' });
      const thanks = await h.interact(payloads.buttonClick(h.input(u), String(up!.custom_id), '', h.fake.botUser));
      expect(thanks).toMatchObject({ type: 4, data: { content: MESSAGES.feedbackNoted.en, flags: 64 } });
    });
  });

  it('GIVEN a follow-up button from before a restart THEN it asks the same question', async () => {
    const store = openStore({ dataDir: path.join(root, 'restart'), retentionDays: 90 });
    stores.push(store);
    let button: Json | undefined;
    await withHarness({ store }, async (h) => {
      button = buttonsOf((await ask(h, h.user(), 'how many overseas warehouses')).data).find((b) => b.label !== undefined);
    });
    await withHarness({ store }, async (h) => {
      const reply = await h.interact(payloads.buttonClick(h.input(h.user()), String(button!.custom_id), String(button!.label), h.fake.botUser));
      expect(descriptionOf(reply.data)).toBe((await createAssistant({ knowledge }).ask(String(button!.label))).text);
    });
  });
});
