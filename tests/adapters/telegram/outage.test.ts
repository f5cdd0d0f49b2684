import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../../src/index.ts';
import { startHarness, type Harness } from '../../fakes/telegram/harness.ts';
import { waitFor } from '../../fakes/telegram/wait.ts';
import { user } from '../../fakes/telegram/updates.ts';

const assistant = createAssistant();
let h: Harness;
// Two tries a round, 300 ms between rounds: an outage of a few rounds in a second.
beforeAll(async () => void (h = await startHarness(assistant, { retry: { maxAttempts: 2, baseDelayMs: 20, resendAfterMs: 300 } })));
afterAll(() => h.close());

const attemptsTo = (chatId: number): number => h.api.calls.filter((c) => c.method === 'sendMessage' && Number(c.body.chat_id) === chatId).length;

describe('an outage of Telegram', () => {
  it('GIVEN 502s through two rounds of tries THEN the reply waits in the outbox and goes out once Telegram is back', async () => {
    const u = user(831);
    h.api.fail('sendMessage', { kind: 'status', status: 502 }, 5);
    const reply = await h.ask(u, 'how many overseas warehouses');
    expect(reply.body.text).toContain('58 warehouses');
    expect(attemptsTo(u.id)).toBe(6);
    expect(h.api.sentTo(u.id)).toHaveLength(1);
    await waitFor(() => h.logs.some((l) => l.includes('telegram unreachable; the reply waits')), 'the logged wait');
  });
});
