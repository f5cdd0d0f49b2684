import { Client, GatewayIntentBits, Options, Partials } from 'discord.js';
import type { RESTOptions } from 'discord.js';
import type { DiscordConfig } from '../../src/index.ts';
import type { SessionJournal } from './journal.ts';
import { JournalledShardingStrategy } from './sharding.ts';
import { NO_PINGS } from './text.ts';

/**
 * Gateway intents: guilds (channels for replies), guild messages and DMs. No privileged intent:
 * Discord delivers the content of messages that mention the bot, and of DMs, without Message Content.
 */
export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages] as const;

/** DM channels are not cached before their first message; the Channel partial lets discord.js emit it. */
export const PARTIALS = [Partials.Channel] as const;

/** Messages kept per channel; the bot only replies to the message in hand, so few are needed. */
const MESSAGES_CACHED_PER_CHANNEL = 25;

/** Knobs for tests and unusual deployments; production leaves them out and gets discord.js's defaults. */
export interface ClientTuning {
  /** REST options (e.g. a short `timeout` or few `retries` in tests); `api` always comes from the config. */
  rest?: Partial<Omit<RESTOptions, 'api'>>;
  /** How long to wait for guilds listed in READY, in milliseconds (discord.js default 15,000). */
  waitGuildTimeoutMs?: number;
  /** How long `startDiscord` waits for the gateway to be ready before giving up, in milliseconds (default 30,000). */
  readyTimeoutMs?: number;
}

/** Where the gateway sessions are kept, and what to do when one from an earlier process resumes. */
export interface ClientSessions {
  journal: SessionJournal;
  onRestoredResume: (shardId: number) => void;
}

/**
 * A discord.js client for gansu-bot: REST at `config.restApi` (discord.js appends `/v10`; the gateway
 * address comes from its `/gateway/bot`), as many shards as Discord recommends there, minimal intents,
 * no mention ever pinging by default, and (with `sessions`) gateway sessions that outlive the process.
 */
export function createDiscordClient(config: DiscordConfig, tuning: ClientTuning = {}, sessions?: ClientSessions): Client {
  return new Client({
    shards: 'auto',
    ...(sessions ? { ws: { buildStrategy: (manager) => new JournalledShardingStrategy(manager, sessions.journal, sessions.onRestoredResume) } } : {}),
    intents: [...INTENTS],
    partials: [...PARTIALS],
    rest: { ...tuning.rest, api: config.restApi },
    allowedMentions: { ...NO_PINGS },
    failIfNotExists: false,
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: MESSAGES_CACHED_PER_CHANNEL,
    }),
    ...(tuning.waitGuildTimeoutMs !== undefined ? { waitGuildTimeout: tuning.waitGuildTimeoutMs } : {}),
  });
}
