import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WebSocket, type WebSocketServer } from 'ws';
import { guildCreate, userObject, type FakeGuild, type FakeUser, type Json } from './payloads.ts';

export interface GatewayOptions {
  token: string;
  applicationId: string;
  botUser: FakeUser;
  guilds: FakeGuild[];
  /** HELLO's heartbeat interval, in milliseconds. */
  heartbeatIntervalMs: number;
  /** Shards the fake recommends and requires (1 unless a test shards). */
  shardCount: number;
  /** The gateway URL (`ws://127.0.0.1:PORT`), also sent as `resume_gateway_url`. */
  url: () => string;
}

interface Session {
  id: string;
  shard: number;
  seq: number;
  /** Every dispatch of the session, for replay on RESUME. */
  events: Array<{ s: number; t: string; d: unknown }>;
  socket: WebSocket | null;
}

/** Close codes after which Discord forgets the session (a clean close); any other code keeps it resumable. */
const SESSION_ENDING_CLOSES = new Set([1000, 1001]);

/** The shard a guild's events go to, as Discord computes it: `(guild_id >> 22) % shard_count`. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/**
 * A fake Discord gateway, faithful to what discord.js 14 (through @discordjs/ws) does: HELLO, IDENTIFY
 * -> READY + GUILD_CREATE per guild of the shard, heartbeat ACK, RESUME with replay of the dispatches
 * after the client's sequence (INVALID_SESSION for a session it does not know), op 7 RECONNECT, shards
 * (`shard: [id, count]`, guilds and events routed by Discord's formula), and JSON only (compression,
 * ETF and binary frames are refused loudly, as protocol errors). A session outlives its socket unless
 * the client closes with 1000/1001, as on Discord, so a process killed and restarted can resume it.
 */
export class FakeGateway {
  readonly identifies: Json[] = [];
  readonly protocolErrors: string[] = [];
  /** Close codes of client-closed sockets, in order (1000 on a clean shutdown, 4200 when resuming). */
  readonly closeCodes: number[] = [];
  /** Whether new connections get HELLO; false simulates a gateway that accepts but never speaks. */
  sendHello = true;
  resumes = 0;
  /** RESUMEs refused with INVALID_SESSION (an unknown or ended session). */
  invalidSessions = 0;
  /** Dispatches sent again on RESUME, over all resumes. */
  replayed = 0;
  heartbeats = 0;
  connections = 0;
  /** The live session of each shard (the latest IDENTIFY's), by shard id. */
  private readonly current = new Map<number, Session>();
  private readonly sessions = new Map<string, Session>();
  private readonly sockets = new Set<WebSocket>();

  constructor(private readonly options: GatewayOptions) {}

  /** Shards Discord recommends in `/gateway/bot`, and expects in IDENTIFY. */
  get shardCount(): number {
    return this.options.shardCount;
  }

  /** Sockets currently open (0 after the client has shut down cleanly). */
  get openSockets(): number {
    return [...this.sockets].filter((s) => s.readyState === WebSocket.OPEN).length;
  }

  /** Whether every shard is connected and identified or resumed, so dispatches reach it now. */
  get live(): boolean {
    return Array.from({ length: this.shardCount }, (_, id) => this.current.get(id)).every((s) => s?.socket?.readyState === WebSocket.OPEN);
  }

  attach(wss: WebSocketServer): void {
    wss.on('connection', (socket, request) => this.onConnection(socket, request));
  }

  /**
   * Sends (or, while the client is away, stores for replay) one dispatch event, on the shard of its
   * `guild_id` (DMs go to shard 0, as on Discord).
   */
  dispatch(t: string, d: unknown): void {
    const guildId = (d as Json | null)?.guild_id;
    const shard = typeof guildId === 'string' ? shardOf(guildId, this.shardCount) : 0;
    const session = this.current.get(shard);
    if (!session) throw new Error(`fake gateway: no session on shard ${shard} to dispatch ${t} to`);
    this.send(session, t, d);
  }

  /**
   * Injects op 7: the client must close, reconnect to `resume_gateway_url` and RESUME. Like Discord,
   * nothing more is sent on the old connection; dispatches wait for the resume's replay.
   */
  requestReconnect(shard = 0): void {
    const session = this.current.get(shard);
    if (!session?.socket) throw new Error('fake gateway: no live connection to reconnect');
    session.socket.send(JSON.stringify({ op: 7, d: null }));
    session.socket = null;
  }

  /** Injects op 1: the client must heartbeat at once. */
  requestHeartbeat(shard = 0): void {
    this.current.get(shard)?.socket?.send(JSON.stringify({ op: 1, d: null }));
  }

  closeAll(): void {
    for (const socket of this.sockets) socket.terminate();
  }

  private send(session: Session, t: string, d: unknown): void {
    const event = { s: ++session.seq, t, d };
    session.events.push(event);
    if (session.socket?.readyState === WebSocket.OPEN) session.socket.send(JSON.stringify({ op: 0, ...event }));
  }

  private protocolError(socket: WebSocket, code: number, problem: string): void {
    this.protocolErrors.push(problem);
    socket.close(code, problem.slice(0, 120));
  }

  private onConnection(socket: WebSocket, request: IncomingMessage): void {
    this.connections += 1;
    this.sockets.add(socket);
    socket.on('close', (code) => {
      this.closeCodes.push(code);
      this.sockets.delete(socket);
      for (const session of this.sessions.values()) {
        if (session.socket !== socket) continue;
        session.socket = null;
        if (SESSION_ENDING_CLOSES.has(code)) this.sessions.delete(session.id);
      }
    });
    const query = new URL(request.url ?? '/', 'ws://fake').searchParams;
    if (query.get('v') !== '10') return this.protocolError(socket, 4012, `gateway version ${query.get('v')}, expected 10`);
    if (query.get('encoding') !== 'json') return this.protocolError(socket, 4002, `gateway encoding ${query.get('encoding')}, only json`);
    if (query.has('compress')) return this.protocolError(socket, 4002, `gateway compression ${query.get('compress')} refused`);
    socket.on('message', (data, isBinary) => this.onMessage(socket, data.toString(), isBinary));
    if (this.sendHello) socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs } }));
  }

  private onMessage(socket: WebSocket, text: string, isBinary: boolean): void {
    if (isBinary) return this.protocolError(socket, 4002, 'binary gateway frame (ETF or compressed) refused');
    let payload: { op?: number; d?: Json | number | null };
    try {
      payload = JSON.parse(text) as typeof payload;
    } catch {
      return this.protocolError(socket, 4002, 'gateway frame is not JSON');
    }
    const d = (payload.d ?? {}) as Json;
    switch (payload.op) {
      case 1:
        this.heartbeats += 1;
        socket.send(JSON.stringify({ op: 11 }));
        return;
      case 2:
        return this.identify(socket, d);
      case 6:
        return this.resume(socket, d);
      case 3:
      case 8:
        return;
      default:
        return this.protocolError(socket, 4001, `unknown gateway opcode ${String(payload.op)}`);
    }
  }

  private identify(socket: WebSocket, d: Json): void {
    this.identifies.push(d);
    if (d.token !== this.options.token) return this.protocolError(socket, 4004, 'authentication failed');
    if (d.compress === true) return this.protocolError(socket, 4002, 'identify compression refused');
    const [shard, count] = Array.isArray(d.shard) ? (d.shard as number[]) : [0, 1];
    if (count !== this.shardCount) return this.protocolError(socket, 4011, `sharding required: ${String(count)} shards, expected ${this.shardCount}`);
    if (shard === undefined || shard < 0 || shard >= count) return this.protocolError(socket, 4010, `invalid shard ${String(shard)}`);
    const session: Session = { id: randomBytes(16).toString('hex'), shard, seq: 0, events: [], socket };
    this.sessions.set(session.id, session);
    this.current.set(shard, session);
    const { botUser, applicationId } = this.options;
    const guilds = this.options.guilds.filter((g) => shardOf(g.id, count) === shard);
    this.send(session, 'READY', {
      v: 10,
      user: { ...userObject(botUser), bot: true, verified: true, mfa_enabled: false, flags: 0 },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.options.url(),
      shard: [shard, count],
      application: { id: applicationId, flags: 0 },
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      user_settings: {},
    });
    for (const guild of guilds) this.send(session, 'GUILD_CREATE', guildCreate(guild, botUser));
  }

  private resume(socket: WebSocket, d: Json): void {
    if (d.token !== this.options.token) return this.protocolError(socket, 4004, 'authentication failed');
    const session = typeof d.session_id === 'string' ? this.sessions.get(d.session_id) : undefined;
    if (!session || typeof d.seq !== 'number') {
      this.invalidSessions += 1;
      socket.send(JSON.stringify({ op: 9, d: false }));
      return;
    }
    this.resumes += 1;
    session.socket = socket;
    this.current.set(session.shard, session);
    const missed = session.events.filter((e) => e.s > (d.seq as number));
    this.replayed += missed.length;
    for (const event of missed) socket.send(JSON.stringify({ op: 0, ...event }));
    this.send(session, 'RESUMED', null);
  }
}
