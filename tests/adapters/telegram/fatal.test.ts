import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../../src/index.ts';
import { startHarness } from '../../fakes/telegram/harness.ts';
import { waitFor } from '../../fakes/telegram/wait.ts';

describe('a polling error telegraf does not retry', () => {
  it('GIVEN 409 Conflict on getUpdates (another instance polls) THEN onFatal is told once, without the token, and readiness says polling stopped', async () => {
    const errors: Error[] = [];
    const h = await startHarness(createAssistant(), { onFatal: (error) => errors.push(error) });
    try {
      await waitFor(() => h.bot.readiness().ready, 'long polling to run', 10_000);
      h.api.fail('getUpdates', { kind: 'status', status: 409, description: 'Conflict: terminated by other getUpdates request' });
      await waitFor(() => errors.length > 0, 'onFatal', 10_000);
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toContain('Conflict');
      expect(JSON.stringify(errors[0])).not.toContain(h.api.token);
      expect(h.bot.readiness()).toEqual({ ready: false, reason: 'long polling stopped' });
    } finally {
      await h.close();
    }
  });
});
