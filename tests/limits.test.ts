import { describe, expect, it } from 'vitest';
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
