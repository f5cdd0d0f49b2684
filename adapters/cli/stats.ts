import { assistantFor, detectLanguage, loadConfig, type StatItem } from '../../src/index.ts';
import { renderStats } from '../console/render.ts';
import { parseCommandLine, runCli } from './args.ts';

/** The JSON shape of `stats --json`: one object per figure. */
function toJson(items: StatItem[]): string {
  return JSON.stringify(
    items.map(({ key, topic, label, value, unit, period, factId, measure, periodStart, periodEnd, source }) => ({
      key, topic, label, value, unit, period, factId, measure, periodStart, periodEnd, source,
    })),
    null,
    2,
  );
}

await runCli(async () => {
  const { values, positionals } = parseCommandLine(
    process.argv.slice(2),
    { json: { type: 'boolean' }, zh: { type: 'boolean' }, series: { type: 'string' } },
    'npm run stats -- [--json] [--zh] [topic | --series MEASURE]',
  );
  const { json = false, zh = false } = values;
  const topic = positionals.join(' ');
  const config = loadConfig();
  const assistant = assistantFor(config);
  const language = zh || detectLanguage(values.series ?? topic) === 'zh' ? 'zh' : 'en';
  if (values.series !== undefined) {
    const series = assistant.series(values.series, language);
    if (!series.ok) {
      process.stderr.write(`gansu-bot: no series "${values.series}". Measures: ${series.measures.map((m) => m.id).join(', ')}\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write(json ? `${toJson(series.items)}\n` : `${renderStats({ ok: true, topic: null, title: series.title, items: series.items }, language)}\n`);
    return;
  }
  // --json lists every figure (one row each); the table shows the latest figure per measure.
  const result = assistant.stats(topic, language, json ? 'all' : 'latest');
  if (!result.ok) {
    process.stderr.write(`${result.text}\n`);
    process.exitCode = 1;
    return;
  }
  if (json) {
    process.stdout.write(`${toJson(result.items)}\n`);
    return;
  }
  process.stdout.write(`${renderStats(result, language)}\n`);
});
