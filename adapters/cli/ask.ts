import type { Readable } from 'node:stream';
import { assistantFor, loadConfig, UsageError, type Answer } from '../../src/index.ts';
import { renderAnswer } from '../console/render.ts';
import { parseCommandLine, runCli } from './args.ts';

/** The line `ask --json` prints per question: the contract of the eval scorer. */
function toJson(answer: Answer): string {
  return JSON.stringify({
    question: answer.question,
    answered: answer.answered,
    text: answer.text,
    language: answer.language,
    facts: answer.facts.map((f) => ({ id: f.id, topic: f.topic })),
    confidence: answer.confidence,
    sources: answer.sources,
    followUps: answer.followUps,
    ...(answer.reason ? { reason: answer.reason } : {}),
    ...(answer.resolved ? { resolved: answer.resolved } : {}),
  });
}

/**
 * The question of one input line: the line itself, or the `question` of a JSON object line
 * (`{"question": "...", "conversation": "c1"}`, the scorer's form for conversation cases), asked within
 * that conversation: lines of one conversation come in order, and each may follow up the ones before.
 */
function questionOf(line: string): { question: string; conversation?: string } {
  if (!line.trimStart().startsWith('{')) return { question: line };
  try {
    const parsed: unknown = JSON.parse(line);
    if (parsed && typeof parsed === 'object' && typeof (parsed as { question?: unknown }).question === 'string') {
      const { question, conversation } = parsed as { question: string; conversation?: unknown };
      return typeof conversation === 'string' || typeof conversation === 'number' ? { question, conversation: `cli:${conversation}` } : { question };
    }
  } catch {
    // Not JSON after all: a question that starts with a brace.
  }
  return { question: line };
}

/**
 * Input lines split at line feeds only: a bare carriage return inside a line is part of it (as a
 * space), so one input line always gives one output line; a CR before the LF is dropped.
 */
async function* inputLines(input: Readable): AsyncGenerator<string> {
  let pending = '';
  for await (const chunk of input.setEncoding('utf8') as AsyncIterable<string>) {
    pending += chunk;
    let at: number;
    while ((at = pending.indexOf('\n')) >= 0) {
      yield pending.slice(0, at).replace(/\r$/, '').replace(/\r/g, ' ');
      pending = pending.slice(at + 1);
    }
  }
  if (pending !== '') yield pending.replace(/\r$/, '').replace(/\r/g, ' ');
}

const USAGE = 'npm run ask -- [--json] "question"   or   npm run ask -- --json --stdin';

await runCli(async () => {
  const { values, positionals } = parseCommandLine(process.argv.slice(2), { json: { type: 'boolean' }, stdin: { type: 'boolean' } }, USAGE);
  const { json = false, stdin = false } = values;
  const question = positionals.join(' ');
  if (!stdin && !question) throw new UsageError('no question given', USAGE);
  const config = loadConfig();
  const assistant = assistantFor(config);
  const render = json ? toJson : renderAnswer;
  if (!stdin) {
    process.stdout.write(`${render(await assistant.ask(question))}\n`);
    return;
  }
  for await (const line of inputLines(process.stdin)) {
    const { question: asked, conversation } = questionOf(line);
    process.stdout.write(`${render(await assistant.ask(asked, { conversation }))}\n`);
  }
});
