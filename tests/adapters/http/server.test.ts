import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics, startHttpServer, type HttpServer } from '../../../adapters/http/index.ts';
import { createLogger } from '../../../src/index.ts';
import { get } from '../../helpers/http.ts';

let server: HttpServer;
beforeAll(async () => {
  server = await startHttpServer({
    config: { host: '127.0.0.1', port: 0 },
    metrics: createMetrics(),
    readiness: () => ({ ready: true, reason: null, facts: 1, platforms: {} }),
    logger: createLogger('silent', []),
  });
});
afterAll(() => server?.close());

/** Sends one raw request line and returns the status line of the answer. */
function rawStatus(requestLine: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.address.port, '127.0.0.1', () => socket.write(`${requestLine}\r\nHost: x\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer')));
    socket.on('data', (d: Buffer) => (text += d.toString()));
    socket.on('end', () => resolve(text.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

describe('GIVEN the health server', () => {
  it('WHEN a request line is hostile (an absolute URL that does not parse) THEN 404, and it goes on serving', async () => {
    expect(await rawStatus('GET http://[ HTTP/1.1')).toBe('HTTP/1.1 404 Not Found');
    expect(await rawStatus('GET /__proto__ HTTP/1.1')).toBe('HTTP/1.1 404 Not Found');
    expect((await get(server.address.port, '/healthz')).status).toBe(200);
  });

  it('WHEN a known path is posted to THEN 405; a query string is ignored', async () => {
    expect(await rawStatus('POST /metrics HTTP/1.1')).toBe('HTTP/1.1 405 Method Not Allowed');
    expect((await get(server.address.port, '/readyz?verbose=1')).status).toBe(200);
  });
});
