import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { registerCommands, runRegister, startDiscord } from '../../../adapters/discord/index.ts';
import { PROJECT_ROOT, type DiscordConfig } from '../../../src/index.ts';
import { assistant } from '../../fakes/discord/harness.ts';
import type { Json } from '../../fakes/discord/payloads.ts';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/server.ts';

const run = promisify(execFile);
let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake?.close();
});

const expectedNames = (): string[] => assistant().commands.list('discord').map((c) => c.name);
const config = (guildId: string | null): DiscordConfig => ({ token: fake.token, applicationId: fake.applicationId, restApi: fake.restApi, guildId, cooldownMs: 0 });
const puts = (): Array<{ path: string; body: Json[] }> =>
  fake.rest.requests.filter((r) => r.method === 'PUT').map((r) => ({ path: r.path, body: r.body as Json[] }));

describe('GIVEN registration', () => {
  it('WHEN a guild id is set THEN one PUT overwrites the guild commands with all of them', async () => {
    const guildId = fake.guilds[0]!.id;
    const result = await registerCommands({ config: config(guildId), assistant: assistant() });
    expect(result).toEqual({ scope: 'guild', guildId, names: expectedNames(), changed: true });
    expect(puts()).toHaveLength(1);
    expect(puts()[0]!.path).toBe(`/applications/${fake.applicationId}/guilds/${guildId}/commands`);
    expect(puts()[0]!.body.map((c) => c.name)).toEqual(expectedNames());
  });

  it('WHEN run twice THEN Discord keeps the same commands and ids (idempotent), with no other writes', async () => {
    const guildId = fake.guilds[0]!.id;
    const before = fake.rest.commands.get(guildId)!.map((c) => [c.name, c.id]);
    await registerCommands({ config: config(guildId), assistant: assistant() });
    expect(fake.rest.commands.get(guildId)!.map((c) => [c.name, c.id])).toEqual(before);
    expect(puts().map((p) => JSON.stringify(p.body))).toEqual([JSON.stringify(puts()[0]!.body), JSON.stringify(puts()[0]!.body)]);
    expect(fake.rest.requests.filter((r) => r.method !== 'PUT')).toEqual([]);
  });

  it('WHEN no guild id is set THEN the commands are registered globally', async () => {
    const result = await registerCommands({ config: config(null), assistant: assistant() });
    expect(result.scope).toBe('global');
    expect(puts().at(-1)!.path).toBe(`/applications/${fake.applicationId}/commands`);
    expect(fake.rest.commands.get('global')!.map((c) => c.name)).toEqual(expectedNames());
    expect(fake.rest.rejected).toEqual([]);
  });
});

describe('GIVEN registration at start (not forced)', () => {
  it('WHEN Discord already has the same commands THEN it reads them and writes nothing', async () => {
    const guildId = fake.guilds[0]!.id;
    await registerCommands({ config: config(guildId), assistant: assistant() });
    const writes = puts().length;
    const result = await registerCommands({ config: config(guildId), assistant: assistant(), force: false });
    expect(result).toMatchObject({ changed: false, names: expectedNames() });
    expect(puts()).toHaveLength(writes);
  });

  it('WHEN a description changed THEN the hashes differ and one PUT overwrites them', async () => {
    const guildId = fake.guilds[0]!.id;
    fake.rest.commands.set(guildId, fake.rest.commands.get(guildId)!.map((c) => (c.name === 'about' ? { ...c, description: 'old text' } : c)));
    const writes = puts().length;
    const result = await registerCommands({ config: config(guildId), assistant: assistant(), force: false });
    expect(result.changed).toBe(true);
    expect(puts()).toHaveLength(writes + 1);
  });

  it('WHEN the bot starts twice THEN only the first start writes the commands', async () => {
    const own = await startFakeDiscord();
    const cfg = { token: own.token, applicationId: own.applicationId, restApi: own.restApi, guildId: null, cooldownMs: 0 };
    const start = () => startDiscord({ config: cfg, assistant: assistant(), logger: pino({ level: 'silent' }), maxQuestionLength: 500 });
    try {
      await (await start()).stop();
      await (await start()).stop();
      const writes = own.rest.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/commands'));
      expect(writes).toHaveLength(1);
      expect(own.rest.commands.get('global')!.map((c) => c.name)).toEqual(expectedNames());
    } finally {
      await own.close();
    }
  });
});

describe('GIVEN the register command', () => {
  const env = (vars: Record<string, string>): Record<string, string> => ({ DISCORD_REST_API: fake.restApi, ...vars });
  const runInProcess = async (vars: Record<string, string>): Promise<{ code: number; out: string[]; err: string[] }> => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runRegister({ env: env(vars), envFile: null, out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
  };

  it('WHEN given an unknown option THEN it exits 2 with one usage line and registers nothing', async () => {
    const err: string[] = [];
    const code = await runRegister({ args: ['--froce'], env: env({}), envFile: null, out: () => undefined, err: (l) => err.push(l) });
    expect({ code, err }).toEqual({ code: 2, err: ["gansu-bot: Unknown option '--froce'; usage: npm run register"] });
  });

  it('WHEN the token is missing THEN it exits 1 saying which variables to set', async () => {
    expect(await runInProcess({})).toEqual({ code: 1, out: [], err: ['gansu-bot: environment DISCORD_TOKEN: set it and DISCORD_APPLICATION_ID to register commands (see docs/discord.md)'] });
  });

  it('WHEN the application id is malformed THEN it exits 1 naming the variable, not its value', async () => {
    const result = await runInProcess({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: 'not-a-number' });
    expect(result).toEqual({ code: 1, out: [], err: ['gansu-bot: environment DISCORD_APPLICATION_ID: expected a numeric id'] });
  });

  it('WHEN Discord refuses the token THEN it exits 1 with the status and without the token', async () => {
    const token = 'MTExMTExMTExMTExMTExMTEx.Bad123.bad-token-0123456789abcdefghijklm';
    const result = await runInProcess({ DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: fake.applicationId });
    expect(result.code).toBe(1);
    expect(result.err[0]).toMatch(/^gansu-bot: discord: could not start against http:\/\/127\.0\.0\.1:\d+\/api: refused the commands \(HTTP 401\): /);
    expect(result.err.join('')).not.toContain(token);
  });

  it('WHEN run as `npm run register` for a guild THEN it prints how many commands and where, and exits 0', async () => {
    const guildId = fake.guilds[0]!.id;
    const vars = { PATH: process.env.PATH ?? '', DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_GUILD_ID: guildId, TELEGRAM_BOT_TOKEN: '' };
    const { stdout, stderr } = await run(path.join(PROJECT_ROOT, 'node_modules/.bin/tsx'), [path.join(PROJECT_ROOT, 'adapters/discord/register.ts')], { env: env(vars), timeout: 20_000 });
    expect(stderr).toBe('');
    expect(stdout).toBe(`Registered ${expectedNames().length} commands to guild ${guildId}: ${expectedNames().map((n) => `/${n}`).join(' ')}\n`);
  });
});
