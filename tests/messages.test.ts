import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { message, MESSAGES, PROJECT_ROOT } from '../src/index.ts';

/** Files that may hold user-facing words: src/answer words the answers (its own engineer's), the rest is the catalog's. */
const OUTSIDE_CATALOG = /^src\/(answer\/|stats\.ts|knowledge\/|messages\.ts)/;

function sourcesWithWords(): string[] {
  return ['src', 'adapters'].flatMap((dir) =>
    readdirSync(path.join(PROJECT_ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => path.join(dir, f))
      .filter((f) => !OUTSIDE_CATALOG.test(f)),
  );
}

const withoutComments = (code: string): string => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('the message catalog', () => {
  it('GIVEN every message THEN it has English and Chinese text with the same placeholders', () => {
    for (const [key, text] of Object.entries(MESSAGES)) {
      // Chinese text, or at least Chinese punctuation (a format such as figureLine).
      expect(text.zh, key).toMatch(/[\p{Script=Han}：（]/u);
      const names = (t: string): string[] => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
      expect(names(text.zh), key).toEqual(names(text.en));
    }
  });

  it('GIVEN placeholders THEN message fills them and leaves unknown ones visible', () => {
    expect(message('unknownCommand', 'en', { name: 'foo' })).toBe('Unknown command /foo. Try /help.');
    expect(message('aboutTitle', 'zh')).toBe('gansu-bot：{scope}问答');
  });

  it('GIVEN the code outside src/answer THEN no Chinese string and no zh ? … : … choice lives outside the catalog', () => {
    const files = sourcesWithWords();
    expect(files.length).toBeGreaterThan(30);
    const offenders = files.flatMap((file) => {
      const code = withoutComments(readFileSync(path.join(PROJECT_ROOT, file), 'utf8'));
      const han = [...code.matchAll(/(['"`])(?:(?!\1)[^\n])*\p{Script=Han}(?:(?!\1)[^\n])*\1/gu)].map((m) => `${file}: ${m[0]}`);
      const choices = [...code.matchAll(/(?:\bzh|===\s*'zh')\s*\?\s*(['"`])(?!(?:zh|en)\1)/g)].map((m) => `${file}: ${m[0]}`);
      return [...han, ...choices];
    });
    expect(offenders).toEqual([]);
  });
});
