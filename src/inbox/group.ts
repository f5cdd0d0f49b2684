import type { InboxKind, InboxRecord } from '../store/types.ts';

/** Questions people could not get, gathered by what they asked about. */
export interface InboxGroup {
  /** What the group is about: the nearest fact, or the question's key terms. */
  about: string;
  count: number;
  languages: string[];
  kinds: Partial<Record<InboxKind, number>>;
  /** Epoch milliseconds of the newest record. */
  lastSeen: number;
  /** The newest distinct questions, at most three. */
  questions: string[];
  /** What users wrote about the answers, newest first, at most three. */
  feedback: string[];
}

/**
 * Groups inbox records (👍 left out: nothing to fix) that share what they are about: `aboutOf` gives a
 * record's key terms (or its nearest fact), and records sharing any one of them join one group (so
 * "how many pandas" and "pandas living in zoos" meet). Newest group first; a group is named by its
 * most frequent terms.
 */
export function groupInbox(records: readonly InboxRecord[], aboutOf: (record: InboxRecord) => string[]): InboxGroup[] {
  const kept = records.filter((r) => r.kind !== 'thumbs_up');
  const abouts = kept.map((r) => aboutOf(r));
  // Union-find over records, joined through the first record seen with each term.
  const parent = kept.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const firstWith = new Map<string, number>();
  abouts.forEach((terms, i) => {
    for (const term of terms) {
      const j = firstWith.get(term);
      if (j === undefined) firstWith.set(term, i);
      else parent[root(i)] = root(j);
    }
  });
  const members = new Map<number, number[]>();
  kept.forEach((_, i) => members.set(root(i), [...(members.get(root(i)) ?? []), i]));
  return [...members.values()].map((ids) => summarize(ids.map((i) => kept[i]!), ids.flatMap((i) => abouts[i]!))).sort((a, b) => b.lastSeen - a.lastSeen || b.count - a.count);
}

function summarize(records: readonly InboxRecord[], terms: readonly string[]): InboxGroup {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  const about = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([t]) => t).join(' + ') || '(no words)';
  const newest = [...records].sort((a, b) => b.at - a.at);
  const kinds: InboxGroup['kinds'] = {};
  for (const r of records) kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
  return {
    about,
    count: records.length,
    languages: [...new Set(records.map((r) => r.language))],
    kinds,
    lastSeen: newest[0]?.at ?? 0,
    questions: [...new Set(newest.map((r) => r.question).filter(Boolean))].slice(0, 3),
    feedback: newest.flatMap((r) => (r.feedback ? [r.feedback] : [])).slice(0, 3),
  };
}

/** "7d", "24h", "30m" as milliseconds; null when it is not such a span. */
export function parseSpan(text: string): number | null {
  const m = /^(\d+)\s*([dhm])$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * { d: 86_400_000, h: 3_600_000, m: 60_000 }[m[2] as 'd' | 'h' | 'm'];
}
