/**
 * Measures the Telegram adapter against the fake Bot API: reply latency for private questions
 * (one at a time, so pacing never delays them) and sustained updates per second, once with Telegram's
 * pacing (30 messages/s) and once with pacing lifted to see what the adapter itself can do.
 * Run: npx tsx scripts/bench-telegram.ts
 */
import { createAssistant } from '../src/index.ts';
import { parseScriptArgs } from '../adapters/cli/args.ts';
import { startHarness, type Harness } from '../tests/fakes/telegram/harness.ts';
import { messageUpdate, user } from '../tests/fakes/telegram/updates.ts';
import { waitFor } from '../tests/fakes/telegram/wait.ts';

parseScriptArgs({}, 'npx tsx scripts/bench-telegram.ts');

const QUESTIONS = ['how many overseas warehouses', '甘肃的海外仓有几个？', '/stats', 'What time is it in Beijing?', 'What are Gansu\'s key exports?'];
const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** Questions one after another, at most `perSecond`: above 30 a second the global pacing itself adds waits. */
async function latency(h: Harness, count: number, perSecond: number): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const next = new Promise((resolve) => setTimeout(resolve, 1000 / perSecond));
    await h.ask(user(50_000 + i), QUESTIONS[i % QUESTIONS.length]!);
    samples.push(performance.now() - started);
    await next;
  }
  samples.sort((a, b) => a - b);
  const f = (n: number): string => `${n.toFixed(1)} ms`;
  process.stdout.write(`latency over ${count} private questions at up to ${perSecond}/s: median ${f(percentile(samples, 50))}, p99 ${f(percentile(samples, 99))}, max ${f(samples.at(-1)!)}\n`);
}

async function throughput(h: Harness, updates: number, users: number, label: string): Promise<void> {
  const before = h.api.ok('sendMessage').length;
  const started = performance.now();
  for (let i = 0; i < updates; i++) h.api.push(messageUpdate(user(100_000 + (i % users)), QUESTIONS[i % QUESTIONS.length]!));
  await waitFor(() => h.api.ok('sendMessage').length - before >= updates, `${updates} replies`, 120_000, 5);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${label}: ${updates} updates from ${users} users in ${seconds.toFixed(2)} s = ${(updates / seconds).toFixed(0)} updates/s\n`);
}

const assistant = createAssistant();
const paced = await startHarness(assistant, { rateLimit: { count: 10_000, windowMs: 60_000 } });
await latency(paced, 100, 25);
await latency(paced, 100, 1000);
await throughput(paced, 200, 50, 'paced (Telegram limits)');
await paced.close();

const unpaced = await startHarness(assistant, {
  rateLimit: { count: 10_000, windowMs: 60_000 },
  pacing: { chatBurst: 1e6, chatPerSecond: 1e6, globalPerSecond: 1e6, maxQueuePerChat: 1e6 },
});
await throughput(unpaced, 5000, 500, 'unpaced (adapter capacity)');
await unpaced.close();
