import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { FakeGateway } from './gateway.ts';
import { snowflake, type FakeGuild, type FakeUser } from './payloads.ts';
import { FakeRest } from './rest.ts';

export interface FakeDiscordOptions {
  token?: string;
  applicationId?: string;
  guilds?: FakeGuild[];
  /** HELLO's heartbeat interval in milliseconds (default 41,250 as on Discord). */
  heartbeatIntervalMs?: number;
  /** Shards recommended by `/gateway/bot` and required at IDENTIFY (default 1). */
  shards?: number;
}

/** A running fake Discord: REST under `/api/v10` and the gateway, on one loopback port. */
export interface FakeDiscord {
  /** What to give the bot as `DISCORD_REST_API` (no `/v10`). */
  restApi: string;
  token: string;
  applicationId: string;
  botUser: FakeUser;
  guilds: FakeGuild[];
  rest: FakeRest;
  gateway: FakeGateway;
  /** DM channels the fake knows (a DM's first message creates its channel). */
  dmChannels: Set<string>;
  close(): Promise<void>;
}

/** Starts the fake on 127.0.0.1 with a random port. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const token = options.token ?? 'MTA5ODc2NTQzMjEwOTg3NjU0Mw.FakeTk.fake-bot-token-0123456789abcdefghij';
  const applicationId = options.applicationId ?? snowflake();
  const botUser: FakeUser = { id: applicationId, username: 'gansu-bot', bot: true };
  const guilds = options.guilds ?? [{ id: snowflake(), name: 'Test guild', channelIds: [snowflake(), snowflake()] }];
  const dmChannels = new Set<string>();
  let port = 0;
  const gatewayUrl = (): string => `ws://127.0.0.1:${port}`;
  const rest = new FakeRest({
    token,
    applicationId,
    botUser,
    gatewayUrl,
    shards: options.shards ?? 1,
    channelIds: () => new Set([...guilds.flatMap((g) => g.channelIds), ...dmChannels]),
  });
  const gateway = new FakeGateway({ token, applicationId, botUser, guilds, heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250, shardCount: options.shards ?? 1, url: gatewayUrl });

  const server: Server = createServer((req, res) => {
    rest.handle(req, res).catch((error: unknown) => {
      rest.unknownRoutes.push(`ERROR ${req.method} ${req.url}: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const wss = new WebSocketServer({ server });
  gateway.attach(wss);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  return {
    restApi: `http://127.0.0.1:${port}/api`,
    token,
    applicationId,
    botUser,
    guilds,
    rest,
    gateway,
    dmChannels,
    async close() {
      gateway.closeAll();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
