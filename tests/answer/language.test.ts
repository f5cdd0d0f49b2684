import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/index.ts';

describe('detectLanguage', () => {
  it.each([
    ['how many overseas warehouses', 'en'],
    ['甘肃的海外仓有几个？', 'zh'],
    ['甘肅的海外倉有幾個？', 'zh'],
    ['Gansu 海外仓有几个', 'zh'],
    ['what does 兰洽会 mean in english please', 'en'],
    ['', 'en'],
    ['🍎🍎', 'en'],
  ])('GIVEN %j THEN answers in %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });
});
