import { describe, expect, it, vi } from 'vitest';
import { settlesWithin, withTimeout } from '../src/index.ts';

describe('withTimeout', () => {
  it('GIVEN work that finishes in time THEN its value; GIVEN work that hangs THEN done is false at the deadline', async () => {
    vi.useFakeTimers();
    try {
      expect(await withTimeout(Promise.resolve(7), 100)).toEqual({ done: true, value: 7 });
      const hanging = withTimeout(new Promise(() => undefined), 100);
      await vi.advanceTimersByTimeAsync(100);
      expect(await hanging).toEqual({ done: false });
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('GIVEN work that rejects in time THEN the rejection is passed on, while settlesWithin says true', async () => {
    await expect(withTimeout(Promise.reject(new Error('boom')), 100)).rejects.toThrow('boom');
    expect(await settlesWithin(Promise.reject(new Error('boom')), 100)).toBe(true);
  });
});
