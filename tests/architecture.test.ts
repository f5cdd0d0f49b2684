import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/index.ts';

function sources(dir: string): string[] {
  return readdirSync(path.join(PROJECT_ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

const importsOf = (file: string) =>
  [...readFileSync(path.join(PROJECT_ROOT, file), 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);

describe('architecture', () => {
  it('GIVEN the core THEN it imports no platform library and no adapter', () => {
    for (const file of sources('src')) {
      for (const spec of importsOf(file)) {
        expect(spec, file).not.toMatch(/^(discord\.js|@discordjs\/|telegraf|ws$)|adapters\//);
      }
    }
  });

  it('GIVEN an adapter THEN it reaches the core only through src/index.ts', () => {
    for (const file of sources('adapters')) {
      for (const spec of importsOf(file).filter((s) => s.includes('/src/'))) {
        expect(spec, file).toMatch(/\/src\/index\.ts$/);
      }
    }
  });
});
