import type { IncomingMessage, ServerResponse } from 'node:http';
import { snowflake, userObject, type FakeUser, type Json } from './payloads.ts';
import { messageObject, rateLimitHeaders, readBody } from './responses.ts';
import { choiceProblems, commandProblems, messageProblems, modalProblems } from './validate.ts';
import { parseMultipart } from '../multipart.ts';
import { readAttachments, type Upload } from './attachments.ts';

/** One REST request as the fake saw it. */
export interface RecordedRequest {
  method: string;
  /** Path under `/api/v10`, e.g. `/channels/1/messages`. */
  path: string;
  query: string;
  authorized: boolean;
  body: Json | Json[] | null;
  status: number;
  /** When the fake received it, in epoch milliseconds with sub-millisecond precision. */
  at: number;
}

/** A message-like body the bot sent (channel message, interaction reply, webhook edit or follow-up). */
export interface OutgoingMessage {
  kind: 'channel' | 'callback' | 'edit' | 'followup';
  interactionId?: string;
  channelId?: string;
  body: Json;
  /** Files uploaded with it (multipart), checked: listed, named, valid PNGs. */
  files?: Upload[];
}

interface InteractionState {
  token: string;
  channelId: string;
  /** When the gateway dispatched it (epoch ms); Discord drops an interaction not called back within {@link INTERACTION_WINDOW_MS}. */
  dispatchedAt: number;
  /** Milliseconds from dispatch to the accepted callback, as the fake measured it. */
  answeredAfterMs: number | null;
  /** Successful callbacks; Discord accepts exactly one. */
  callbacks: Json[];
  original: Json | null;
}

interface RateLimitRule {
  method: string;
  path: RegExp;
  remaining: number;
  retryAfterSeconds: number;
}

/** Discord's window for the first response to an interaction, in milliseconds. */
export const INTERACTION_WINDOW_MS = 3000;

type Handler = (params: string[], body: Json | Json[] | null, query: URLSearchParams) => { status: number; body?: unknown };

export interface RestOptions {
  token: string;
  applicationId: string;
  botUser: FakeUser;
  gatewayUrl: () => string;
  /** Shards recommended in `/gateway/bot`. */
  shards: number;
  channelIds: () => Set<string>;
}

/**
 * The REST half of the fake Discord, under `/api/v10`: the routes discord.js and the register script
 * call, with Discord's validation (sizes, one callback per interaction) and injectable 429s.
 */
export class FakeRest {
  readonly requests: RecordedRequest[] = [];
  readonly unknownRoutes: string[] = [];
  readonly outgoing: OutgoingMessage[] = [];
  readonly rejected: Array<{ path: string; problems: string[] }> = [];
  readonly interactions = new Map<string, InteractionState>();
  /** Registered commands by scope (`global` or a guild id). */
  readonly commands = new Map<string, Json[]>();
  private readonly rateLimits: RateLimitRule[] = [];
  /** Requests to fail with a 502 after they took effect (the message is created, the answer is lost). */
  private readonly lostAnswers: Array<{ method: string; path: RegExp; remaining: number }> = [];
  /** Channel messages by nonce, for `enforce_nonce` (Discord returns the first message for a repeated nonce). */
  private readonly byNonce = new Map<string, Json>();
  private readonly routes: Array<[string, RegExp, Handler]>;
  /** Until when (epoch ms) every REST request fails, and how: a 503, or the connection dropped unanswered. */
  private outage: { until: number; kind: 'unavailable' | 'refused' } | null = null;

  constructor(private readonly options: RestOptions) {
    const app = options.applicationId;
    this.routes = [
      ['GET', /^\/gateway\/bot$/, () => ({ status: 200, body: { url: options.gatewayUrl(), shards: options.shards, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: options.shards } } })],
      ['GET', /^\/gateway$/, () => ({ status: 200, body: { url: options.gatewayUrl() } })],
      ['GET', /^\/users\/@me$/, () => ({ status: 200, body: { ...userObject(options.botUser), bot: true } })],
      ['GET', /^\/applications\/(\d+)\/commands$/, () => ({ status: 200, body: this.commands.get('global') ?? [] })],
      ['PUT', /^\/applications\/(\d+)\/commands$/, (p, b) => this.putCommands(p[0]!, 'global', b)],
      ['GET', /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, (p) => ({ status: 200, body: this.commands.get(p[1]!) ?? [] })],
      ['PUT', /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, (p, b) => this.putCommands(p[0]!, p[1]!, b)],
      ['POST', /^\/interactions\/(\d+)\/([^/]+)\/callback$/, (p, b, q) => this.callback(p[0]!, p[1]!, b as Json, q)],
      ['PATCH', new RegExp(`^/webhooks/${app}/([^/]+)/messages/@original$`), (p, b) => this.editOriginal(p[0]!, b as Json)],
      ['GET', new RegExp(`^/webhooks/${app}/([^/]+)/messages/@original$`), (p) => this.withInteraction(p[0]!, (_, s) => ({ status: s.original ? 200 : 404, body: s.original ?? { code: 10008, message: 'Unknown Message' } }))],
      ['POST', new RegExp(`^/webhooks/${app}/([^/]+)$`), (p, b) => this.followUp(p[0]!, b as Json)],
      ['POST', /^\/channels\/(\d+)\/messages$/, (p, b) => this.channelMessage(p[0]!, b as Json)],
    ];
  }

  /** The next `times` requests matching `method` and `path` get a 429 (not global), as Discord sends it. */
  rateLimitNext(method: string, path: RegExp, times = 1, retryAfterSeconds = 0.3): void {
    this.rateLimits.push({ method, path, remaining: times, retryAfterSeconds });
  }

  /** The next `times` requests matching `method` and `path` take effect, then answer 502 (a lost response). */
  loseAnswerNext(method: string, path: RegExp, times = 1): void {
    this.lostAnswers.push({ method, path, remaining: times });
  }

  /** For `ms` from now, every REST request gets a 503 (`unavailable`) or has its connection dropped (`refused`); the gateway stays up. */
  outageFor(ms: number, kind: 'unavailable' | 'refused'): void {
    this.outage = { until: Date.now() + ms, kind };
  }

  /** Registers an interaction the gateway is about to dispatch, so its callback can be checked. */
  expectInteraction(id: string, token: string, channelId: string): void {
    this.interactions.set(id, { token, channelId, dispatchedAt: Date.now(), answeredAfterMs: null, callbacks: [], original: null });
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    // discord.js encodes `@original` as `%40original`; Discord reads both.
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const authorized = req.headers.authorization === `Bot ${this.options.token}`;
    let parsed: Json | Json[] | null = null;
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}): void => {
      this.requests.push({ method, path, query: url.search, authorized, body: parsed, status, at: performance.timeOrigin + performance.now() });
      // Like Discord, a 204 has no body and no content type (a JSON type on it breaks the client).
      res.writeHead(status, body === undefined ? headers : { 'content-type': 'application/json', ...headers });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    let uploads: Upload[] = [];
    const type = String(req.headers['content-type']);
    if (raw.length > 0 && type.startsWith('multipart/form-data')) {
      // Uploads: the message is the `payload_json` part; the files are checked against what it lists.
      const parts = parseMultipart(raw, type);
      const payload = parts.find((p) => p.name === 'payload_json');
      if (!payload) return send(400, { code: 50109, message: 'fake: multipart without payload_json' });
      parsed = JSON.parse(payload.data.toString('utf8')) as Json;
      // An interaction callback carries its message in `data`; a webhook edit or channel message is the message.
      const message = typeof parsed.type === 'number' && parsed.data ? (parsed.data as Json) : parsed;
      const read = readAttachments(message, parts);
      if ('problems' in read) {
        this.rejected.push({ path, problems: read.problems });
        return send(400, { code: 50035, message: 'Invalid Form Body', errors: read.problems });
      }
      uploads = read.uploads;
    } else if (raw.length > 0) {
      if (!type.startsWith('application/json')) return send(400, { code: 50109, message: `fake: not JSON (${type})` });
      parsed = JSON.parse(raw.toString('utf8')) as Json;
    }
    if (this.outage && Date.now() < this.outage.until) {
      if (this.outage.kind === 'unavailable') return send(503, { message: 'fake: service unavailable (outage)' });
      this.requests.push({ method, path, query: url.search, authorized, body: parsed, status: 0, at: performance.timeOrigin + performance.now() });
      req.socket.destroy();
      return;
    }
    if (!url.pathname.startsWith('/api/v10/')) {
      this.unknownRoutes.push(`${method} ${url.pathname}`);
      return send(404, { code: 0, message: `fake: expected /api/v10, got ${url.pathname}` });
    }
    const limit = this.rateLimits.find((r) => r.remaining > 0 && r.method === method && r.path.test(path));
    if (limit) {
      limit.remaining -= 1;
      return send(429, { message: 'You are being rate limited.', retry_after: limit.retryAfterSeconds, global: false }, rateLimitHeaders(limit.retryAfterSeconds));
    }
    for (const [routeMethod, pattern, handler] of this.routes) {
      const match = method === routeMethod ? pattern.exec(path) : null;
      if (!match) continue;
      const needsAuth = !path.startsWith('/interactions/') && !path.startsWith('/webhooks/');
      if (needsAuth && !authorized) return send(401, { code: 0, message: '401: Unauthorized' });
      const before = this.outgoing.length;
      const result = handler(match.slice(1), parsed, url.searchParams);
      if (uploads.length > 0 && this.outgoing.length > before) this.outgoing.at(-1)!.files = uploads;
      const lost = this.lostAnswers.find((r) => r.remaining > 0 && r.method === method && r.path.test(path));
      if (lost && result.status < 300) {
        lost.remaining -= 1;
        return send(502, { message: 'fake: bad gateway after the request took effect' });
      }
      return send(result.status, result.body);
    }
    this.unknownRoutes.push(`${method} ${path}`);
    return send(404, { code: 0, message: '404: Not Found' });
  }

  private invalid(path: string, problems: string[]): { status: number; body: unknown } {
    this.rejected.push({ path, problems });
    return { status: 400, body: { code: 50035, message: 'Invalid Form Body', errors: problems } };
  }

  private putCommands(appId: string, scope: string, body: Json | Json[] | null): { status: number; body: unknown } {
    if (appId !== this.options.applicationId) return { status: 403, body: { code: 50001, message: 'Missing Access' } };
    if (!Array.isArray(body)) return this.invalid('commands', ['body must be an array']);
    const problems = body.flatMap(commandProblems);
    if (problems.length > 0) return this.invalid('commands', problems);
    const before = new Map((this.commands.get(scope) ?? []).map((c) => [c.name, c.id]));
    const saved = body.map((c) => ({ ...c, id: before.get(c.name) ?? snowflake(), application_id: appId, type: c.type ?? 1, version: snowflake(), ...(scope === 'global' ? {} : { guild_id: scope }) }));
    this.commands.set(scope, saved);
    return { status: 200, body: saved };
  }

  private withInteraction(token: string, fn: (id: string, state: InteractionState) => { status: number; body?: unknown }): { status: number; body?: unknown } {
    const entry = [...this.interactions].find(([, s]) => s.token === token);
    return entry ? fn(entry[0], entry[1]) : { status: 404, body: { code: 10015, message: 'Unknown Webhook' } };
  }

  private callback(id: string, token: string, body: Json, query: URLSearchParams): { status: number; body?: unknown } {
    const state = this.interactions.get(id);
    if (!state || state.token !== token) return { status: 404, body: { code: 10062, message: 'Unknown interaction' } };
    if (state.callbacks.length > 0) return { status: 400, body: { code: 40060, message: 'Interaction has already been acknowledged.' } };
    const after = Date.now() - state.dispatchedAt;
    if (after > INTERACTION_WINDOW_MS) return { status: 404, body: { code: 10062, message: 'Unknown interaction' } };
    const data = (body.data ?? {}) as Json;
    const problems = body.type === 8 ? choiceProblems(data) : body.type === 9 ? modalProblems(data) : messageProblems(data);
    if (problems.length > 0) return this.invalid(`callback ${id}`, problems);
    state.callbacks.push(body);
    state.answeredAfterMs = after;
    if (body.type === 4) {
      state.original = messageObject(this.options, state.channelId, data, true);
      this.outgoing.push({ kind: 'callback', interactionId: id, body: data });
    }
    if (body.type === 5) state.original = messageObject(this.options, state.channelId, { flags: data.flags }, true);
    if (query.get('with_response') !== 'true') return { status: 204 };
    return { status: 200, body: { interaction: { id, type: 2 }, resource: { type: body.type, ...(state.original ? { message: state.original } : {}) } } };
  }

  private editOriginal(token: string, body: Json): { status: number; body?: unknown } {
    return this.withInteraction(token, (id, state) => {
      if (state.callbacks.length === 0 || !state.original) return { status: 404, body: { code: 10008, message: 'Unknown Message' } };
      const problems = messageProblems(body);
      if (problems.length > 0) return this.invalid(`edit ${id}`, problems);
      state.original = { ...state.original, ...messageObject(this.options, state.channelId, body, true), id: state.original.id };
      this.outgoing.push({ kind: 'edit', interactionId: id, body });
      return { status: 200, body: state.original };
    });
  }

  private followUp(token: string, body: Json): { status: number; body?: unknown } {
    return this.withInteraction(token, (id, state) => {
      if (state.callbacks.length === 0) return { status: 400, body: { code: 40060, message: 'Interaction has not been acknowledged.' } };
      const problems = messageProblems(body);
      if (problems.length > 0) return this.invalid(`followup ${id}`, problems);
      this.outgoing.push({ kind: 'followup', interactionId: id, body });
      return { status: 200, body: messageObject(this.options, state.channelId, body, true) };
    });
  }

  private channelMessage(channelId: string, body: Json): { status: number; body?: unknown } {
    if (!this.options.channelIds().has(channelId)) return { status: 404, body: { code: 10003, message: 'Unknown Channel' } };
    const problems = messageProblems(body);
    if (problems.length > 0) return this.invalid(`channel ${channelId}`, problems);
    const nonce = body.enforce_nonce === true && body.nonce !== undefined ? `${channelId}:${String(body.nonce)}` : null;
    const earlier = nonce ? this.byNonce.get(nonce) : undefined;
    if (earlier) return { status: 200, body: earlier };
    this.outgoing.push({ kind: 'channel', channelId, body });
    const created = messageObject(this.options, channelId, body, false);
    if (nonce) this.byNonce.set(nonce, created);
    return { status: 200, body: created };
  }
}
