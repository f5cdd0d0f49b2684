import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { detectLanguage, type Assistant } from '../../src/index.ts';
import { renderAnswer, renderStats, renderWelcome } from './render.ts';

export interface ChatOptions {
  assistant: Assistant;
  input: Readable;
  output: Writable;
  /** A person at a terminal: show a welcome and a prompt. Piped input gets answers only. */
  interactive: boolean;
}

/**
 * The terminal chat: each line is a question, or a command (`/stats [topic]`, `/about`, `/help`,
 * `/quit`). Resolves when input ends or the user quits.
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
    const language = detectLanguage(line);
    const [command, ...rest] = line.split(/\s+/);
    if (command === '/quit' || command === '/exit') break;
    if (command === '/stats') say(renderStats(assistant.stats(rest.join(' '), language)));
    else if (command === '/about' || command === '/help' || command === '/start') say(renderWelcome(assistant.about(language), language));
    else if (line !== '') say(renderAnswer(assistant.ask(line)));
    if (interactive) rl.prompt();
  }
  rl.close();
}
