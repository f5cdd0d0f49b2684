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
  /** The gateway URL (`ws://127.0.0.1:PORT`), also sent as `resume_gateway_url`. */
  url: () => string;
}

interface Session {
  id: string;
  seq: number;
  /** Every dispatch of the session, for replay on RESUME. */
  events: Array<{ s: number; t: string; d: unknown }>;
  socket: WebSocket | null;
}

/**
 * A fake Discord gateway, faithful to what discord.js 14 (through @discordjs/ws) does: HELLO, IDENTIFY
 * -> READY + GUILD_CREATE per guild, heartbeat ACK, RESUME with replay, op 7 RECONNECT, and JSON only
 * (compression, ETF and binary frames are refused loudly, as protocol errors).
 */
export class FakeGateway {
  readonly identifies: Json[] = [];
  readonly protocolErrors: string[] = [];
  /** Close codes of client-closed sockets, in order (1000 on a clean shutdown, 4200 when resuming). */
  readonly closeCodes: number[] = [];
  /** Whether new connections get HELLO; false simulates a gateway that accepts but never speaks. */
  sendHello = true;
  resumes = 0;
  heartbeats = 0;
  connections = 0;
  private session: Session | null = null;
  private readonly sockets = new Set<WebSocket>();

  constructor(private readonly options: GatewayOptions) {}

  /** Sockets currently open (0 after the client has shut down cleanly). */
  get openSockets(): number {
    return [...this.sockets].filter((s) => s.readyState === WebSocket.OPEN).length;
  }

  /** Whether the client is connected and identified or resumed, so dispatches reach it now. */
  get live(): boolean {
    return this.session?.socket?.readyState === WebSocket.OPEN;
  }

  attach(wss: WebSocketServer): void {
    wss.on('connection', (socket, request) => this.onConnection(socket, request));
  }

  /** Sends (or, while the client is away, stores for replay) one dispatch event. */
  dispatch(t: string, d: unknown): void {
    const session = this.session;
    if (!session) throw new Error(`fake gateway: no session to dispatch ${t} to`);
    const event = { s: ++session.seq, t, d };
    session.events.push(event);
    if (session.socket?.readyState === WebSocket.OPEN) session.socket.send(JSON.stringify({ op: 0, ...event }));
  }

  /**
   * Injects op 7: the client must close, reconnect to `resume_gateway_url` and RESUME. Like Discord,
   * nothing more is sent on the old connection; dispatches wait for the resume's replay.
   */
  requestReconnect(): void {
    const session = this.session;
    if (!session?.socket) throw new Error('fake gateway: no live connection to reconnect');
    session.socket.send(JSON.stringify({ op: 7, d: null }));
    session.socket = null;
  }

  /** Injects op 1: the client must heartbeat at once. */
  requestHeartbeat(): void {
    this.session?.socket?.send(JSON.stringify({ op: 1, d: null }));
  }

  closeAll(): void {
    for (const socket of this.sockets) socket.terminate();
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
      if (this.session?.socket === socket) this.session.socket = null;
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
    this.session = { id: randomBytes(16).toString('hex'), seq: 0, events: [], socket };
    const { botUser, guilds, applicationId } = this.options;
    this.dispatch('READY', {
      v: 10,
      user: { ...userObject(botUser), bot: true, verified: true, mfa_enabled: false, flags: 0 },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: this.session.id,
      resume_gateway_url: this.options.url(),
      shard: [0, 1],
      application: { id: applicationId, flags: 0 },
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      user_settings: {},
    });
    for (const guild of guilds) this.dispatch('GUILD_CREATE', guildCreate(guild, botUser));
  }

  private resume(socket: WebSocket, d: Json): void {
    const session = this.session;
    if (d.token !== this.options.token) return this.protocolError(socket, 4004, 'authentication failed');
    if (!session || d.session_id !== session.id || typeof d.seq !== 'number') {
      socket.send(JSON.stringify({ op: 9, d: false }));
      return;
    }
    this.resumes += 1;
    session.socket = socket;
    for (const event of session.events.filter((e) => e.s > (d.seq as number))) socket.send(JSON.stringify({ op: 0, ...event }));
    this.dispatch('RESUMED', null);
  }
}
