import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/index.ts';
import { waitFor } from '../../fakes/telegram/wait.ts';
import { get, loggedPort, sample } from '../../helpers/http.ts';
import { NO_PLATFORMS } from '../../helpers/run.ts';

describe('GIVEN `npm start` as the terminal chat with HTTP_PORT=0', () => {
  it('WHEN two questions are typed THEN /metrics counts them by outcome, the inbox got the decline, and input end exits 0', async () => {
    const env = { ...process.env, ...NO_PLATFORMS, HTTP_PORT: '0', LOG_LEVEL: 'info', DATA_DIR: path.join(tmpdir(), `gansu-http-console-${process.pid}`) };
    const chat = spawn(process.execPath, ['--import', 'tsx', 'adapters/start.ts'], { cwd: PROJECT_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    chat.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    chat.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    try {
      await waitFor(() => loggedPort(stderr) !== undefined, 'the health server', 20_000);
      const port = loggedPort(stderr)!;
      expect((await get(port, '/readyz')).json).toMatchObject({ ready: true, platforms: {} });
      chat.stdin.write('how many overseas warehouses\nwhat is the weather on mars\n');
      await waitFor(() => stdout.split('\n').filter((l) => l !== '' && !l.startsWith('  ')).length >= 2, 'two answers', 10_000);
      const text = (await get(port, '/metrics')).text;
      expect(sample(text, 'gansu_questions_total', { platform: 'console', outcome: 'answered', language: 'en' })).toBe(1);
      expect(sample(text, 'gansu_questions_total', { platform: 'console', outcome: 'declined', reason: 'off_topic' })).toBe(1);
      expect(sample(text, 'gansu_inbox_records_total', { platform: 'console', kind: 'declined' })).toBe(1);
      expect(sample(text, 'gansu_answer_duration_seconds_count', { platform: 'console' })).toBe(2);
      expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
      chat.stdin.end();
      const code = await new Promise<number | null>((resolve) => (chat.exitCode !== null ? resolve(chat.exitCode) : chat.once('exit', resolve)));
      expect(code).toBe(0);
    } finally {
      if (chat.exitCode === null) chat.kill('SIGKILL');
    }
  });
});
