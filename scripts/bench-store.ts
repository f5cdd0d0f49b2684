import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DATABASE_FILE, openStore } from '../src/store/open.ts';
import type { InboxRecord } from '../src/store/types.ts';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : 0);

/**
 * The inbox's cost per answer on a real SQLite file: what a platform adds to each answer (remember the
 * answer for its buttons, record a decline), its latency, and the file's size per 10,000 records.
 */
export function benchStore(records = 10_000): string {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gansu-bench-store-'));
  try {
    const store = openStore({ dataDir, retentionDays: 90 });
    const times: number[] = [];
    for (let i = 0; i < records; i += 1) {
      const question = `How many pandas live in zoo number ${i} of Gansu province, and since when?`;
      const entry: InboxRecord = {
        at: Date.now(), platform: i % 2 ? 'telegram' : 'discord', chat: 'group', language: 'en', question, kind: 'declined',
        reason: 'unknown', facts: ['warehouses-overseas', 'routes-trains'], confidence: 0.4, feedback: null, user: store.hashUser('telegram', String(i % 500)),
      };
      const started = performance.now();
      store.rememberAnswer({ key: `k${i}`, question, language: 'en', facts: entry.facts, confidence: 0.4, answered: false });
      store.record(entry);
      times.push(performance.now() - started);
    }
    store.close();
    times.sort((a, b) => a - b);
    const file = path.join(dataDir, DATABASE_FILE);
    const bytes = sizeOf(file) + sizeOf(`${file}-wal`);
    const per10k = (bytes / records) * 10_000;
    return `store (SQLite, WAL)     ${records} answers recorded  write p50 ${percentile(times, 50).toFixed(3)} ms  p99 ${percentile(times, 99).toFixed(3)} ms  file ${(per10k / 1024 / 1024).toFixed(1)} MB per 10,000 records`;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
