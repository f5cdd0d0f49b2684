import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../../src/index.ts';
import { startHarness, type Harness } from '../../fakes/telegram/harness.ts';
import { messageUpdate, user } from '../../fakes/telegram/updates.ts';
import { sleep, waitFor } from '../../fakes/telegram/wait.ts';

const assistant = createAssistant();
let h: Harness;
beforeAll(async () => void (h = await startHarness(assistant, { rateLimit: { count: 1000, windowMs: 60_000 } })));
afterAll(() => h.close());

const QUESTIONS = ['how many overseas warehouses', '甘肃的海外仓有几个？', '/stats', 'What time is it in Beijing?'];

describe('load', () => {
  it('GIVEN 200 updates from 50 users THEN each is answered exactly once, within Telegram\'s 30 messages a second', async () => {
    const users = Array.from({ length: 50 }, (_, i) => user(10_000 + i));
    const started = Date.now();
    for (let round = 0; round < 4; round++) for (const u of users) h.api.push(messageUpdate(u, QUESTIONS[round]!));
    await waitFor(() => h.api.ok('sendMessage').length >= 200, '200 replies', 20_000, 20);
    const seconds = (Date.now() - started) / 1000;
    await sleep(300);
    expect(h.api.ok('sendMessage')).toHaveLength(200);
    for (const u of users) {
      const replies = h.api.sentTo(u.id).map((c) => String(c.body.text));
      expect(replies).toHaveLength(4);
      expect(replies[0]).toContain('58 warehouses');
      expect(replies[1]).toContain('58个');
    }
    // Pacing: 31 sends never arrive within one second. The fake shares the bot's event loop, so on a busy
    // 2-core box arrivals bunch by a few hundred ms; the exact window is checked in pacing.test.ts.
    const times = h.api.ok('sendMessage').map((c) => c.at);
    for (let i = 30; i < times.length; i++) expect(times[i]! - times[i - 30]!).toBeGreaterThanOrEqual(700);
    expect(seconds).toBeGreaterThanOrEqual((200 - 30) / 30 - 0.3);
    console.info(`[telegram load] 200 updates answered in ${seconds.toFixed(2)} s: ${(200 / seconds).toFixed(1)} updates/s (paced at 30 msg/s)`);
  }, 25_000);
});
