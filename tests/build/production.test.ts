import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/index.ts';
import { plainOf } from '../fakes/telegram/html.ts';
import { FakeBotApi } from '../fakes/telegram/server.ts';
import { messageUpdate, user } from '../fakes/telegram/updates.ts';
import { waitFor } from '../fakes/telegram/wait.ts';
import { get, loggedPort } from '../helpers/http.ts';

const run = promisify(execFile);
/** What the Dockerfile's build stage copies before `npm run build`. */
const SOURCES = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'src', 'adapters', 'knowledge'];
/** Dev dependencies that must be gone after the prune (the bot must not need them). */
const DEV_ONLY = ['tsx', 'typescript', 'vitest', 'eslint', 'knip'];

// The Dockerfile's steps on a temporary copy: sources and installed node_modules (what `npm ci` gives,
// copied rather than installed again: better-sqlite3 compiles for ~2 min), `npm run build`,
// `npm prune --omit=dev`, then the built bot under plain node.
let dir: string;
let api: FakeBotApi | null = null;
const children: ChildProcess[] = [];
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'gansu-prod-'));
  for (const name of SOURCES) cpSync(path.join(PROJECT_ROOT, name), path.join(dir, name), { recursive: true });
  cpSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(dir, 'node_modules'), { recursive: true, verbatimSymlinks: true });
  await run('npm', ['run', '--silent', 'build'], { cwd: dir, timeout: 180_000 });
  await run('npm', ['prune', '--omit=dev', '--no-audit', '--no-fund'], { cwd: dir, timeout: 120_000 });
}, 300_000);
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * The built bot in the copy, with only these variables (no developer `.env`: the copy has none):
 * `npm run start:prod`, or `node dist/adapters/start.js` as the Dockerfile runs it (npm re-raises a
 * SIGTERM on itself, so a clean exit code is only seen without it).
 */
function startProd(env: Record<string, string>, how: 'npm' | 'node' = 'npm'): { child: ChildProcess; out: () => string; err: () => string } {
  const [command, args] = how === 'npm' ? ['npm', ['run', '--silent', 'start:prod']] : [process.execPath, ['dist/adapters/start.js']];
  const child = spawn(command, args, {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', DATA_DIR: path.join(dir, 'data'), ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return { child, out: () => out, err: () => err };
}
const exitOf = (child: ChildProcess): Promise<number | null> => new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)));

describe('GIVEN the bot built, installed without dev dependencies into a temporary copy', () => {
  it('THEN dist/ holds JavaScript only and no dev dependency is left', () => {
    expect(existsSync(path.join(dir, 'dist/adapters/start.js'))).toBe(true);
    // The lazy platform import was rewritten from .ts to .js, so plain node finds it.
    expect(readFileSync(path.join(dir, 'dist/adapters/service.js'), 'utf8')).toMatch(/import\(["']\.\/telegram\/index\.js["']\)/);
    for (const name of DEV_ONLY) expect(existsSync(path.join(dir, 'node_modules', name)), name).toBe(false);
  });

  it('WHEN `npm run start:prod` gets a question on stdin with HTTP_PORT=0 THEN /healthz and /readyz are 200, it answers, and exits 0 at input end', async () => {
    const bot = startProd({ HTTP_PORT: '0' });
    await waitFor(() => loggedPort(bot.err()) !== undefined, 'the health server', 20_000);
    const port = loggedPort(bot.err())!;
    expect((await get(port, '/healthz')).status).toBe(200);
    expect((await get(port, '/readyz')).status).toBe(200);
    bot.child.stdin!.end('how many overseas warehouses\n');
    expect(await exitOf(bot.child)).toBe(0);
    expect(bot.out()).toContain('58 warehouses');
  });

  it('WHEN `node dist/adapters/start.js` starts with a Telegram token against the fake THEN it answers a private question and stops on SIGTERM', async () => {
    api = await FakeBotApi.start();
    const bot = startProd({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url }, 'node');
    await waitFor(() => bot.err().includes('gansu-bot started'), 'the bot to start', 20_000);
    api.push(messageUpdate(user(701), 'how many overseas warehouses'));
    await waitFor(() => api!.sentTo(701).length > 0, 'a reply', 10_000);
    expect(plainOf(api.sentTo(701)[0]!.body.text)).toContain('58');
    bot.child.kill('SIGTERM');
    expect(await exitOf(bot.child)).toBe(0);
    expect(bot.err()).not.toContain(api.token);
  });
});
