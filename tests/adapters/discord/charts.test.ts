import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assistant, payloads, startHarness, trafficProblems, type Harness } from '../../fakes/discord/harness.ts';
import { MESSAGES } from '../../../src/index.ts';
import type { Json } from '../../fakes/discord/payloads.ts';

let h: Harness;
beforeAll(async () => void (h = await startHarness()));
afterAll(() => h?.stop());

const embedOf = (data: Json): Json => (data.embeds as Json[])[0]!;
const buttonsIn = (data: Json): Json[] => ((data.components as Json[] | undefined) ?? []).flatMap((row) => (row.components ?? []) as Json[]);
/** What the interaction sent to Discord with its files (the direct reply, or the edit of a deferred one). */
const sentWith = (payload: Json) => h.fake.rest.outgoing.filter((o) => o.interactionId === String(payload.id) && o.files).at(-1);

describe('GIVEN charts on Discord', () => {
  it('WHEN /trend trade-total runs THEN the embed shows attachment://chart.png, uploaded as an 800x450 PNG with the numbers as its description', async () => {
    const command = payloads.chatInput(h.input(h.user()), 'trend', { measure: 'trade-total' });
    const reply = await h.interact(command, 15_000);
    expect((embedOf(reply.data).image as Json).url).toBe('attachment://chart.png');
    const files = sentWith(command)?.files ?? [];
    expect(files.map((f) => [f.filename, f.width, f.height])).toEqual([['chart.png', 800, 450]]);
    expect(files[0]!.description).toContain('2024 61.54');
    expect(files[0]!.description).toContain('Q1 2025 19.47 (part of a year)');
  });

  it('WHEN an answer has a series THEN 📈 is offered beside 👍 👎, and clicking it replies with that chart', async () => {
    const first = await h.interact(payloads.chatInput(h.input(h.user()), 'ask', { question: "What was Gansu's foreign trade in 2024?" }));
    const chart = buttonsIn(first.data).find((b) => b.label === MESSAGES.chartButton.en);
    expect(chart?.custom_id).toBe('g1c:trade-total:en');
    const click = payloads.buttonClick(h.input(h.user()), String(chart!.custom_id), String(chart!.label), h.fake.botUser);
    const reply = await h.interact(click, 15_000);
    const chartOf = assistant().chart('trade-total', 'en');
    expect(embedOf(reply.data).title).toBe(chartOf.ok ? chartOf.chart.title : 'no chart');
    expect((embedOf(reply.data).image as Json).url).toBe('attachment://chart.png');
    expect(sentWith(click)?.files?.[0]).toMatchObject({ filename: 'chart.png', width: 800, height: 450 });
  });

  it('WHEN a trend is asked in Chinese THEN the answer embed carries the Chinese chart', async () => {
    const command = payloads.chatInput(h.input(h.user(), undefined, 'zh-CN'), 'ask', { question: '甘肃外贸进出口总值的变化趋势' });
    const reply = await h.interact(command, 15_000);
    expect(String(embedOf(reply.data).description)).toContain('2024年615.4亿元');
    expect(sentWith(command)?.files?.[0]?.description).toContain('2024年 615.4');
  });

  it('THEN Discord refused nothing (every upload listed, named and a valid PNG)', () => {
    expect(trafficProblems(h.fake)).toEqual([]);
  });
});
