import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { argsFromText, detectLanguage, message, type Answer, type Assistant, type ChartDescription, type Origin } from '../../src/index.ts';
import { sparkline } from '../chart/index.ts';
import { renderAnswer, renderResult, renderWelcome } from './render.ts';

/** The chat's streams and core; tests pass PassThrough streams, `npm start` the process's. */
export interface ChatOptions {
  assistant: Assistant;
  input: Readable;
  output: Writable;
  /** A person at a terminal: show a welcome and a prompt. Piped input gets answers only. */
  interactive: boolean;
}

const CONSOLE: Origin = { platform: 'console', chat: 'private', user: 'console' };

/** The console's reply to one line: a registry command (`/stats exports`, `/routes`) or a question. */
export async function replyTo(assistant: Assistant, line: string): Promise<string> {
  const language = detectLanguage(line);
  const command = /^\/([A-Za-z0-9_]+)\s*([\s\S]*)$/.exec(line);
  // The terminal is one conversation with one user; its misses go to the inbox as platform `console`.
  if (!command) {
    const answer = await assistant.ask(line, { conversation: CONSOLE.user, from: CONSOLE });
    return withSparkline(renderAnswer(answer), trendChart(assistant, answer));
  }
  const [, name = '', rest = ''] = command;
  const found = assistant.commands.find(name.toLowerCase());
  if (!found?.platforms.includes('console')) return message('unknownCommand', language, { name });
  const result = await found.run({ args: argsFromText(found, rest), language, platform: 'console' });
  return withSparkline(renderResult(result, language), result.kind === 'stats' ? result.chart : result.kind === 'answer' ? trendChart(assistant, result.answer) : undefined);
}

/** The chart of a trend answer: the terminal shows it as a sparkline. */
function trendChart(assistant: Assistant, answer: Answer): ChartDescription | undefined {
  const chart = answer.chart?.trend ? assistant.chart(answer.chart.measure, answer.language) : null;
  return chart?.ok ? chart.chart : undefined;
}

/** `text` with the chart's one-line sparkline under it (📈 ▅▁█ 2022 58.42 · …), when there is a chart. */
function withSparkline(text: string, chart: ChartDescription | undefined): string {
  return chart ? `${text}\n  📈 ${sparkline(chart)}` : text;
}

/**
 * The terminal chat: each line is a question, or a command from the registry (`/stats [topic]`,
 * `/routes`, `/about`, `/help`), or `/quit`. Resolves when input ends or the user quits.
 */
export async function runChat({ assistant, input, output, interactive }: ChatOptions): Promise<void> {
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity });
  const say = (text: string) => output.write(`${text}\n`);
  if (interactive) {
    say(renderWelcome(assistant.about('en'), 'en'));
    rl.setPrompt('> ');
    rl.prompt();
  }
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '/quit' || line === '/exit') break;
    if (line !== '') say(await replyTo(assistant, line));
    if (interactive) rl.prompt();
  }
  rl.close();
}
