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

  it('GIVEN stop() THEN the webhook server no longer accepts connections', async () => {
    await h.bot.stop();
    await expect(post(PATH, {}, SECRET)).rejects.toThrow();
  });
});
