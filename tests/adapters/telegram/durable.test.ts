import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotProcess, type BotProcess } from '../../fakes/telegram/process.ts';
import { repliesTo, sendRound, tally, type SentQuestion } from '../../fakes/telegram/rounds.ts';
import { FakeBotApi } from '../../fakes/telegram/server.ts';
import { messageUpdate, user } from '../../fakes/telegram/updates.ts';
import { sleep, waitFor } from '../../fakes/telegram/wait.ts';

// The acceptance rounds of issue 10, small enough for CI: the real `npm start` against the fake, killed
// with SIGKILL at a random point while 60 questions from 20 users arrive, then started again.
const USERS = 20;
const root = mkdtempSync(path.join(tmpdir(), 'gansu-durable-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The fake, the running bot, and the environment it restarts with. */
interface Run {
  api: FakeBotApi;
  bot: BotProcess;
  env: Record<string, string>;
}

/** A port free right now, for the webhook listener to keep across restarts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts a fake and `npm start` against it before the describe's tests, and stops both after. */
function useRun(mode: 'polling' | 'webhook'): Run {
  const run = {} as Run;
  beforeAll(async () => {
    run.api = await FakeBotApi.start();
    run.env = { TELEGRAM_BOT_TOKEN: run.api.token, TELEGRAM_API_ROOT: run.api.url, DATA_DIR: path.join(root, mode), TELEGRAM_RATE_LIMIT: '100' };
    if (mode === 'webhook') {
      // Telegram retries a delivery that got no 2xx; the bot is down for seconds at a time.
      run.api.webhookAttempts = 240;
      const port = await freePort();
      run.api.deliverTo = `http://127.0.0.1:${port}`;
      Object.assign(run.env, { TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/hook', TELEGRAM_WEBHOOK_SECRET: 'durable_Secret-1', TELEGRAM_WEBHOOK_PORT: String(port) });
    }
    run.bot = await startBotProcess(run.env);
  }, 60_000);
  afterAll(async () => {
    await run.bot?.stop('SIGKILL');
    await run.api?.close();
  });
  return run;
}

/** Waits until every question has a reply, then a moment more for late duplicates. */
async function allAnswered(api: FakeBotApi, questions: readonly SentQuestion[]): Promise<void> {
  await waitFor(() => questions.every((q) => repliesTo(api, q) > 0), `${questions.length} questions answered`, 60_000, 50);
  await sleep(1000);
}

/**
 * Rounds of questions arriving 20 ms apart, the bot killed at a random point of each and started
 * again: no question lost, and only replies in flight at the kill sent twice.
 */
async function killRounds(run: Run, rounds: ReadonlyArray<readonly ['group' | 'private', number]>): Promise<void> {
  for (const [kind, base] of rounds) {
    const { questions, sent } = sendRound(run.api, kind, base, USERS, 20);
    const killAfterMs = Math.round(100 + Math.random() * 1400);
    await sleep(killAfterMs);
    const killedAt = Date.now();
    expect(await run.bot.stop('SIGKILL')).toBeNull();
    await sent;
    run.bot = await startBotProcess(run.env);
    await allAnswered(run.api, questions);
    const { lost, duplicates, twiceFirstAt } = tally(run.api, questions);
    console.info(`[telegram durable] ${kind} round, SIGKILL after ${killAfterMs} ms: ${questions.length} questions, ${lost} lost, ${duplicates} sent twice`);
    expect(lost).toBe(0);
    // Sent twice only if in flight at the kill: its first copy reached Telegram just before it (the
    // pacer releases up to 30 at once, so a kill can catch several). Never a reply sent well before.
    expect(twiceFirstAt.every((at) => at > killedAt - 500)).toBe(true);
    expect(duplicates).toBeLessThanOrEqual(30);
  }
}

describe('GIVEN `npm start` long polling, killed with SIGKILL mid-burst and started again', () => {
  const run = useRun('polling');

  it('THEN over two group rounds and a private round no question is lost, and only a reply in flight at the kill is sent twice', async () => {
    await killRounds(run, [['group', 20_000], ['group', 20_100], ['private', 20_200]]);
  }, 240_000);

  it('WHEN SIGTERM comes with replies still queued THEN it exits 0 saying how many it kept, and the next start sends them all, once', async () => {
    const { api } = run;
    // 21 questions in one group: at a message a second, more than the 10 s the bot used to wait before giving up
    // (and under the group's 20 a minute for the restarted bot).
    const { questions, sent } = sendRound(api, 'group', 20_300, 7, 0, 7);
    await sent;
    await waitFor(() => questions.filter((q) => repliesTo(api, q) > 0).length >= 3, 'the first replies', 30_000);
    expect(await run.bot.stop('SIGTERM')).toBe(0);
    const kept = Number(/telegram stopped; (\d+) replies kept for the next start/.exec(run.bot.output)?.[1] ?? 0);
    const answered = questions.filter((q) => repliesTo(api, q) > 0).length;
    // Every question is answered, kept, or still unconfirmed at Telegram (fetched by the next start).
    const unconfirmed = questions.filter((q) => api.state.updates.some((u) => u.update_id === q.updateId)).length;
    expect(kept).toBeGreaterThan(0);
    expect(answered + kept + unconfirmed).toBe(questions.length);
    run.bot = await startBotProcess(run.env);
    await allAnswered(api, questions);
    console.info(`[telegram durable] SIGTERM: ${answered} answered, ${kept} kept, ${unconfirmed} unconfirmed; after the restart ${JSON.stringify(tally(api, questions))}`);
    expect(tally(api, questions)).toMatchObject({ lost: 0, duplicates: 0 });
  }, 120_000);
});

describe('GIVEN `npm start` with a webhook, killed with SIGKILL mid-burst and started again', () => {
  const run = useRun('webhook');

  it('THEN over a group round and a private round no question is lost, and only a reply in flight at the kill is sent twice', async () => {
    await killRounds(run, [['group', 21_000], ['private', 21_100]]);
  }, 180_000);

  it('WHEN one update_id is delivered 5 times, then 5 more after a restart THEN it is answered once', async () => {
    const { api } = run;
    const u = user(21_500);
    const update = { update_id: 990_001, ...messageUpdate(u, 'how many overseas warehouses') };
    const confirmed = (): number => api.deliveries.filter((d) => d.updateId === update.update_id && d.status === 200).length;
    for (let i = 0; i < 5; i += 1) api.post(update);
    await waitFor(() => api.sentTo(u.id).length > 0 && confirmed() >= 5, 'the answer', 30_000);
    await run.bot.stop('SIGKILL');
    run.bot = await startBotProcess(run.env);
    for (let i = 0; i < 5; i += 1) api.post(update);
    await waitFor(() => confirmed() >= 10, 'five more deliveries confirmed', 30_000);
    await sleep(1000);
    expect(api.sentTo(u.id)).toHaveLength(1);
  }, 90_000);
});
