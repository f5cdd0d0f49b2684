import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant, MESSAGES } from '../../../src/index.ts';
import { startHarness, type Harness } from '../../fakes/telegram/harness.ts';
import { plainOf } from '../../fakes/telegram/html.ts';
import { group, messageUpdate, user } from '../../fakes/telegram/updates.ts';
import { sleep, waitFor } from '../../fakes/telegram/wait.ts';

const assistant = createAssistant();
let h: Harness;
// The group's own limits lifted and its queue cut to 40, so the queue fills within seconds rather than
// in Telegram's minutes at 20 messages a minute; the global 30 a second stays.
const QUEUE = 40;
beforeAll(async () => void (h = await startHarness(assistant, { pacing: { chatBurst: 200, chatPerSecond: 200, groupPerMinute: 100_000, maxQueuePerChat: QUEUE } })));
afterAll(() => h.close());

describe('a busy group', () => {
  it('GIVEN 150 users asking at once in one group THEN each is answered or named in a "busy, ask again in a minute", never both, never neither', async () => {
    const chat = group(7000);
    const askers = new Map<number, number>();
    for (let i = 0; i < 150; i += 1) {
      const update = messageUpdate(user(70_000 + i), `@${h.api.state.me.username} how many overseas warehouses`, chat);
      askers.set((update.message as { message_id: number }).message_id, 70_000 + i);
      h.api.push(update);
    }
    const told = (): Set<number> =>
      new Set(h.api.sentTo(chat.id).flatMap((c) => (plainOf(c.body.text).includes(MESSAGES.busy.en) ? [...String(c.body.text).matchAll(/tg:\/\/user\?id=(\d+)/g)].map((m) => Number(m[1])) : [])));
    const answered = (): Set<number> =>
      new Set(h.api.sentTo(chat.id).flatMap((c) => (c.body.reply_parameters ? [askers.get(c.body.reply_parameters.message_id)!] : [])));
    await waitFor(() => answered().size + told().size >= 150, 'every asker answered or told', 30_000, 50);
    await sleep(500);
    const [a, t] = [answered(), told()];
    expect([...askers.values()].every((id) => a.has(id) !== t.has(id))).toBe(true);
    expect(a.size).toBeGreaterThanOrEqual(QUEUE);
    expect(t.size).toBeGreaterThan(0);
    const notices = h.api.sentTo(chat.id).filter((c) => plainOf(c.body.text).includes(MESSAGES.busy.en)).length;
    // Told together: a notice names up to 50 askers, so a flood costs a few messages, not one each.
    expect(notices).toBeLessThanOrEqual(Math.ceil(t.size / 50) + 2);
    expect(h.api.sentTo(chat.id)).toHaveLength(a.size + notices);
    console.info(`[telegram busy] 150 users in one group: ${a.size} answered, ${t.size} told to ask again in ${notices} messages, 0 silent`);
  }, 40_000);
});
