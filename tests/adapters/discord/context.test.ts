import { describe, expect, it } from 'vitest';
import { languageFor, noticeLanguage } from '../../../adapters/discord/context.ts';
import { scrubError } from '../../../src/index.ts';

describe('GIVEN a reply language to pick', () => {
  it('WHEN the question is Chinese THEN Chinese, whatever the locale', () => {
    expect(languageFor('甘肃的海外仓有几个？', 'en-US')).toBe('zh');
  });

  it('WHEN the question is English THEN English, whatever the locale', () => {
    expect(languageFor('how many warehouses', 'zh-CN')).toBe('en');
  });

  it('WHEN a notice is due THEN it is Chinese for a Chinese question or a Chinese locale', () => {
    expect(noticeLanguage('how many warehouses', 'zh-CN')).toBe('zh');
    expect(noticeLanguage('甘肃的海外仓有几个？', 'en-US')).toBe('zh');
    expect(noticeLanguage('how many warehouses', 'en-US')).toBe('en');
  });

  it('WHEN there is no question THEN the locale decides: zh-CN and zh-TW are Chinese, others English', () => {
    expect(languageFor('', 'zh-TW')).toBe('zh');
    expect(languageFor('', 'zh-CN')).toBe('zh');
    expect(languageFor('', 'en-GB')).toBe('en');
    expect(languageFor('', null)).toBe('en');
  });
});

describe('GIVEN an error to log', () => {
  const token = 'MTA5ODc2NTQzMjEwOTg3NjU0Mw.GhIjKl.secret-bot-token-value-0123456789';

  it('WHEN its message or url holds the bot token or an interaction token THEN they are redacted', () => {
    const error = Object.assign(new Error(`failed with ${token}`), {
      code: 10062,
      status: 404,
      method: 'POST',
      url: 'https://discord.com/api/v10/interactions/123456789012345678/aW50ZXJhY3Rpb246c2VjcmV0/callback?with_response=false',
    });
    const described = scrubError(error, [token]);
    expect(described).toMatchObject({ name: 'Error', code: 10062, status: 404, method: 'POST' });
    expect(described.url).toBe('https://discord.com/api/v10/interactions/123456789012345678/[redacted]/callback?with_response=false');
    expect(JSON.stringify(described)).not.toContain(token);
    expect(JSON.stringify(described)).not.toContain('aW50ZXJhY3Rpb246c2VjcmV0');
  });

  it('WHEN a webhook path holds a token THEN it is redacted too', () => {
    expect(scrubError('PATCH /webhooks/123456789012345678/aW50ZXJhY3Rpb24xyz/messages/@original', []).message).toBe(
      'PATCH /webhooks/123456789012345678/[redacted]/messages/@original',
    );
  });
});
