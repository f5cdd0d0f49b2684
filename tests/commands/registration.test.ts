import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyTo } from '../../adapters/console/chat.ts';
import { registerCommands } from '../../adapters/discord/index.ts';
import { createAssistant, toTraditional, type Command } from '../../src/index.ts';
import type { Json } from '../fakes/discord/payloads.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/server.ts';
import { startHarness, type Harness } from '../fakes/telegram/harness.ts';

/** Every platform registers from one registry: this suite lists it and checks each registration against it. */
const assistant = createAssistant();
const offered = (platform: Command['platforms'][number]): Command[] => [...assistant.commands.list(platform)];
let telegram: Harness;
let discord: FakeDiscord;
beforeAll(async () => {
  [telegram, discord] = await Promise.all([startHarness(assistant), startFakeDiscord()]);
});
afterAll(async () => {
  await Promise.all([telegram?.close(), discord?.close()]);
});

describe('GIVEN the command registry', () => {
  it('THEN it has the fixed commands and one per topic with figures, each described in both languages', () => {
    const names = assistant.commands.list().map((c) => c.name);
    expect(names.slice(0, 6)).toEqual(['start', 'help', 'ask', 'stats', 'trend', 'about']);
    expect(names).toEqual(expect.arrayContaining(['routes', 'exports', 'warehouses', 'trade', 'fair', 'expo', 'medicine']));
    for (const c of assistant.commands.list()) expect([c.description.en, c.description.zh].every((d) => d.length >= 3)).toBe(true);
  });

  it('THEN Telegram setMyCommands carries exactly the Telegram commands, in English and in Chinese', () => {
    const menus = telegram.api.state.commands;
    expect(menus.get('')).toEqual(offered('telegram').map((c) => ({ command: c.name, description: c.description.en })));
    expect(menus.get('zh')).toEqual(offered('telegram').map((c) => ({ command: c.name, description: c.description.zh })));
  });

  it('THEN the Discord bulk overwrite carries exactly the Discord commands with their arguments, localised', async () => {
    const config = { token: discord.token, applicationId: discord.applicationId, restApi: discord.restApi, guildId: null, cooldownMs: 0 };
    await registerCommands({ config, assistant });
    const put = discord.rest.requests.find((r) => r.method === 'PUT')!.body as Json[];
    expect(discord.rest.rejected).toEqual([]);
    expect(put.map((c) => c.name)).toEqual(offered('discord').map((c) => c.name));
    for (const [i, command] of offered('discord').entries()) {
      expect(put[i]!.description_localizations).toEqual({ 'zh-CN': command.description.zh, 'zh-TW': toTraditional(command.description.zh) });
      const options = (put[i]!.options ?? []) as Json[];
      expect(options.map((o) => [o.name, o.required, o.autocomplete ?? false])).toEqual(command.args.map((a) => [a.name, a.required, a.autocomplete]));
    }
  });

  it('THEN the console help lists exactly the console commands with their descriptions', async () => {
    const help = await replyTo(assistant, '/help');
    const listed = [...help.matchAll(/^ {2}\/(\w+)/gm)].map((m) => m[1]);
    expect(listed).toEqual([...offered('console').map((c) => c.name), 'quit']);
    for (const c of offered('console')) expect(help).toContain(c.description.en);
  });

  it('WHEN /routes is typed in the console THEN it shows the routes topic stats, as on Telegram and Discord', async () => {
    const stats = assistant.stats('routes', 'en');
    expect(stats.ok).toBe(true);
    expect((await replyTo(assistant, '/routes')).split('\n')[0]).toBe(stats.ok ? stats.title : '');
  });
});
