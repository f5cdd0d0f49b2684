import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant, MESSAGES, type Assistant } from '../../../src/index.ts';
import { startHarness, type Harness } from '../../fakes/telegram/harness.ts';
import { messageUpdate, user } from '../../fakes/telegram/updates.ts';
import { waitFor } from '../../fakes/telegram/wait.ts';

const assistant = createAssistant();
let h: Harness;
beforeAll(async () => void (h = await startHarness(assistant, { rateLimit: { count: 2, windowMs: 60_000 } })));
afterAll(() => h.close());

const attemptsTo = (chatId: number): number => h.api.calls.filter((c) => c.method === 'sendMessage' && Number(c.body.chat_id) === chatId).length;

describe('rate limit', () => {
  it('GIVEN a user over the limit THEN one polite notice, then silence', async () => {
    const u = user(801);
    await h.ask(u, 'how many overseas warehouses');
    await h.ask(u, 'how many sister cities');
    const notice = await h.ask(u, 'and exports?');
    expect(notice.body.text).toBe(MESSAGES.rateLimited.en);
    const last = [h.api.push(messageUpdate(u, 'still there?')), h.api.push(messageUpdate(u, 'hello?'))].at(-1)!;
    await h.processed(last);
    expect(h.api.sentTo(u.id)).toHaveLength(3);
  });

  it('GIVEN a Chinese user over the limit THEN the notice is Chinese', async () => {
    const u = user(802, 'zh');
    await h.ask(u, '甘肃的海外仓有几个？');
    await h.ask(u, '甘肃的海外仓有几个？');
    expect((await h.ask(u, '甘肃的海外仓有几个？')).body.text).toBe(MESSAGES.rateLimited.zh);
  });
});

describe('failed sends are retried into exactly one reply', () => {
  it('GIVEN a 429 with retry_after 1 THEN the reply waits at least a second and is sent once', async () => {
    const u = user(811);
    h.api.fail('sendMessage', { kind: 'status', status: 429, retryAfter: 1 });
    const started = Date.now();
    const reply = await h.ask(u, 'how many overseas warehouses');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(reply.body.text).toContain('58');
    expect(h.api.sentTo(u.id)).toHaveLength(1);
    expect(attemptsTo(u.id)).toBe(2);
  });

  it('GIVEN two 502s THEN the reply is sent once on the third try', async () => {
    const u = user(812);
    h.api.fail('sendMessage', { kind: 'status', status: 502 }, 2);
    await h.ask(u, 'how many overseas warehouses');
    expect(h.api.sentTo(u.id)).toHaveLength(1);
    expect(attemptsTo(u.id)).toBe(3);
  });

  it('GIVEN a dropped connection THEN the reply is sent once', async () => {
    const u = user(813);
    h.api.fail('sendMessage', { kind: 'reset' });
    await h.ask(u, 'how many overseas warehouses');
    expect(h.api.sentTo(u.id)).toHaveLength(1);
    expect(attemptsTo(u.id)).toBe(2);
  });

  it('GIVEN Telegram refusing the HTML THEN the same reply goes out once as plain text', async () => {
    const u = user(814);
    h.api.fail('sendMessage', { kind: 'status', status: 400, description: "Bad Request: can't parse entities: unsupported start tag" });
    const reply = await h.ask(u, 'how many overseas warehouses');
    expect(reply.body.parse_mode).toBeUndefined();
    expect(reply.body.text).toContain('58 warehouses');
    expect(reply.body.text).not.toContain('<b>');
    expect(h.api.sentTo(u.id)).toHaveLength(1);
  });

  it('GIVEN a 403 (bot blocked) THEN the reply is given up after one try', async () => {
    const u = user(815);
    h.api.fail('sendMessage', { kind: 'status', status: 403, description: 'Forbidden: bot was blocked by the user' });
    const last = h.api.push(messageUpdate(u, 'how many overseas warehouses'));
    await h.processed(last);
    await waitFor(() => h.logs.some((l) => l.includes('bot was blocked')), 'the logged refusal');
    expect(attemptsTo(u.id)).toBe(1);
  });

  it('GIVEN retries THEN they are logged, and no log line carries the token', () => {
    expect(h.logs.some((l) => l.includes('retrying'))).toBe(true);
    expect(h.logs.join('\n')).not.toContain(h.api.token);
    expect(h.logs.join('\n')).not.toContain(h.api.token.split(':')[1]);
  });
});

describe('an error in one update', () => {
  let broken: Harness;
  const fragile: Assistant = { ...assistant, ask: (q, o) => (q === 'boom' ? (() => { throw new Error('engine bug'); })() : assistant.ask(q, o)) };
  beforeAll(async () => void (broken = await startHarness(fragile)));
  afterAll(() => broken.close());

  it('GIVEN a handler that throws THEN the user gets the error notice and the bot keeps answering', async () => {
    const u = user(821);
    expect((await broken.ask(u, 'boom')).body.text).toBe(MESSAGES.error.en);
    const other = user(822);
    expect((await broken.ask(other, 'how many overseas warehouses')).body.text).toContain('58');
    await waitFor(() => broken.logs.some((l) => l.includes('engine bug')), 'the logged error');
  });
});
