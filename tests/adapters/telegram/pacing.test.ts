import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TelegramError } from 'telegraf';
import { createPacer, PacerStopped } from '../../../adapters/telegram/pacer.ts';
import { DEFAULT_RETRY, retryDelayMs, withRetry } from '../../../adapters/telegram/retry.ts';

describe('pacer', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  /** Schedules `n` tasks in one chat and returns the fake-clock time each ran at. */
  function runTimes(n: number, isGroup: boolean, options: Parameters<typeof createPacer>[0]): number[] {
    const pacer = createPacer(options);
    const times: number[] = [];
    for (let i = 0; i < n; i++) void pacer.schedule(1, isGroup, async () => void times.push(Date.now()));
    return times;
  }

  it('GIVEN a private chat THEN a burst of 3 goes at once and the rest one a second, in order', async () => {
    const start = Date.now();
    const times = runTimes(5, false, {});
    await vi.advanceTimersByTimeAsync(5000);
    expect(times.map((t) => Math.round((t - start) / 100) * 100)).toEqual([0, 0, 0, 1000, 2000]);
  });

  it('GIVEN a group THEN no more than groupPerMinute messages go in any minute', async () => {
    const start = Date.now();
    const times = runTimes(5, true, { groupPerMinute: 3, chatBurst: 10, chatPerSecond: 100 });
    await vi.advanceTimersByTimeAsync(61_000);
    expect(times.slice(0, 3).every((t) => t - start < 100)).toBe(true);
    expect(times[3]! - start).toBeGreaterThanOrEqual(60_000);
  });

  it('GIVEN many chats THEN no more than globalPerSecond messages go in any second', async () => {
    const pacer = createPacer({ globalPerSecond: 3 });
    const start = Date.now();
    const times: number[] = [];
    for (let chat = 1; chat <= 7; chat++) void pacer.schedule(chat, false, async () => void times.push(Date.now() - start));
    await vi.advanceTimersByTimeAsync(3000);
    expect(times).toEqual([0, 0, 0, 1000, 1000, 1000, 2000]);
  });

  it('GIVEN stop() THEN tasks waiting for their slot are refused with PacerStopped and never run', async () => {
    const pacer = createPacer({ chatBurst: 1, chatPerSecond: 1 });
    const ran: number[] = [];
    const first = pacer.schedule(1, false, async () => void ran.push(1));
    const waiting = pacer.schedule(1, false, async () => void ran.push(2));
    const refused = expect(waiting).rejects.toBeInstanceOf(PacerStopped);
    await vi.advanceTimersByTimeAsync(10);
    pacer.stop();
    await vi.advanceTimersByTimeAsync(2000);
    await first;
    await refused;
    expect(ran).toEqual([1]);
  });
});

describe('retry policy', () => {
  const tg = (code: number, retryAfter?: number): TelegramError =>
    new TelegramError({ error_code: code, description: 'x', ...(retryAfter ? { parameters: { retry_after: retryAfter } } : {}) });

  it('GIVEN a 429 THEN the wait is retry_after seconds', () => expect(retryDelayMs(tg(429, 3), 1, DEFAULT_RETRY)).toBe(3000));
  it('GIVEN a 429 asking for too long THEN it is final', () => expect(retryDelayMs(tg(429, 3600), 1, DEFAULT_RETRY)).toBeNull());
  it('GIVEN a 5xx THEN backoff doubles', () => {
    expect(retryDelayMs(tg(502), 1, DEFAULT_RETRY)).toBeLessThanOrEqual(360);
    expect(retryDelayMs(tg(502), 3, DEFAULT_RETRY)).toBeGreaterThanOrEqual(960);
  });
  it('GIVEN a 400 or 403 THEN it is final', () => {
    expect(retryDelayMs(tg(400), 1, DEFAULT_RETRY)).toBeNull();
    expect(retryDelayMs(tg(403), 1, DEFAULT_RETRY)).toBeNull();
  });
  it('GIVEN a connection reset THEN it is retried', () =>
    expect(retryDelayMs(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 1, DEFAULT_RETRY)).not.toBeNull());
  it('GIVEN failures beyond maxAttempts THEN the last error is thrown after exactly that many tries', async () => {
    let tries = 0;
    const call = withRetry('x', async () => { tries++; throw tg(502); }, { ...DEFAULT_RETRY, maxAttempts: 3, baseDelayMs: 1 });
    await expect(call).rejects.toBeInstanceOf(TelegramError);
    expect(tries).toBe(3);
  });
});
