import { REST, Routes } from 'discord.js';
import type { RESTOptions } from 'discord.js';
import { ConfigError, PlatformStartError, assistantFor, exitCodeOf, fatalLine, loadConfig, scrubError } from '../../src/index.ts';
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
}

export interface RegisterOptions {
  config: DiscordConfig;
  assistant: Assistant;
  maxQuestionLength: number;
  /** REST options for tests (e.g. `retries`); `api` always comes from the config. */
  rest?: Partial<Omit<RESTOptions, 'api'>>;
}

/**
 * Registers every command with ONE bulk overwrite (PUT), so running it twice changes nothing and
 * commands removed from the knowledge disappear from Discord.
 */
export async function registerCommands(options: RegisterOptions): Promise<RegistrationResult> {
  const { config } = options;
  const rest = new REST({ ...options.rest, api: config.restApi }).setToken(config.token);
  const body = buildCommands(options.assistant, { maxQuestionLength: options.maxQuestionLength });
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  const saved = (await rest.put(route, { body })) as Array<{ name?: unknown }>;
  const names = Array.isArray(saved) ? saved.map((c) => String(c.name)) : body.map((c) => c.name);
  return { scope: config.guildId ? 'guild' : 'global', guildId: config.guildId, names };
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
    const result = await registerCommands({ config: discord, assistant, maxQuestionLength: config.maxQuestionLength }).catch((error: unknown) => {
      const { message, status } = scrubError(error, secrets);
      throw new PlatformStartError('discord', discord.restApi, `refused the commands${status === undefined ? '' : ` (HTTP ${status})`}: ${message}`);
    });
    const where = result.scope === 'guild' ? `to guild ${result.guildId}` : 'globally';
    io.out(`Registered ${result.names.length} commands ${where}: ${result.names.map((n) => `/${n}`).join(' ')}`);
    return 0;
  } catch (error) {
    io.err(fatalLine(error, secrets));
    return exitCodeOf(error);
  }
}
