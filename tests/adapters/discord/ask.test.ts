import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assistant, errorLogs, payloads, startHarness, trafficProblems, type Harness } from '../../fakes/discord/harness.ts';
import { MESSAGES } from '../../../src/index.ts';
import type { Json } from '../../fakes/discord/payloads.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const embedOf = (data: Json): Json => (data.embeds as Json[])[0]!;
const fieldsOf = (data: Json): Json[] => (embedOf(data).fields ?? []) as Json[];
const buttonsOf = (data: Json): Json[] => ((data.components as Json[] | undefined)?.[0]?.components ?? []) as Json[];
const HAN = /\p{Script=Han}/u;

describe('GIVEN /ask', () => {
  it('WHEN asked in English THEN the embed says 58, the figure is a field and the footer names source and period', async () => {
    const reply = await h.interact(payloads.chatInput(h.input(h.user()), 'ask', { question: 'how many overseas warehouses' }));
    expect([4, 5]).toContain(reply.type);
    const embed = embedOf(reply.data);
    expect(String(embed.description)).toContain('58');
    expect(fieldsOf(reply.data).some((f) => String(f.value).includes('58'))).toBe(true);
    expect(String((embed.footer as Json).text)).toMatch(/Gansu's Belt and Road trade · date not stated/);
    expect(buttonsOf(reply.data).length).toBeGreaterThan(0);
    expect(reply.data.flags ?? 0).toBe(0);
  });

  it('WHEN asked in Chinese THEN the answer is Chinese text containing 58', async () => {
    const reply = await h.interact(payloads.chatInput(h.input(h.user()), 'ask', { question: '甘肃的海外仓有几个？' }));
    const description = String(embedOf(reply.data).description);
    expect(description).toContain('58');
    expect(description).toMatch(HAN);
  });

  it('WHEN a zh-CN user asks in English THEN the answer is English, as asked', async () => {
    const reply = await h.interact(payloads.chatInput(h.input(h.user(), undefined, 'zh-CN'), 'ask', { question: 'how many overseas warehouses' }));
    const description = String(embedOf(reply.data).description);
    expect(description).toContain('58 warehouses');
    expect(description).not.toMatch(HAN);
  });

  it('WHEN the base has no answer THEN the decline is shown with example questions as buttons', async () => {
    const question = 'What time is it in Beijing?';
    const core = await assistant().ask(question);
    expect(core.answered).toBe(false);
    const reply = await h.interact(payloads.chatInput(h.input(h.user()), 'ask', { question }));
    expect(embedOf(reply.data).description).toBe(core.text);
    expect(buttonsOf(reply.data).map((b) => b.label)).toEqual(core.followUps.slice(0, 5));
  });

  it('WHEN asked in a DM THEN it is answered the same way', async () => {
    const reply = await h.interact(payloads.chatInput(h.input(h.user(), h.dmPlace()), 'ask', { question: 'how many overseas warehouses' }));
    expect(String(embedOf(reply.data).description)).toContain('58');
  });
});

describe('GIVEN autocomplete on /ask', () => {
  it('WHEN the user types THEN matching questions come back as at most 25 choices of at most 100 characters', async () => {
    const reply = await h.interact(payloads.autocomplete(h.input(h.user()), 'ask', 'question', 'warehouse'));
    expect(reply.type).toBe(8);
    const choices = reply.data.choices as Json[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.name)).toEqual(assistant().suggest('warehouse').slice(0, 25));
    for (const c of choices) expect(String(c.value).length).toBeLessThanOrEqual(100);
  });

  it('WHEN nothing is typed yet THEN examples in the user locale are offered', async () => {
    const reply = await h.interact(payloads.autocomplete(h.input(h.user(), undefined, 'zh-CN'), 'ask', 'question', ''));
    const choices = reply.data.choices as Json[];
    expect(choices.length).toBeGreaterThan(0);
    expect(String(choices[0]!.name)).toMatch(HAN);
  });

  it('WHEN typing Chinese THEN Chinese questions are suggested', async () => {
    const reply = await h.interact(payloads.autocomplete(h.input(h.user()), 'ask', 'question', '海外仓'));
    expect((reply.data.choices as Json[]).map((c) => c.name)).toEqual(assistant().suggest('海外仓').slice(0, 25));
  });
});

describe('GIVEN /stats and the topic commands', () => {
  it('WHEN /stats has no topic THEN the headline figures come as fields', async () => {
    const reply = await h.interact(payloads.chatInput(h.input(h.user()), 'stats'));
    const stats = assistant().stats(null, 'en');
    expect(stats.ok).toBe(true);
    expect(embedOf(reply.data).title).toBe(stats.ok ? stats.title : '');
    expect(fieldsOf(reply.data).length).toBeGreaterThan(0);
    expect(JSON.stringify(fieldsOf(reply.data))).toContain('58');
  });

  it('WHEN /stats names a topic THEN only its figures are shown', async () => {
    const reply = await h.interact(payloads.chatInput(h.input(h.user()), 'stats', { topic: 'warehouses' }));
    const stats = assistant().stats('warehouses', 'en');
    expect(stats.ok && fieldsOf(reply.data).map((f) => f.name)).toEqual(stats.ok && stats.items.map((i) => i.label));
  });

  it('WHEN a zh-CN user runs /stats THEN the title is Chinese', async () => {
    const reply = await h.interact(payloads.chatInput(h.input(h.user(), undefined, 'zh-CN'), 'stats'));
    expect(String(embedOf(reply.data).title)).toMatch(HAN);
  });

  it('WHEN /stats gets an unknown topic THEN the core says so, ephemerally', async () => {
    const reply = await h.interact(payloads.chatInput(h.input(h.user()), 'stats', { topic: 'nope' }));
    expect(reply.data.flags).toBe(64);
    expect(String(embedOf(reply.data).description)).toContain('nope');
  });

  const topicCommands = assistant().commands.list('discord').filter((c) => c.topic !== undefined);
  it.each(topicCommands.map((c) => [c.name]))('WHEN /%s runs THEN its topic title and figures are shown', async (name) => {
    const reply = await h.interact(payloads.chatInput(h.input(h.user()), name));
    const stats = assistant().stats(name, 'en');
    expect(stats.ok).toBe(true);
    expect(embedOf(reply.data).title).toBe(stats.ok ? stats.title : '');
    expect(fieldsOf(reply.data).length).toBe(stats.ok ? Math.min(stats.items.length, 25) : -1);
  });
});

describe('GIVEN /trend', () => {
  it('WHEN a measure is typed THEN autocomplete offers measures by name, their ids as values', async () => {
    const reply = await h.interact(payloads.autocomplete(h.input(h.user()), 'trend', 'measure', 'trade'));
    const choices = reply.data.choices as Json[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.map((c) => c.value)).toContain('trade-total');
    expect(choices.find((c) => c.value === 'trade-total')?.name).toBe("Gansu's total foreign trade (imports and exports)");
  });

  it('WHEN a measure is chosen THEN the reply lists its series', async () => {
    const reply = await h.interact(payloads.chatInput(h.input(h.user()), 'trend', { measure: 'trade-total' }));
    const series = assistant().series('trade-total', 'en');
    if (!series.ok) throw new Error('no series');
    const body = JSON.stringify(reply.data);
    expect(body).toContain(series.items[0]!.display);
    expect(body).toContain(series.items.at(-1)!.display);
  });
});

describe('GIVEN /about and /help', () => {
  it('WHEN /about runs THEN topics, sources and example buttons are shown', async () => {
    const reply = await h.interact(payloads.chatInput(h.input(h.user()), 'about'));
    const about = assistant().about('en');
    expect(embedOf(reply.data).title).toBe(about.title);
    expect(JSON.stringify(fieldsOf(reply.data))).toContain(about.sources[0]!);
    expect(buttonsOf(reply.data).map((b) => b.label)).toEqual(about.examples.slice(0, 5));
  });

  it('WHEN /help runs in zh-CN THEN it is Chinese with examples', async () => {
    const reply = await h.interact(payloads.chatInput(h.input(h.user(), undefined, 'zh-CN'), 'help'));
    expect(String(embedOf(reply.data).description)).toMatch(HAN);
    expect(buttonsOf(reply.data).length).toBeGreaterThan(0);
  });
});

describe('GIVEN follow-up buttons', () => {
  it('WHEN a follow-up is clicked THEN its question is answered as a new reply', async () => {
    const first = await h.interact(payloads.chatInput(h.input(h.user()), 'ask', { question: 'how many overseas warehouses' }));
    const button = buttonsOf(first.data)[0]!;
    const click = payloads.buttonClick(h.input(h.user()), String(button.custom_id), String(button.label), h.fake.botUser);
    const reply = await h.interact(click);
    expect(reply.type).toBe(4);
    const core = await assistant().ask(String(button.label));
    expect(embedOf(reply.data).title).toBe(button.label);
    expect(embedOf(reply.data).description).toBe(core.text);
  });

  it('WHEN a decline offers examples THEN clicking one answers it', async () => {
    const first = await h.interact(payloads.chatInput(h.input(h.user()), 'ask', { question: 'What time is it in Beijing?' }));
    const button = buttonsOf(first.data)[2]!;
    const reply = await h.interact(payloads.buttonClick(h.input(h.user()), String(button.custom_id), String(button.label), h.fake.botUser));
    const core = await assistant().ask(String(button.label));
    expect(core.answered).toBe(true);
    expect(String(embedOf(reply.data).description)).toBe(core.text);
  });

  it('WHEN a button id no longer resolves (e.g. a question the base dropped) THEN the user is told, ephemerally, that it expired', async () => {
    const click = payloads.buttonClick(h.input(h.user()), 'g1h:unknownkey1234', 'How many overseas warehouses does Gansu operate?', h.fake.botUser);
    const reply = await h.interact(click);
    expect(reply.data).toMatchObject({ content: MESSAGES.buttonExpired.en, flags: 64 });
  });

  it('WHEN a button is not ours THEN it is acknowledged silently', async () => {
    const reply = await h.interact(payloads.buttonClick(h.input(h.user()), 'other:thing', 'Other', h.fake.botUser));
    expect(reply.type).toBe(6);
  });
});

describe('GIVEN the acceptance bar of one second', () => {
  it('WHEN /ask, /stats and a mention arrive ten times each THEN every reply leaves within a second', async () => {
    const now = (): number => performance.timeOrigin + performance.now();
    const latencies: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      for (const payload of [
        payloads.chatInput(h.input(h.user()), 'ask', { question: i % 2 ? '甘肃的海外仓有几个？' : 'how many overseas warehouses' }),
        payloads.chatInput(h.input(h.user()), 'stats'),
      ]) {
        const sent = now();
        await h.interact(payload);
        latencies.push(h.fake.rest.requests.find((r) => r.path.startsWith(`/interactions/${String(payload.id)}/`))!.at - sent);
      }
      const msg = payloads.messageCreate(h.user(), h.guildPlace(), `<@${h.fake.botUser.id}> how many overseas warehouses`, [h.fake.botUser]);
      const sent = now();
      await h.message(msg);
      latencies.push(h.fake.rest.requests.find((r) => (r.body as Json | null)?.message_reference && ((r.body as Json).message_reference as Json).message_id === msg.id)!.at - sent);
    }
    expect(Math.max(...latencies)).toBeLessThan(1000);
  });
});

describe('GIVEN all the traffic of this file', () => {
  it('THEN nothing could ping, no route was unknown and Discord refused nothing', () => {
    expect(trafficProblems(h.fake)).toEqual([]);
    expect(errorLogs(h.logs)).toEqual([]);
  });
});
