import { spawn } from 'node:child_process';
import { PROJECT_ROOT } from '../../../src/index.ts';
import { waitFor } from './wait.ts';

/** `npm start` (node --import tsx adapters/start.ts) as a child process, with everything it printed. */
export interface BotProcess {
  /** stdout and stderr so far. */
  readonly output: string;
  /** Sends `signal`; resolves with the exit code (null when killed by a signal). */
  stop(signal: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts the real bot with `env` (and PATH; no other variable leaks in from the test's environment)
 * and resolves once it logged "gansu-bot started".
 */
export async function startBotProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<BotProcess> {
  // What `npm start` runs: node itself with tsx's loader, so a signal reaches the bot and nothing between.
  const child = spawn(process.execPath, ['--import', 'tsx', 'adapters/start.ts'], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? '', DISCORD_TOKEN: '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await waitFor(() => output.includes('gansu-bot started') || child.exitCode !== null, 'the bot to start', timeoutMs, 20);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  if (child.exitCode !== null) throw new Error(`the bot exited ${child.exitCode} at start:\n${output}`);
  return {
    get output() {
      return output;
    },
    stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
