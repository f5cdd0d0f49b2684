import { createServer } from 'node:net';

/** One sample line of the Prometheus text format: `name{label="value",…} number`. */
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/**
 * The sum of the samples of `name` whose labels include `labels` (all series when none are given),
 * or undefined when no series matches: "not there" and "zero" stay apart.
 */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  let total: number | undefined;
  for (const line of text.split('\n')) {
    const match = SAMPLE.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(LABEL)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) total = (total ?? 0) + Number(match[3]);
  }
  return total;
}

/** GETs `path` on the health server; the status and the body (JSON parsed when it is JSON). */
export async function get(port: number, path: string): Promise<{ status: number; text: string; json: unknown }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  return { status: res.status, text, json: res.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : null };
}

/** The first answer of `path` once the server listens (it may not yet): tries every 20 ms, 250 times at most. */
export async function firstAnswer(port: number, path: string): Promise<Awaited<ReturnType<typeof get>> | null> {
  for (let tries = 0; tries < 250; tries++) {
    const answer = await get(port, path).catch(() => null);
    if (answer) return answer;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return null;
}

/** The port the health server logged (`HTTP_PORT=0`), or undefined before it listens. */
export function loggedPort(log: string): number | undefined {
  const match = /"port":(\d+),"msg":"http health and metrics listening"/.exec(log);
  return match ? Number(match[1]) : undefined;
}

/** A loopback port free right now (for a server whose port a test must know before it starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
