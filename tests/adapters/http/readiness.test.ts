import { describe, expect, it } from 'vitest';
import { readinessOf, type Readiness } from '../../../adapters/http/index.ts';

const up = (): Readiness => ({ ready: true, reason: null });
const started = (entries: Array<[string, () => Readiness]>) => new Map(entries);

describe('GIVEN the parts /readyz looks at', () => {
  it('WHEN the knowledge is loaded and no platform is configured (the console) THEN ready', () => {
    expect(readinessOf({ facts: 363, configured: [], started: started([]) })).toEqual({ ready: true, reason: null, facts: 363, platforms: {} });
  });

  it('WHEN no facts are loaded THEN not ready, whatever the platforms say', () => {
    expect(readinessOf({ facts: 0, configured: ['telegram'], started: started([['telegram', up]]) })).toMatchObject({ ready: false, reason: 'knowledge: no facts loaded' });
  });

  it('WHEN a configured platform has not started yet THEN not ready, naming it', () => {
    const report = readinessOf({ facts: 10, configured: ['telegram', 'discord'], started: started([['telegram', up]]) });
    expect(report).toMatchObject({ ready: false, reason: 'discord: not connected yet', platforms: { telegram: { ready: true }, discord: { ready: false } } });
  });

  it("WHEN a started platform reports a problem THEN its reason is the report's, prefixed with the platform", () => {
    const report = readinessOf({ facts: 10, configured: ['telegram'], started: started([['telegram', () => ({ ready: false, reason: 'long polling stopped' })]]) });
    expect(report.reason).toBe('telegram: long polling stopped');
  });

  it('WHEN Redis is degraded THEN /readyz says so but stays ready (every replica loses the same Redis)', () => {
    const report = readinessOf({ facts: 10, configured: ['telegram'], started: started([['telegram', up]]), redis: () => 'degraded' });
    expect(report).toMatchObject({ ready: true, reason: null, redis: 'degraded' });
    expect(readinessOf({ facts: 10, configured: [], started: started([]) })).not.toHaveProperty('redis');
  });
});
