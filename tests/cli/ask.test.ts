import { cpSync, mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/index.ts';
import { runScript } from '../helpers/run.ts';

describe('npm run ask', () => {
  it('GIVEN a bare CR inside a line, CRLF endings and no final newline THEN exactly one answer per input line', async () => {
    const { code, stdout } = await runScript('adapters/cli/ask.ts', ['--json', '--stdin'], { input: 'how many overseas\rwarehouses\r\n%\r\nwhat % $ ?!\n甘肃有多少个海外仓？' });
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { question: string; answered: boolean });
    expect(lines.map((l) => [l.question, l.answered])).toEqual([
      ['how many overseas warehouses', true],
      ['%', false],
      ['what % $ ?!', false],
      ['甘肃有多少个海外仓？', true],
    ]);
  });

  it('GIVEN --json --stdin THEN writes one JSON object per line, in order, in the scorer contract', async () => {
    const { code, stdout } = await runScript('adapters/cli/ask.ts', ['--json', '--stdin'], {
      input: 'how many overseas warehouses\n甘肃友好城市有多少？\nWhat time is it in Beijing?\n',
    });
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.answered, l.language])).toEqual([[true, 'en'], [true, 'zh'], [false, 'en']]);
    expect(Object.keys(lines[0]!)).toEqual(['question', 'answered', 'text', 'language', 'facts', 'confidence', 'sources', 'followUps']);
    expect(lines[0]!.facts).toEqual([{ id: 'warehouses-overseas', topic: 'warehouses' }]);
    expect(String(lines[1]!.text)).toContain('69');
  });

  it('GIVEN JSON object lines (the scorer\'s conversation form) THEN answers each one\'s question, one line each', async () => {
    const input = [
      JSON.stringify({ question: 'how many overseas warehouses', conversation: 'c1' }),
      '{not json, a question that starts with a brace',
      JSON.stringify({ question: 'What time is it in Beijing?', conversation: 'c1' }),
    ].join('\n');
    const { code, stdout } = await runScript('adapters/cli/ask.ts', ['--json', '--stdin'], { input: `${input}\n` });
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.question)).toEqual(['how many overseas warehouses', '{not json, a question that starts with a brace', 'What time is it in Beijing?']);
    expect(lines.map((l) => l.answered)).toEqual([true, false, false]);
  });

  it('GIVEN a question argument THEN prints the answer with its source', async () => {
    const { code, stdout } = await runScript('adapters/cli/ask.ts', ['how many sister cities']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^International sister cities: 69 sister cities/);
    expect(stdout).toContain('Source: ');
  });

  it('GIVEN no question THEN prints one usage line and exits 2', async () => {
    const { code, stderr } = await runScript('adapters/cli/ask.ts', []);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^gansu-bot: no question given; usage: npm run ask -- \[--json\] "question"/);
  });

  it('GIVEN a misspelt option (--jsno) THEN it is a usage error: one line, exit 2, nothing on stdout', async () => {
    const { code, stdout, stderr } = await runScript('adapters/cli/ask.ts', ['--jsno', 'how many overseas warehouses']);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^gansu-bot: Unknown option '--jsno'.*; usage: npm run ask/);
  });

  it('GIVEN a broken fact file in KNOWLEDGE_DIR THEN exits 1 with one line naming file, line and field', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gansu-knowledge-'));
    cpSync(path.join(PROJECT_ROOT, 'knowledge'), dir, { recursive: true });
    const file = path.join(dir, 'warehouses.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('value: 58', 'value: fifty-eight'));
    const { code, stderr } = await runScript('adapters/cli/ask.ts', ['hello'], { env: { KNOWLEDGE_DIR: dir } });
    rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^gansu-bot: .*warehouses\.yaml:\d+ facts\[0\]\.figures\[0\]\.value: .*number/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('npm run stats', () => {
  it('GIVEN --json THEN lists every figure with value, unit and period', async () => {
    const { code, stdout } = await runScript('adapters/cli/stats.ts', ['--json']);
    expect(code).toBe(0);
    const items = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(Object.keys(items[0]!)).toEqual(['key', 'topic', 'label', 'value', 'unit', 'period', 'factId', 'measure', 'periodStart', 'periodEnd', 'source']);
    const byKey = Object.fromEntries(items.map((i) => [i.key, i]));
    expect(byKey['international-trains']).toMatchObject({ value: 124, unit: 'trains' });
    expect(byKey['tcm-patients']).toMatchObject({ value: 236900 });
    expect(byKey['fdi']).toMatchObject({ value: 8.619, unit: 'USD million' });
  });

  it('GIVEN a topic THEN narrows the list; an unknown one exits 1 naming the topics', async () => {
    const exports = await runScript('adapters/cli/stats.ts', ['exports']);
    expect(exports.stdout).toContain('Apple juice exports: US$320 million');
    expect(exports.stdout).not.toContain('warehouses');
    const unknown = await runScript('adapters/cli/stats.ts', ['weather']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Topics: routes');
  });
});
