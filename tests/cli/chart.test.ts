import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pngSize } from '../fakes/png.ts';
import { runScript } from '../helpers/run.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'gansu-chart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run chart', () => {
  it('GIVEN a measure and --out THEN it writes an 800x450 PNG there and prints its path', async () => {
    const out = path.join(dir, 'x.png');
    const { code, stdout, stderr } = await runScript('adapters/cli/chart.ts', ['trade-total', '--zh', '--out', out], { timeoutMs: 30_000 });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(out);
    expect(pngSize(readFileSync(out))).toEqual({ width: 800, height: 450 });
  });

  it('GIVEN a measure without two periods THEN exits 2 with one line saying so', async () => {
    const { code, stderr } = await runScript('adapters/cli/chart.ts', ['tcm-institutions-abroad'], { timeoutMs: 30_000 });
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('gansu-bot: "tcm-institutions-abroad" has fewer than two periods to draw; usage: npm run chart -- <measure> [--zh] [--out FILE.png]');
  });
});
