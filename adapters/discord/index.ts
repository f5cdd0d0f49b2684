/**
 * gansu-bot on Discord: slash commands with autocomplete, mentions and DMs, answers as embeds with
 * follow-up buttons. Thin over the core: everything it shows comes from `src/index.ts`.
 */
export { startDiscord, type StartDiscordOptions, type DiscordBot } from './start.ts';
export type { DiscordReadiness, ShardReadiness } from './readiness.ts';
export { registerCommands, runRegister, type RegisterOptions, type RegistrationResult, type RegisterCliIO } from './registration.ts';
export { buildCommands } from './commands.ts';
export { createDiscordClient, INTENTS, PARTIALS, type ClientTuning } from './client.ts';
