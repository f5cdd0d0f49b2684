import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../../src/index.ts';
import { startHarness, type Harness } from '../../fakes/telegram/harness.ts';
import { messageUpdate, user } from '../../fakes/telegram/updates.ts';
import { sleep, waitFor } from '../../fakes/telegram/wait.ts';

const assistant = createAssistant();
const SECRET = 'right_Secret-123';
// A query string in the path: telegraf's webhookCallback compares the path as sent.
const PATH = '/telegram/hook?v=1';
let h: Harness;
beforeAll(async () => void (h = await startHarness(assistant, { webhook: { path: PATH, secret: SECRET } })));
afterAll(() => h.close());

const local = (): string => `http://127.0.0.1:${h.bot.webhook!.port}`;
const post = (path: string, body: unknown, secret?: string): Promise<Response> =>
  fetch(`${local()}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret === undefined ? {} : { 'x-telegram-bot-api-secret-token': secret }) },
    body: JSON.stringify(body),
  });

describe('webhook mode', () => {
  it('GIVEN a webhook config THEN setWebhook carries the URL and secret, the server is on 127.0.0.1, and nobody polls', () => {
    const set = h.api.ok('setWebhook');
    expect(set).toHaveLength(1);
    expect(set[0]!.body.url).toBe(`https://bot.example.com${PATH}`);
    expect(set[0]!.body.secret_token).toBe(SECRET);
    expect(h.bot.webhook!.host).toBe('127.0.0.1');
    expect(h.api.calls.filter((c) => c.method === 'getUpdates')).toHaveLength(0);
  });

  it('GIVEN an update posted with the right secret THEN it is answered', async () => {
    const u = user(601);
    h.api.push(messageUpdate(u, 'how many overseas warehouses'));
    await waitFor(() => h.api.sentTo(u.id).length === 1, 'the webhook answer');
    expect(h.api.deliveries.at(-1)!.status).toBe(200);
    expect(h.api.sentTo(u.id)[0]!.body.text).toContain('58');
  });

  it('GIVEN a wrong or missing secret THEN the request is refused and not processed', async () => {
    const u = user(602);
    const wrong = await post(PATH, { update_id: 9001, ...messageUpdate(u, 'how many overseas warehouses') }, 'wrong_secret');
    const missing = await post(PATH, { update_id: 9002, ...messageUpdate(u, 'how many overseas warehouses') });
    expect(wrong.status).toBe(401);
    expect(missing.status).toBe(401);
    await sleep(200);
    expect(h.api.sentTo(u.id)).toHaveLength(0);
  });

  it('GIVEN the wrong path, a GET, or a broken body THEN nothing is processed', async () => {
    expect((await post('/elsewhere', {}, SECRET)).status).toBe(404);
    expect((await fetch(`${local()}${PATH}`)).status).toBe(405);
    const broken = await fetch(`${local()}${PATH}`, { method: 'POST', headers: { 'x-telegram-bot-api-secret-token': SECRET }, body: '{nope' });
    expect(broken.status).toBe(400);
  });

  it('GIVEN the same update_id delivered 5 times THEN it is answered once, and every delivery gets 200', async () => {
    const u = user(603);
    const update = { update_id: 777_001, ...messageUpdate(u, 'how many overseas warehouses') };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await post(PATH, update, SECRET)).status);
    await waitFor(() => h.api.sentTo(u.id).length === 1, 'the one answer');
    await sleep(300);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(h.api.sentTo(u.id)).toHaveLength(1);
  });

  it('GIVEN an oversized body, declared or chunked THEN the client receives 413', async () => {
    const big = 'x'.repeat(1_100_000);
    const declared = await fetch(`${local()}${PATH}`, { method: 'POST', headers: { 'x-telegram-bot-api-secret-token': SECRET }, body: big });
    expect(declared.status).toBe(413);
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(`${local()}${PATH}`, { method: 'POST', headers: { 'x-telegram-bot-api-secret-token': SECRET, 'transfer-encoding': 'chunked' } }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      for (let i = 0; i < 22; i += 1) req.write('y'.repeat(50_000));
      req.end();
    });
    expect(chunked).toBe(413);
  });

  it('GIVEN stop() THEN the webhook server no longer accepts connections', async () => {
    await h.bot.stop();
    await expect(post(PATH, {}, SECRET)).rejects.toThrow();
  });
});
