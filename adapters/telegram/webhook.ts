import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryClaims, type Logger, type UpdateClaims } from '../../src/index.ts';
import type { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';

/** Largest update body accepted, in bytes; Telegram's updates are a few KB. */
const MAX_BODY_BYTES = 1_000_000;
/**
 * How long a claimed update is held while it is handled, in ms: a replica that dies meanwhile lets
 * Telegram's redelivery through once it runs out. Handling returns once the reply is queued.
 */
const CLAIM_LEASE_MS = 60_000;
/** The listener's own limits: a slow or idle client cannot hold sockets open (ms, and connections). */
const LIMITS = { headersTimeout: 10_000, requestTimeout: 15_000, keepAliveTimeout: 5_000, maxConnections: 256 } as const;

/** A body over {@link MAX_BODY_BYTES}: answered 413, then the connection is closed. */
class TooLarge extends Error {}
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

export interface WebhookOptions {
  /** The public URL Telegram posts to; its path (and query) is the one route served. */
  url: string;
  secret: string;
  host: string;
  port: number;
  /**
   * Which update ids were already taken, so a redelivered update (our 2xx was lost, or it reached
   * another replica) is answered once. Default: this process's memory; Redis when replicas share it.
   */
  claims?: UpdateClaims;
}

/** A running webhook listener. */
export interface WebhookServer {
  address: AddressInfo;
  /** Stops accepting requests and waits for those in progress. */
  close(): Promise<void>;
}

/**
 * Our own HTTP server for webhook mode, bound to `host` (127.0.0.1 by default: a reverse proxy
 * terminates TLS in front) rather than telegraf's `launch({ webhook })`, which binds every interface
 * unless told otherwise. Every request must carry the secret; a wrong or missing one gets 401 before
 * its body is read. The route is matched with its query string, which `webhookCallback` compares as is.
 */
export async function startWebhookServer(bot: Telegraf, options: WebhookOptions, logger: Logger): Promise<WebhookServer> {
  const route = new URL(options.url);
  const path = route.pathname + route.search;
  const expected = Buffer.from(options.secret);
  const callback = bot.webhookCallback(path, { secretToken: options.secret });
  const claims = options.claims ?? createMemoryClaims();
  // update_id counts per bot: two bots sharing one Redis must not take each other's ids.
  const claimKey = (updateId: number): string => `telegram:${bot.botInfo?.id ?? 'bot'}:${updateId}`;
  const tooLarge = (req: IncomingMessage, res: ServerResponse) => void res.writeHead(413, { connection: 'close' }).end(() => req.destroy());

  const server: Server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== path) return void res.writeHead(req.method === 'POST' ? 404 : 405).end();
    const given = Buffer.from(String(req.headers[SECRET_HEADER] ?? ''));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      logger.warn({ remote: req.socket.remoteAddress }, 'telegram webhook: request without the right secret refused');
      return void res.writeHead(401).end();
    }
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return tooLarge(req, res);
    readBody(req)
      .then(async (body) => {
        const update = JSON.parse(body) as Update;
        if (typeof update.update_id !== 'number') return callback(Object.assign(req, { body: update }), res);
        const key = claimKey(update.update_id);
        // The same update again (our 2xx was lost, or another replica has it): confirm it, answer nothing twice.
        if (!(await claims.claim(key, CLAIM_LEASE_MS))) return void res.writeHead(200).end();
        try {
          await callback(Object.assign(req, { body: update }), res);
        } catch (error) {
          await claims.release(key);
          throw error;
        }
        await claims.settle(key);
      })
      .catch((error: unknown) => {
        logger.warn({ err: { message: (error as Error).message } }, 'telegram webhook: bad request body');
        if (res.headersSent) return void res.end();
        if (error instanceof TooLarge) return tooLarge(req, res);
        res.writeHead(400).end();
      });
  });
  Object.assign(server, LIMITS);
  if (options.host === '0.0.0.0' || options.host === '::') logger.warn({ host: options.host }, 'telegram webhook listens on every interface');
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    address: server.address() as AddressInfo,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Stop reading (not destroy: the 413 must still reach the client); the response closes the socket.
        req.pause();
        reject(new TooLarge(`body over ${MAX_BODY_BYTES} bytes`));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
