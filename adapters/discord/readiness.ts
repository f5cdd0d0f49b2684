import { Status, type Client } from 'discord.js';

/** One shard as `/readyz` reports it. */
export interface ShardReadiness {
  id: number;
  ready: boolean;
  /** Guilds in discord.js's cache that this shard serves. */
  guilds: number;
}

/** Whether the Discord bot can answer now, as data (the HTTP adapter renders it as `/readyz`). */
export interface DiscordReadiness {
  ready: boolean;
  /** Why not, for an operator (e.g. `shard 1 reconnecting`); null when ready. */
  reason: string | null;
  shards: ShardReadiness[];
}

/** discord.js's shard states, named for an operator. */
const STATUS_NAMES: Record<number, string> = {
  [Status.Ready]: 'ready',
  [Status.Connecting]: 'connecting',
  [Status.Reconnecting]: 'reconnecting',
  [Status.Idle]: 'idle',
  [Status.Nearly]: 'nearly ready',
  [Status.Disconnected]: 'disconnected',
  [Status.WaitingForGuilds]: 'waiting for guilds',
  [Status.Identifying]: 'identifying',
  [Status.Resuming]: 'resuming',
};

/** The readiness of `client`'s shards; `stopped` says the bot is shutting down or has stopped. */
export function readinessOf(client: Client, stopped: boolean): DiscordReadiness {
  const shards = [...client.ws.shards.values()]
    .map((shard) => ({
      id: shard.id,
      ready: !stopped && shard.status === Status.Ready,
      guilds: client.guilds.cache.filter((guild) => guild.shardId === shard.id).size,
      status: shard.status,
    }))
    .sort((a, b) => a.id - b.id);
  const notReady = shards.filter((shard) => !shard.ready);
  const reason = stopped
    ? 'stopped'
    : shards.length === 0
      ? 'no shard connected'
      : notReady.map((shard) => `shard ${shard.id} ${STATUS_NAMES[shard.status] ?? 'not ready'}`).join(', ') || null;
  return { ready: reason === null, reason, shards: shards.map(({ id, ready, guilds }) => ({ id, ready, guilds })) };
}
