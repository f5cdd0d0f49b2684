import { describe, expect, it, vi } from 'vitest';
import { createRateLimiter } from '../src/index.ts';

describe('createRateLimiter', () => {
  it('GIVEN requests over the limit THEN allows, notifies once, then stays silent until the window passes', () => {
    let now = 0;
    const limiter = createRateLimiter({ count: 2, windowMs: 1000, now: () => now });
    expect(['a', 'a', 'a', 'a'].map((k) => limiter.check(k))).toEqual(['allow', 'allow', 'notify', 'silent']);
    now = 1001;
    expect(limiter.check('a')).toBe('allow');
  });

  it('GIVEN two users THEN limits each on its own', () => {
    const limiter = createRateLimiter({ count: 1, windowMs: 1000, now: () => 0 });
    expect([limiter.check('a'), limiter.check('b'), limiter.check('a')]).toEqual(['allow', 'allow', 'notify']);
  });

  it('GIVEN a sliding window THEN frees one slot as the oldest request expires', () => {
    let now = 0;
    const limiter = createRateLimiter({ count: 2, windowMs: 1000, now: () => now });
    limiter.check('a');
    now = 600;
    limiter.check('a');
    now = 1001;
    expect(limiter.check('a')).toBe('allow');
    expect(limiter.check('a')).toBe('notify');
  });
});

describe('createRateLimiter memory', () => {
  it('GIVEN 10,000 users who each asked once THEN their entries expire with the window', () => {
    vi.useFakeTimers();
    try {
      const limiter = createRateLimiter({ count: 2, windowMs: 60_000 });
      for (let i = 0; i < 10_000; i++) limiter.check(`user-${i}`);
      expect(limiter.size).toBe(10_000);
      vi.advanceTimersByTime(60_001);
      limiter.check('late');
      expect(limiter.size).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('GIVEN a user still inside the window THEN the sweep keeps their count', () => {
    vi.useFakeTimers();
    try {
      const limiter = createRateLimiter({ count: 1, windowMs: 1000 });
      limiter.check('early');
      vi.advanceTimersByTime(900);
      limiter.check('kept');
      vi.advanceTimersByTime(200);
      limiter.check('other');
      expect([limiter.size, limiter.check('kept')]).toEqual([2, 'notify']);
    } finally {
      vi.useRealTimers();
    }
  });
});
