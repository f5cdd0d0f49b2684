import { createInterface } from 'node:readline';
import { assistantFor, loadConfig, type Answer } from '../../src/index.ts';
import { renderAnswer } from '../console/render.ts';
import { runCli } from './run.ts';

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
  });
}

await runCli(async () => {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const stdin = args.includes('--stdin');
  const question = args.filter((a) => !a.startsWith('--')).join(' ');
  const config = loadConfig();
  const assistant = assistantFor(config);
  const render = json ? toJson : renderAnswer;
  if (!stdin) {
    if (!question) throw new Error('usage: npm run ask -- [--json] "question"   or   npm run ask -- --json --stdin');
    process.stdout.write(`${render(assistant.ask(question))}\n`);
    return;
  }
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    process.stdout.write(`${render(assistant.ask(line))}\n`);
  }
});
