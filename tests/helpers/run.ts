import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/index.ts';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Platform variables blanked so a developer's `.env` never starts a real bot from a test. */
export const NO_PLATFORMS = { TELEGRAM_BOT_TOKEN: '', DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: '' };

const SCRATCH_DATA = path.join(tmpdir(), `gansu-test-data-${process.pid}`);

/** Runs a TypeScript entry of the project with tsx, feeding `input` on stdin; bounded by `timeoutMs`. */
export function runScript(script: string, args: string[], options: { input?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, script), ...args], {
      cwd: PROJECT_ROOT,
      // The database goes to a temporary folder, not the project's data/, unless a test names one.
      env: { ...process.env, ...NO_PLATFORMS, LOG_LEVEL: 'silent', DATA_DIR: SCRATCH_DATA, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not finish within ${options.timeoutMs ?? 15_000} ms`));
    }, options.timeoutMs ?? 15_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}
