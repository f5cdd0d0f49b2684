import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payloads, startHarness, trafficProblems, waitFor, type Harness } from '../../fakes/discord/harness.ts';
import type { Json } from '../../fakes/discord/payloads.ts';
import { INTERACTION_WINDOW_MS } from '../../fakes/discord/rest.ts';

let h: Harness;
beforeAll(async () => void (h = await startHarness()));
afterAll(() => h?.stop());

const CALLBACK = /^\/interactions\/\d+\/[^/]+\/callback$/;
const EDIT = /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/;
const embedOf = (data: Json): Json => (data.embeds as Json[])[0]!;
const callbackStatuses = (id: string): number[] => h.fake.rest.requests.filter((r) => r.path.startsWith(`/interactions/${id}/`)).map((r) => r.status);
const stateOf = (payload: Json) => h.fake.rest.interactions.get(String(payload.id))!;

describe('GIVEN interactions on Discord, and its 3 s window for the first response', () => {
  it('WHEN nothing is rate limited and the answer is quick THEN /ask is answered directly (type 4)', async () => {
    const command = payloads.chatInput(h.input(h.user()), 'ask', { question: 'how many overseas warehouses' });
    const reply = await h.interact(command);
    expect(reply.type).toBe(4);
    expect(String(embedOf(reply.data).description)).toContain('58');
  });

  it('WHEN /trend (a chart: a slow path) gets 3 × 429 on its callback THEN it is deferred within the window and edited with the chart', async () => {
    h.fake.rest.rateLimitNext('POST', CALLBACK, 3, 0.6);
    const command = payloads.chatInput(h.input(h.user()), 'trend', { measure: 'trade-total' });
    const reply = await h.interact(command, 15_000);
    expect(callbackStatuses(String(command.id))).toEqual([429, 429, 429, 204]);
    expect(reply.type).toBe(5);
    expect(stateOf(command).answeredAfterMs).toBeLessThan(INTERACTION_WINDOW_MS);
    expect((embedOf(reply.data).image as Json).url).toBe('attachment://chart.png');
  });

  it('WHEN callbacks were just rate limited THEN the next /ask defers before its work and is edited with the answer', async () => {
    const command = payloads.chatInput(h.input(h.user()), 'ask', { question: 'how many overseas warehouses' });
    const reply = await h.interact(command);
    expect(reply.type).toBe(5);
    expect(String(embedOf(reply.data).description)).toContain('58');
    expect(stateOf(command).answeredAfterMs).toBeLessThan(INTERACTION_WINDOW_MS);
  });

  it('WHEN the edit of a deferred /trend gets 3 × 429 THEN it lands after the waits and the interaction is answered once', async () => {
    h.fake.rest.rateLimitNext('PATCH', EDIT, 3, 0.5);
    const command = payloads.chatInput(h.input(h.user()), 'trend', { measure: 'trade-total' });
    const reply = await h.interact(command, 15_000);
    expect(reply.type).toBe(5);
    const edits = h.fake.rest.requests.filter((r) => r.method === 'PATCH' && r.path.includes(String(command.token)));
    expect(edits.map((r) => r.status)).toEqual([429, 429, 429, 200]);
    expect((embedOf(reply.data).image as Json).url).toBe('attachment://chart.png');
    await waitFor('no second callback', () => callbackStatuses(String(command.id)).length === 1);
    expect(trafficProblems(h.fake)).toEqual([]);
  });
});
