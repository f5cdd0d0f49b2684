import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseMultipart } from '../multipart.ts';
import { createMethods, type ApiResult, type CallBody, type FakeState } from './methods.ts';

/** One request the fake received, as the bot sent it. */
export interface FakeCall {
  method: string;
  /** Parsed JSON, form or multipart body. */
  body: CallBody;
  /** HTTP status the fake answered with (0 for a dropped connection). */
  status: number;
  at: number;
}

/** A failure to inject into the next calls of one method. */
export type Fault =
  | { kind: 'status'; status: number; retryAfter?: number; description?: string }
  | { kind: 'reset' };

/**
 * A fake Telegram Bot API on 127.0.0.1 (random port): routes `/bot<token>/<method>`, long-polls
 * getUpdates with real offset semantics, validates sendMessage like Telegram (HTML, length, button
 * data), records every call, and fails the next calls of a method on request.
 */
export class FakeBotApi {
  readonly calls: FakeCall[] = [];
  readonly state: FakeState;
  private readonly faults = new Map<string, Fault[]>();
  private readonly methods: Record<string, (body: CallBody, res: ServerResponse) => ApiResult | 'held'>;

  private constructor(
    private readonly server: Server,
    readonly token: string,
    username: string,
  ) {
    this.state = {
      me: { id: Number(token.split(':')[0]), is_bot: true, first_name: 'Gansu Bot', username, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: true },
      updates: [],
      nextUpdateId: 1,
      waiter: null,
      messageIds: new Map(),
      commands: new Map(),
      webhook: null,
    };
    this.methods = createMethods(this.state);
  }

  /** Starts the fake on 127.0.0.1 and a free port. */
  static async start(token = '123456789:AAFakeTokenForTestsOnly_abcdefghijk', username = 'gansu_test_bot'): Promise<FakeBotApi> {
    const holder: { api?: FakeBotApi } = {};
    const server = createServer((req, res) => void holder.api!.handle(req, res));
    const api = new FakeBotApi(server, token, username);
    holder.api = api;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return api;
  }

  /** `http://127.0.0.1:<port>`, for `TELEGRAM_API_ROOT`. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** HTTP statuses of webhook deliveries, in order. */
  readonly deliveries: Array<{ updateId: number; status: number }> = [];
  /** Origin that webhook posts really go to, like a reverse proxy in front of the bot (`http://127.0.0.1:PORT`). */
  deliverTo: string | null = null;

  /**
   * Queues an update for getUpdates (waking a held long poll), or, once a webhook is set, posts it
   * there with the registered secret, as Telegram does. Returns its update_id.
   */
  push(update: Record<string, unknown>): number {
    const id = this.state.nextUpdateId++;
    const full = { update_id: id, ...update };
    if (this.state.webhook) {
      this.post(full);
      return id;
    }
    this.state.updates.push(full);
    this.state.waiter?.wake();
    return id;
  }

  /**
   * Telegram's webhook retries: a delivery that gets no 2xx (a refused connection, a bot killed
   * mid-request, a 5xx) is posted again every `webhookRetryMs`, up to `webhookAttempts` times in all.
   */
  webhookRetryMs = 250;
  webhookAttempts = 1;

  /** Posts an update to the webhook (the same update again, for a redelivery), retrying as configured. */
  post(update: { update_id: number; [k: string]: unknown }, attempt = 1): void {
    const webhook = this.state.webhook;
    if (!webhook || this.closed) return;
    const url = new URL(webhook.url);
    const target = this.deliverTo ? `${this.deliverTo}${url.pathname}${url.search}` : webhook.url;
    const again = (status: number): void => {
      this.deliveries.push({ updateId: update.update_id, status });
      if ((status < 200 || status > 299) && attempt < this.webhookAttempts) setTimeout(() => this.post(update, attempt + 1), this.webhookRetryMs);
    };
    void fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(webhook.secret ? { 'x-telegram-bot-api-secret-token': webhook.secret } : {}) },
      body: JSON.stringify(update),
      signal: AbortSignal.timeout(30_000),
    }).then(
      (res) => again(res.status),
      () => again(0),
    );
  }

  /** The next `times` calls of `method` fail with `fault`. */
  fail(method: string, fault: Fault, times = 1): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), ...Array<Fault>(times).fill(fault)]);
  }

  /** Successful calls of `method`. */
  ok(method: string): FakeCall[] {
    return this.calls.filter((c) => c.method === method && c.status === 200);
  }

  /** Photos sent successfully to `chatId`. */
  photosTo(chatId: number): FakeCall[] {
    return this.ok('sendPhoto').filter((c) => Number(c.body.chat_id) === chatId);
  }

  /** Messages sent successfully to `chatId`. */
  sentTo(chatId: number): FakeCall[] {
    return this.ok('sendMessage').filter((c) => Number(c.body.chat_id) === chatId);
  }

  private closed = false;

  async close(): Promise<void> {
    this.closed = true;
    this.state.waiter?.wake();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec((req.url ?? '').split('?')[0]!);
    const body = await readBody(req);
    if (!match || match[1] !== this.token) return reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = match[2]!;
    const call: FakeCall = { method, body, status: 200, at: Date.now() };
    this.calls.push(call);
    const fault = this.faults.get(method)?.shift();
    if (fault?.kind === 'reset') {
      call.status = 0;
      return void req.socket.destroy();
    }
    if (fault) {
      call.status = fault.status;
      if (fault.status >= 500) return void res.writeHead(fault.status, { 'content-type': 'text/html' }).end('<html>Bad Gateway</html>');
      const parameters = fault.retryAfter === undefined ? undefined : { retry_after: fault.retryAfter };
      const description = fault.description ?? `Too Many Requests: retry after ${fault.retryAfter ?? 0}`;
      return reply(res, fault.status, { ok: false, error_code: fault.status, description, parameters });
    }
    const handler = this.methods[method];
    if (!handler) return void (call.status = 404, reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' }));
    const result = handler(body, res);
    if (result === 'held') return;
    call.status = result.status;
    reply(res, result.status, result.payload);
  }
}

function reply(res: ServerResponse, status: number, payload: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
}

async function readBody(req: IncomingMessage): Promise<CallBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const text = raw.toString('utf8');
  const type = req.headers['content-type'] ?? '';
  if (text === '') return {};
  if (type.includes('application/json')) return JSON.parse(text) as CallBody;
  if (type.includes('x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  if (!type.includes('multipart/form-data')) return {};
  // Uploads keep their bytes; fields are text, JSON-decoded when they hold JSON (reply_markup).
  const fields: CallBody = {};
  for (const part of parseMultipart(raw, type)) {
    if (part.filename !== undefined) {
      fields[part.name] = { filename: part.filename, contentType: part.contentType, data: part.data };
      continue;
    }
    const value = part.data.toString('utf8');
    try {
      fields[part.name] = /^[[{]/.test(value) ? JSON.parse(value) : value;
    } catch {
      fields[part.name] = value;
    }
  }
  return fields;
}
