import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpConfig, Logger } from '../../src/index.ts';
import type { Metrics } from './metrics.ts';
import type { ReadinessReport } from './readiness.ts';

/** The listener's limits, as the webhook's: a slow or idle client cannot hold sockets (ms, and connections). */
const LIMITS = { headersTimeout: 10_000, requestTimeout: 15_000, keepAliveTimeout: 5_000, maxConnections: 64 } as const;

/** What the server reads at each request. */
export interface HttpServerOptions {
  config: HttpConfig;
  metrics: Metrics;
  readiness: () => ReadinessReport;
  logger: Logger;
}

/** A running health and metrics server. */
export interface HttpServer {
  address: AddressInfo;
  /** Stops accepting requests and waits for those in progress. */
  close(): Promise<void>;
}

/**
 * The operator's window: `GET /healthz` 200 while the process runs, `GET /readyz` 200 or 503 with the
 * reason as JSON, `GET /metrics` in Prometheus text format. Bound to loopback unless `HTTP_HOST` says
 * otherwise; nothing it serves holds a token, a user or a question.
 */
export async function startHttpServer({ config, metrics, readiness, logger }: HttpServerOptions): Promise<HttpServer> {
  const log = logger.child({ adapter: 'http' });
  const json = (res: ServerResponse, status: number, body: unknown) =>
    void res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
  const routes: Record<string, (res: ServerResponse) => Promise<void> | void> = {
    '/healthz': (res) => json(res, 200, { alive: true }),
    '/readyz': (res) => {
      const report = readiness();
      json(res, report.ready ? 200 : 503, report);
    },
    '/metrics': async (res) => {
      const text = await metrics.registry.metrics();
      res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text);
    },
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // The path before any query, taken as given: no URL parsing that a hostile request line could make throw.
    const route = Object.hasOwn(routes, pathOf(req.url)) ? routes[pathOf(req.url)] : undefined;
    if (!route) return void res.writeHead(404).end();
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
    Promise.resolve(route(res)).catch((error: unknown) => {
      log.error({ err: { message: (error as Error).message } }, 'http: request failed');
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  Object.assign(server, LIMITS);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  log.info({ host: address.address, port: address.port }, 'http health and metrics listening');
  return {
    address,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

function pathOf(url: string | undefined): string {
  return (url ?? '/').split('?')[0]!;
}
