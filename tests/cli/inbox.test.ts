import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../helpers/run.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'gansu-inbox-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const env = { DATA_DIR: dataDir };

describe('npm run inbox', () => {
  it('GIVEN a scripted console session THEN its declined questions are listed grouped, with counts, and the ask CLI added nothing', async () => {
    const session = [
      'How many pandas live in Gansu zoos?',
      'how many pandas are there in gansu?',
      'How many overseas warehouses does Gansu have?',
      'What was the GDP of Lanzhou in 1850?',
      '/feedback please add the 2025 train count',
    ].join('\n');
    const chat = await runScript('adapters/start.ts', [], { input: `${session}\n`, env, timeoutMs: 30_000 });
    expect(chat.code).toBe(0);
    const ask = await runScript('adapters/cli/ask.ts', ['--json', '--stdin'], { input: 'How many elephants are in Gansu?\n', env, timeoutMs: 30_000 });
    expect(ask.code).toBe(0);

    const json = await runScript('adapters/cli/inbox.ts', ['--json'], { env, timeoutMs: 30_000 });
    expect(json.code).toBe(0);
    const groups = JSON.parse(json.stdout) as Array<{ about: string; count: number; languages: string[]; kinds: Record<string, number>; questions: string[] }>;
    const pandas = groups.find((g) => g.questions.some((q) => q.includes('pandas')))!;
    expect(pandas).toMatchObject({ count: 2, languages: ['en'], kinds: { declined: 2 } });
    expect(groups.some((g) => g.kinds.feedback === 1)).toBe(true);
    expect(groups.flatMap((g) => g.questions).join('\n')).not.toMatch(/warehouses|elephants/);

    const table = await runScript('adapters/cli/inbox.ts', ['--since', '1h'], { env, timeoutMs: 30_000 });
    expect(table.code).toBe(0);
    const row = table.stdout.split('\n').find((l) => l.includes('pandas'))!;
    expect(row).toMatch(/\s2\s+en\s/);
  }, 120_000); // four programs, each loading the base, one after another

  it('GIVEN a --since that is not a span THEN it exits 2 with usage', async () => {
    const result = await runScript('adapters/cli/inbox.ts', ['--since', 'yesterday'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--since');
  });
});
