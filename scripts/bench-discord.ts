/**
 * `npx tsx scripts/bench-discord.ts [count] [paceMs]`: interaction-to-reply latency of the Discord adapter
 * against the loopback fake. Dispatches `count` /ask interactions (default 100) one after another
 * (plus as many mentions) and prints median, p90, p99 and max, in milliseconds. Measures the bot and
 * discord.js, not Discord: the fake answers in microseconds.
 */
import { parseScriptArgs } from '../adapters/cli/args.ts';
import { payloads, startHarness } from '../tests/fakes/discord/harness.ts';

const { positionals } = parseScriptArgs({}, 'npx tsx scripts/bench-discord.ts [count] [paceMs]');
const count = Number(positionals[0] ?? 100);
/**
 * Pause between rounds, in milliseconds (default 50). Back to back, the bench would exceed the
 * 50 requests/s that discord.js allows itself globally, and measure that self-throttling instead.
 */
const paceMs = Number(positionals[1] ?? 50);
const QUESTIONS = ['how many overseas warehouses', '甘肃的海外仓有几个？', 'How many sister cities does Gansu have?', 'What time is it in Beijing?'];

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): string => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
  return `median ${at(0.5)} ms, p90 ${at(0.9)} ms, p99 ${at(0.99)} ms, max ${sorted.at(-1)!.toFixed(1)} ms (n=${sorted.length})`;
}

const h = await startHarness();
try {
  const interactions: number[] = [];
  const mentions: number[] = [];
  const now = (): number => performance.timeOrigin + performance.now();
  // Latency = when the fake received the reply request - when it dispatched the event.
  for (let i = 0; i < count; i += 1) {
    const question = QUESTIONS[i % QUESTIONS.length]!;
    const interaction = payloads.chatInput(h.input(h.user()), 'ask', { question });
    let sent = now();
    await h.interact(interaction);
    const callback = h.fake.rest.requests.find((r) => r.path.startsWith(`/interactions/${String(interaction.id)}/`));
    interactions.push(callback!.at - sent);
    const mention = payloads.messageCreate(h.user(), h.guildPlace(), `<@${h.fake.botUser.id}> ${question}`, [h.fake.botUser]);
    sent = now();
    await h.message(mention);
    const reply = h.fake.rest.requests.find((r) => ((r.body as { message_reference?: { message_id?: string } } | null)?.message_reference?.message_id === mention.id));
    mentions.push(reply!.at - sent);
    await new Promise((resolve) => setTimeout(resolve, paceMs));
  }
  console.log(`/ask interaction -> callback: ${summary(interactions)}`);
  console.log(`mention -> reply:             ${summary(mentions)}`);
} finally {
  await h.stop();
}
