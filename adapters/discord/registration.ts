import { createHash } from 'node:crypto';
import { REST, Routes } from 'discord.js';
import type { RESTOptions } from 'discord.js';
import { ConfigError, PlatformStartError, assistantFor, countOf, exitCodeOf, fatalLine, loadConfig, scrubError } from '../../src/index.ts';
import type { Assistant, DiscordConfig } from '../../src/index.ts';
import { parseCommandLine } from '../cli/args.ts';
import { buildCommands } from './commands.ts';

/** What a registration did, for the CLI to print and tests to check. */
export interface RegistrationResult {
  /** `guild` when `DISCORD_GUILD_ID` is set (instant, for testing), else `global`. */
  scope: 'guild' | 'global';
  guildId: string | null;
  /** Command names as Discord now lists them, in order. */
  names: string[];
  /** False when Discord already had exactly these commands and nothing was written. */
  changed: boolean;
}

/** What registration needs: where to register, the core's registry, and whether to skip an unchanged set. */
export interface RegisterOptions {
  config: DiscordConfig;
  assistant: Assistant;
  /** Overwrite even when Discord already has the same commands (`npm run register`); default true. */
  force?: boolean;
  /** A REST client to reuse (the bot's, at start), or options for a new one (tests: `retries`). */
  rest?: REST | Partial<Omit<RESTOptions, 'api'>>;
}

type Json = Record<string, unknown>;
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const sorted = (value: unknown): Array<[string, unknown]> => Object.entries((value ?? {}) as Json).sort(([a], [b]) => (a < b ? -1 : 1));

/**
 * A hash of what a command list means, the same for our JSON and for what Discord returns (which adds
 * ids, versions and defaults): names, descriptions, localisations, options and choices, contexts.
 */
export function commandsHash(commands: readonly unknown[]): string {
  const canonical = (commands as Json[]).map((c) => ({
    name: c.name,
    description: c.description,
    localized: sorted(c.description_localizations),
    contexts: c.contexts ?? null,
    integrationTypes: c.integration_types ?? null,
    options: list(c.options).map((o) => ({
      type: o.type,
      name: o.name,
      description: o.description,
      localized: sorted(o.description_localizations),
      required: o.required ?? false,
      autocomplete: o.autocomplete ?? false,
      maxLength: o.max_length ?? null,
      choices: list(o.choices).map((ch) => ({ name: ch.name, localized: sorted(ch.name_localizations), value: ch.value })),
    })),
  }));
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/**
 * Registers every Discord command of the registry with ONE bulk overwrite (PUT), so commands removed
 * from the knowledge disappear from Discord. Unless `force`, it first reads what Discord has and
 * writes nothing when the hashes match: the bot calls it at every start without spending Discord's
 * daily command-creation limit.
 */
export async function registerCommands(options: RegisterOptions): Promise<RegistrationResult> {
  const { config } = options;
  const rest = options.rest instanceof REST ? options.rest : new REST({ ...options.rest, api: config.restApi }).setToken(config.token);
  const body = buildCommands(options.assistant.commands.list('discord'));
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  const where = { scope: config.guildId ? ('guild' as const) : ('global' as const), guildId: config.guildId };
  if (options.force === false) {
    const current = list(await rest.get(route));
    if (commandsHash(current) === commandsHash(body)) return { ...where, names: current.map((c) => String(c.name)), changed: false };
  }
  const saved = list(await rest.put(route, { body }));
  return { ...where, names: saved.map((c) => String(c.name)), changed: true };
}

/** Where the register command reads its settings and writes its lines; the script passes the process's. */
export interface RegisterCliIO {
  /** Command-line arguments after the script name (none are defined; any is a usage error). */
  args?: readonly string[];
  /** Variables to read (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Dotenv file (default the project's `.env`; `null` for none). */
  envFile?: string | null;
  out(line: string): void;
  err(line: string): void;
}

/**
 * `npm run register` as a function: loads the config, registers, prints what it did and returns the
 * exit code. A failure is one `gansu-bot: ` line, without the token: exit 2 for usage, 1 otherwise.
 */
export async function runRegister(io: RegisterCliIO): Promise<number> {
  const secrets: string[] = [];
  try {
    parseCommandLine(io.args ?? [], {}, 'npm run register');
    const config = loadConfig({ ...(io.env ? { env: io.env } : {}), ...(io.envFile !== undefined ? { envFile: io.envFile } : {}) });
    if (!config.discord) throw new ConfigError('DISCORD_TOKEN', 'set it and DISCORD_APPLICATION_ID to register commands (see docs/discord.md)', 'environment');
    const discord = config.discord;
    secrets.push(discord.token);
    const assistant = assistantFor(config);
    const result = await registerCommands({ config: discord, assistant }).catch((error: unknown) => {
      const { message, status } = scrubError(error, secrets);
      throw new PlatformStartError('discord', discord.restApi, `refused the commands${status === undefined ? '' : ` (HTTP ${status})`}: ${message}`);
    });
    const where = result.scope === 'guild' ? `to guild ${result.guildId}` : 'globally';
    io.out(`Registered ${countOf(result.names.length, { one: 'command', other: 'commands' })} ${where}: ${result.names.map((n) => `/${n}`).join(' ')}`);
    return 0;
  } catch (error) {
    io.err(fatalLine(error, secrets));
    return exitCodeOf(error);
  }
}
