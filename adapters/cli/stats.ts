import { assistantFor, detectLanguage, loadConfig, type StatItem } from '../../src/index.ts';
import { renderStats } from '../console/render.ts';
import { parseCommandLine, runCli } from './args.ts';

/** The JSON shape of `stats --json`: one object per figure. */
function toJson(items: StatItem[]): string {
  return JSON.stringify(
    items.map(({ key, topic, label, value, unit, period, factId }) => ({ key, topic, label, value, unit, period, factId })),
    null,
    2,
  );
}

await runCli(async () => {
  const { values, positionals } = parseCommandLine(
    process.argv.slice(2),
    { json: { type: 'boolean' }, zh: { type: 'boolean' } },
    'npm run stats -- [--json] [--zh] [topic]',
  );
  const { json = false, zh = false } = values;
  const topic = positionals.join(' ');
  const config = loadConfig();
  const assistant = assistantFor(config);
  const language = zh || detectLanguage(topic) === 'zh' ? 'zh' : 'en';
  const result = assistant.stats(topic, language);
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
