import { describe, expect, it } from 'vitest';
import { createMemoryClaims } from '../../src/store/claims.ts';

describe('memory update claims', () => {
  it('GIVEN a claimed key THEN a second claim is refused until the lease runs out', async () => {
    let clock = 0;
    const claims = createMemoryClaims({ now: () => clock });
    expect(await claims.claim('telegram:1', 1000)).toBe(true);
    expect(await claims.claim('telegram:1', 1000)).toBe(false);
    clock = 1001;
    expect(await claims.claim('telegram:1', 1000)).toBe(true);
  });

  it('GIVEN a settled key THEN it stays taken for the retention, and a released one is free at once', async () => {
    let clock = 0;
    const claims = createMemoryClaims({ now: () => clock, retentionMs: 10_000 });
    await claims.claim('a', 100);
    await claims.settle('a');
    clock = 5000;
    expect(await claims.claim('a', 100)).toBe(false);
    clock = 10_001;
    expect(await claims.claim('a', 100)).toBe(true);
    await claims.release('a');
    expect(await claims.claim('a', 100)).toBe(true);
  });
});
