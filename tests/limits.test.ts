import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRateLimiter } from '../src/index.ts';

describe('createRateLimiter', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('GIVEN requests over the limit THEN allows, notifies once, then stays silent until the window passes', async () => {
    const limiter = createRateLimiter({ count: 2, windowMs: 1000 });
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await limiter.check('a'));
    expect(decisions).toEqual(['allow', 'allow', 'notify', 'silent']);
    vi.advanceTimersByTime(1001);
    expect(await limiter.check('a')).toBe('allow');
  });

  it('GIVEN two users THEN limits each on its own', async () => {
    const limiter = createRateLimiter({ count: 1, windowMs: 1000 });
    expect([await limiter.check('a'), await limiter.check('b'), await limiter.check('a')]).toEqual(['allow', 'allow', 'notify']);
  });

  // A window counts from the key's first request (a later one inside it does not extend it), to the millisecond.
  it.each([
    { windowMs: 1000, inside: 600 },
    { windowMs: 1500, inside: 1200 },
  ])('GIVEN a window of $windowMs ms THEN a request $inside ms in is refused and one just past the window allowed', async ({ windowMs, inside }) => {
    const limiter = createRateLimiter({ count: 1, windowMs });
    await limiter.check('a');
    vi.advanceTimersByTime(inside);
    expect(await limiter.check('a')).toBe('notify');
    vi.advanceTimersByTime(windowMs - inside + 1);
    expect(await limiter.check('a')).toBe('allow');
  });
});
