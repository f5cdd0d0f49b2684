import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assistantFor, loadConfig, UsageError } from '../../src/index.ts';
import { renderChart } from '../chart/index.ts';
import { parseCommandLine, runCli } from './args.ts';

const USAGE = 'npm run chart -- <measure> [--zh] [--out FILE.png]';

/** `npm run chart -- trade-total --zh --out x.png`: one measure's chart as a PNG file; prints its path. */
await runCli(async () => {
  const { values, positionals } = parseCommandLine(process.argv.slice(2), { zh: { type: 'boolean' }, out: { type: 'string' } }, USAGE);
  const measure = positionals.join(' ').trim();
  if (measure === '') throw new UsageError('name a measure', USAGE);
  const language = values.zh ? 'zh' : 'en';
  const result = assistantFor(loadConfig()).chart(measure, language);
  if (!result.ok) {
    const names = result.measures.map((m) => m.id).join(', ');
    throw new UsageError(result.reason === 'unknown_measure' ? `no measure "${measure}" with a series; measures: ${names}` : `"${measure}" has fewer than two periods to draw`, USAGE);
  }
  const file = path.resolve(values.out ?? `chart-${result.chart.measure}-${language}.png`);
  await writeFile(file, await renderChart(result.chart));
  process.stdout.write(`${file}\n`);
});
