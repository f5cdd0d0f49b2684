import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../src/index.ts';
import type { FakeDiscord } from './server.ts';

/** The real `npm start` (tsx adapters/start.ts) as a child process, with its output collected. */
export interface BotProcess {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal) once it has exited. */
  exited(): Promise<number | null>;
  /** SIGTERM to tsx, which passes it on to the bot; SIGKILL to the whole group (tsx runs the bot as its child, which a SIGKILL to tsx alone would orphan). */
  kill(signal: 'SIGTERM' | 'SIGKILL'): void;
  /** Whether the bot's process group is gone (tsx and the node process it started). */
  gone(): boolean;
}

/** The environment that points the bot's Discord adapter at `fake` (REST, and the gateway through `/gateway/bot`). */
export function discordEnv(fake: FakeDiscord): Record<string, string> {
  return { DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_REST_API: fake.restApi };
}

/** Starts `npm start` with only PATH from this process's environment and `env` on top. */
export function spawnBot(env: Record<string, string>): BotProcess {
  const child = spawn(path.join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['adapters/start.ts'], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, TELEGRAM_BOT_TOKEN: '', DISCORD_TOKEN: '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const pid = child.pid!;
  const gone = (): boolean => {
    try {
      process.kill(-pid, 0);
      return false;
    } catch {
      return true;
    }
  };
  return {
    child,
    output: () => output,
    exited: () => exit,
    gone,
    kill: (signal) => {
      if (signal === 'SIGTERM') child.kill('SIGTERM');
      else if (!gone()) process.kill(-pid, 'SIGKILL');
    },
  };
}
