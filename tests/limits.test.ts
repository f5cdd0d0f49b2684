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

  it('GIVEN a window counted from the first request THEN a later request inside it does not extend it', async () => {
    const limiter = createRateLimiter({ count: 1, windowMs: 1000 });
    await limiter.check('a');
    vi.advanceTimersByTime(600);
    expect(await limiter.check('a')).toBe('notify');
    vi.advanceTimersByTime(401);
    expect(await limiter.check('a')).toBe('allow');
  });

  it('GIVEN a fractional window (a 1.5 s cooldown) THEN it holds for that long, not a rounded second', async () => {
    const limiter = createRateLimiter({ count: 1, windowMs: 1500 });
    await limiter.check('a');
    vi.advanceTimersByTime(1200);
    expect(await limiter.check('a')).toBe('notify');
    vi.advanceTimersByTime(301);
    expect(await limiter.check('a')).toBe('allow');
  });
});
