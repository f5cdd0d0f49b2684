import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/index.ts';

function sources(dir: string): string[] {
  return readdirSync(path.join(PROJECT_ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

/**
 * Every module a source names: `import … from`, `export … from`, a bare `import 'x'`, dynamic
 * `import('x')` and `require('x')`, with single, double or back quotes.
 */
function specifiersIn(source: string): string[] {
  return [...source.matchAll(/\b(?:from|import|require)\s*\(?\s*(['"`])([^'"`\n]+)\1/g)].map((m) => m[2]!);
}

const importsOf = (file: string): string[] => specifiersIn(readFileSync(path.join(PROJECT_ROOT, file), 'utf8'));

describe('architecture', () => {
  it('GIVEN every way TypeScript can name a module THEN the scanner finds each', () => {
    const source = [
      `import { a } from 'one';`,
      `import type { B } from "two";`,
      `export { c } from 'three';`,
      `export * from "four";`,
      `import 'five';`,
      `const six = await import("six");`,
      'const seven = await import(`seven`);',
      `const eight = require('eight');`,
      `import {\n  nine,\n} from "nine";`,
    ].join('\n');
    expect(specifiersIn(source)).toEqual(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']);
  });

  it('GIVEN the core THEN it imports no platform library, no chart renderer, no metrics library and no adapter', () => {
    const files = sources('src');
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      for (const spec of importsOf(file)) {
        expect(spec, file).not.toMatch(/^(discord\.js|@discordjs\/|telegraf|ws$|vega|@resvg\/|@embedpdf\/|prom-client)|adapters\//);
      }
    }
  });

  it('GIVEN an adapter THEN it reaches the core only through src/index.ts', () => {
    const coreImports = sources('adapters').flatMap((file) => importsOf(file).filter((s) => s.includes('/src/')).map((spec) => [file, spec] as const));
    expect(coreImports.length).toBeGreaterThan(10);
    for (const [file, spec] of coreImports) expect(spec, file).toMatch(/\/src\/index\.ts$/);
  });
});
