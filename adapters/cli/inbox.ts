import { assistantFor, loadConfig, openStore, parseSpan, UsageError, type InboxGroup } from '../../src/index.ts';
import { parseCommandLine, runCli } from './args.ts';

const USAGE = 'npm run inbox -- [--json] [--since 7d]';

/** Local date and time of an epoch, to the minute: when a group was last seen. */
const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/** A cell cut to `width` characters (wide Chinese characters count as one; a terminal table, not a layout engine). */
const cell = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));

/** The groups as a terminal table: what was asked about, how often, in which languages, when last, an example. */
function table(groups: readonly InboxGroup[]): string {
  if (groups.length === 0) return 'The inbox is empty: nothing declined, unsure or marked 👎 in that time.';
  const head = `${cell('about', 34)} ${cell('count', 5)} ${cell('lang', 5)} ${cell('last seen', 16)} ${cell('kinds', 24)} example / feedback`;
  const rows = groups.map((g) => {
    const kinds = Object.entries(g.kinds).map(([k, n]) => `${k} ${n}`).join(', ');
    const example = [g.questions[0], g.feedback[0] && `“${g.feedback[0]}”`].filter(Boolean).join(' — ');
    return `${cell(g.about, 34)} ${String(g.count).padStart(5)} ${cell(g.languages.join(','), 5)} ${stamp(g.lastSeen)} ${cell(kinds, 24)} ${example}`;
  });
  return [head, '-'.repeat(head.length), ...rows].join('\n');
}

/**
 * `npm run inbox`: what people could not get (declines, unsure answers, 👎 and feedback), grouped by
 * what they asked about, newest group first. Reads the bots' database; it never writes records.
 */
await runCli(async () => {
  const { values } = parseCommandLine(process.argv.slice(2), { json: { type: 'boolean' }, since: { type: 'string' } }, USAGE);
  const span = values.since === undefined ? null : parseSpan(values.since);
  if (values.since !== undefined && span === null) throw new UsageError(`--since "${values.since}" is not a span like 7d, 24h or 30m`, USAGE);
  const config = loadConfig();
  const store = openStore({ dataDir: config.dataDir, retentionDays: config.inboxRetentionDays });
  if (store.problem) process.stderr.write(`gansu-bot: ${store.problem}\n`);
  const groups = assistantFor(config, store).inbox(span === null ? 0 : Date.now() - span);
  store.close();
  process.stdout.write(`${values.json ? JSON.stringify(groups, null, 2) : table(groups)}\n`);
});
