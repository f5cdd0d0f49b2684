import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactSecrets, scrubError } from '../src/index.ts';

const TOKEN = '123456:AAE-secret_token';

/** A logger writing into an array, and the array. */
function capture(): { logger: ReturnType<typeof createLogger>; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => void (lines.push(String(chunk)), done()) });
  return { logger: createLogger('debug', [TOKEN], sink), lines };
}

describe('redactSecrets', () => {
  it('GIVEN a configured secret anywhere in text THEN replaces it', () => {
    expect(redactSecrets('token=abcdef123456 and again abcdef123456', ['abcdef123456'])).toBe('token=[redacted] and again [redacted]');
  });

  it('GIVEN a Telegram bot URL THEN hides its token even if not configured', () => {
    expect(redactSecrets('GET https://api.telegram.org/bot123456:AAE-x_y/getMe', [])).toBe('GET https://api.telegram.org/bot[redacted]/getMe');
  });
});

describe('the logger', () => {
  it.each(['err', 'error', 'cause', 'whatever'])('GIVEN an error holding the token under the key %j THEN the line has no token', (key) => {
    const { logger, lines } = capture();
    const error = Object.assign(new Error(`request to /bot${TOKEN}/getMe failed`), { url: `https://x/bot${TOKEN}/getMe` });
    logger.error({ [key]: error }, 'failed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('AAE-secret_token');
    expect(JSON.parse(lines[0]!)[key]).toMatchObject({ name: 'Error', message: 'request to /bot[redacted]/getMe failed' });
  });

  it('GIVEN the token in a nested string and in the message THEN both are scrubbed', () => {
    const { logger, lines } = capture();
    logger.warn({ detail: { note: `token ${TOKEN}` } }, `saw ${TOKEN}`);
    expect(lines[0]).not.toContain(TOKEN);
    expect(lines[0]).toContain('[redacted]');
  });
});

describe('scrubError', () => {
  it('GIVEN a thrown string or an error with code, status and url THEN keeps the fields, scrubbed', () => {
    expect(scrubError(`bad ${TOKEN}`, [TOKEN])).toEqual({ name: 'NonError', message: 'bad [redacted]' });
    const error = Object.assign(new Error('x'), { code: 50035, status: 400, method: 'PUT', url: '/interactions/1234/tok-en/callback' });
    expect(scrubError(error, [])).toMatchObject({ code: 50035, status: 400, method: 'PUT', url: '/interactions/1234/[redacted]/callback' });
  });
});
