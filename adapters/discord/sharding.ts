import {
  SimpleContextFetchingStrategy,
  SimpleShardingStrategy,
  WebSocketShard,
  WebSocketShardDestroyRecovery,
  WebSocketShardEvents,
  managerToFetchingStrategyOptions,
  type FetchingStrategyOptions,
  type IShardingStrategy,
  type SessionInfo,
  type WebSocketManager,
  type WebSocketShardDestroyOptions,
} from '@discordjs/ws';
import type { GatewaySendPayload } from 'discord.js';
import type { SessionJournal } from './journal.ts';

/**
 * Session hooks of one shard: discord.js's own (it keeps each shard's session in memory), and the
 * journal, which saves it so that the next process can resume. discord.js 14 does not pass
 * `retrieveSessionInfo` / `updateSessionInfo` through its client options; its `ws.buildStrategy`
 * is the documented way in, and a strategy builds each shard's context.
 */
class JournalledContext extends SimpleContextFetchingStrategy {
  constructor(
    manager: WebSocketManager,
    options: FetchingStrategyOptions,
    private readonly journal: SessionJournal,
  ) {
    super(manager, options);
  }

  override async retrieveSessionInfo(shardId: number): Promise<SessionInfo | null> {
    const live = await super.retrieveSessionInfo(shardId);
    if (live) return live;
    const restored = this.journal.restore(shardId, this.options.shardCount);
    if (restored) await this.updateSessionInfo(shardId, restored);
    return restored;
  }

  override async updateSessionInfo(shardId: number, info: SessionInfo | null): Promise<void> {
    await super.updateSessionInfo(shardId, info);
    this.journal.update(shardId, info);
  }
}

/**
 * @discordjs/ws's simple strategy (every shard in this process), with saved sessions. A shard that
 * resumed a session from an earlier process gets the missed events replayed, but discord.js has no
 * caches (user, guilds, channels) and would never become ready: once RESUMED has replayed them, the
 * shard identifies afresh, and discord.js handles the replayed events after the new READY.
 */
export class JournalledShardingStrategy implements IShardingStrategy {
  private readonly shards = new Map<number, WebSocketShard>();

  constructor(
    private readonly manager: WebSocketManager,
    private readonly journal: SessionJournal,
    private readonly onRestoredResume: (shardId: number) => void,
  ) {}

  async spawn(shardIds: number[]): Promise<void> {
    const options = await managerToFetchingStrategyOptions(this.manager);
    for (const shardId of shardIds) {
      const shard = new WebSocketShard(new JournalledContext(this.manager, options, this.journal), shardId);
      // Counted as pending before discord.js (listening on the manager) hands the event to a handler.
      shard.on(WebSocketShardEvents.Dispatch, ({ data }) => this.journal.received(shardId, data.s, data.t, idOf(data.d)));
      for (const event of Object.values(WebSocketShardEvents)) {
        shard.on(event, (payload: object) => this.manager.emit(event, { ...payload, shardId }));
      }
      shard.on(WebSocketShardEvents.Resumed, () => {
        if (!this.journal.takeRestored(shardId)) return;
        this.onRestoredResume(shardId);
        void shard.destroy({ reason: 'resumed a session of an earlier process; identifying for fresh caches', recover: WebSocketShardDestroyRecovery.Reconnect });
      });
      this.shards.set(shardId, shard);
    }
  }

  async connect(): Promise<void> {
    await Promise.all([...this.shards.values()].map((shard) => shard.connect()));
  }

  async destroy(options?: Omit<WebSocketShardDestroyOptions, 'recover'>): Promise<void> {
    await Promise.all([...this.shards.values()].map((shard) => shard.destroy(options)));
    this.shards.clear();
  }

  async send(shardId: number, payload: GatewaySendPayload): Promise<void> {
    const shard = this.shards.get(shardId);
    if (!shard) throw new RangeError(`discord: shard ${shardId} not found`);
    await shard.send(payload);
  }

  async fetchStatus(): Promise<Awaited<ReturnType<IShardingStrategy['fetchStatus']>>> {
    // @discordjs/ws's Collection is another major than discord.js's; its own (empty) strategy makes one.
    const statuses = await new SimpleShardingStrategy(this.manager).fetchStatus();
    for (const [id, shard] of this.shards) statuses.set(id, shard.status);
    return statuses;
  }
}

/** The id of a message or interaction dispatch (what its handler is tracked by). */
function idOf(d: unknown): string | undefined {
  const id = (d as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
}
