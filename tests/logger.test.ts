import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../src/index.ts';

describe('redactSecrets', () => {
  it('GIVEN a configured secret anywhere in text THEN replaces it', () => {
    expect(redactSecrets('token=abcdef123456 and again abcdef123456', ['abcdef123456'])).toBe('token=[redacted] and again [redacted]');
  });

  it('GIVEN a Telegram bot URL THEN hides its token even if not configured', () => {
    expect(redactSecrets('GET https://api.telegram.org/bot123456:AAE-x_y/getMe', [])).toBe('GET https://api.telegram.org/bot[redacted]/getMe');
  });
});
