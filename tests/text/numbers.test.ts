import { describe, expect, it } from 'vitest';
import { countOf, formatCount, message } from '../../src/index.ts';

describe('numbers in messages', () => {
  it('GIVEN counts THEN Intl groups thousands and PluralRules picks the noun form', () => {
    expect([formatCount(1234567, 'en'), formatCount(1234567, 'zh')]).toEqual(['1,234,567', '1,234,567']);
    expect([countOf(1, { one: 'command', other: 'commands' }), countOf(12, { one: 'command', other: 'commands' })]).toEqual(['1 command', '12 commands']);
  });

  it('GIVEN a number placeholder THEN the catalog formats it', () => {
    expect(message('aboutText', 'en', { scope: 'x', facts: 12345 })).toContain('from 12,345 curated facts');
  });
});
