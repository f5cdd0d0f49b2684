import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAssistant, MAX_FEEDBACK, openStore } from '../../src/index.ts';
import { groupInbox, parseSpan } from '../../src/inbox/group.ts';
import type { InboxRecord } from '../../src/store/types.ts';

const root = mkdtempSync(path.join(tmpdir(), 'gansu-inbox-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const store = openStore({ dataDir: root, retentionDays: 90 });
const assistant = createAssistant({ store });
const alice = { platform: 'telegram', chat: 'private', user: '4242' } as const;

describe('inbox: what is recorded', () => {
  it('GIVEN a declined question with an origin THEN it is recorded with its reason, language and a hashed user', async () => {
    const before = store.inbox().length;
    await assistant.ask('How many pandas live in Gansu zoos?', { from: alice });
    const added = store.inbox().slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ kind: 'declined', reason: 'unknown', language: 'en', platform: 'telegram', chat: 'private', question: 'How many pandas live in Gansu zoos?' });
    expect(added[0]!.user).not.toContain('4242');
  });

  it('GIVEN greetings, help and confident answers THEN nothing is recorded; without an origin (the ask CLI) nothing either', async () => {
    const before = store.inbox().length;
    for (const q of ['hello', 'help', 'How many overseas warehouses does Gansu have?']) await assistant.ask(q, { from: alice });
    await assistant.ask('How many pandas live in Gansu zoos?');
    expect(store.inbox()).toHaveLength(before);
  });

  it('GIVEN a 👎 on an answer THEN it is recorded with the question and facts; a second press is not asked about again', async () => {
    const answer = await assistant.ask('How many overseas warehouses does Gansu have?', { from: alice });
    const first = assistant.feedback(alice, 'down', answer.key!, null);
    expect(first).toEqual({ question: answer.question, first: true });
    expect(assistant.feedback(alice, 'down', answer.key!, null).first).toBe(false);
    assistant.feedback(alice, 'down', answer.key!, 'the count is from 2024, I wanted 2025');
    const mine = store.inbox().filter((r) => r.kind === 'thumbs_down');
    expect(mine).toHaveLength(2);
    expect(mine[1]).toMatchObject({ question: answer.question, facts: answer.facts.map((f) => f.id), feedback: 'the count is from 2024, I wanted 2025' });
  });

  it('GIVEN feedback longer than MAX_FEEDBACK THEN the inbox keeps it cut to that length', () => {
    assistant.feedback(alice, null, null, 'x'.repeat(MAX_FEEDBACK * 3));
    expect(store.inbox().at(-1)!.feedback!.length).toBeLessThanOrEqual(MAX_FEEDBACK);
  });

  it('GIVEN a 👎 whose answer is unknown (another store) THEN it is still recorded, without a question', () => {
    expect(assistant.feedback(alice, 'down', 'unknownkey12', null)).toEqual({ question: null, first: true });
  });

  it('GIVEN /feedback text THEN it lands in the inbox and the user is thanked', async () => {
    const feedback = assistant.commands.find('feedback')!;
    const result = await feedback.run({ args: { text: 'please add 2025 trains' }, language: 'en', platform: 'telegram', from: alice });
    expect(result).toMatchObject({ kind: 'notice' });
    expect(store.inbox().at(-1)).toMatchObject({ kind: 'feedback', feedback: 'please add 2025 trains' });
    expect(await feedback.run({ args: {}, language: 'zh', platform: 'telegram', from: alice })).toMatchObject({ kind: 'notice' });
  });
});

describe('inbox: grouping', () => {
  const at = (min: number) => Date.UTC(2026, 0, 1, 0, min);
  const rec = (question: string, minute: number, extra: Partial<InboxRecord> = {}): InboxRecord => ({
    at: at(minute), platform: 'discord', chat: 'group', language: 'en', question, kind: 'declined', reason: 'unknown', facts: [], confidence: 0, feedback: null, user: 'h', ...extra,
  });

  it('GIVEN questions sharing a key term THEN they form one group with counts, languages and last seen, newest group first', () => {
    const terms: Record<string, string[]> = { a: ['pandas', 'zoo'], b: ['pandas'], c: ['gdp', 'lanzhou'], d: ['zoo', 'tickets'] };
    const groups = groupInbox([rec('a', 1), rec('c', 2), rec('b', 3, { language: 'zh' }), rec('d', 0), rec('x', 9, { kind: 'thumbs_up' })], (r) => terms[r.question] ?? []);
    expect(groups.map((g) => [g.count, g.questions.length])).toEqual([
      [3, 3],
      [1, 1],
    ]);
    expect(groups[0]).toMatchObject({ languages: ['en', 'zh'], lastSeen: at(3), kinds: { declined: 3 } });
    expect(groups[0]!.about).toMatch(/pandas|zoo/);
  });

  it('GIVEN spans THEN 7d, 24h and 30m parse; anything else is null', () => {
    expect([parseSpan('7d'), parseSpan('24h'), parseSpan('30m'), parseSpan('week')]).toEqual([604_800_000, 86_400_000, 1_800_000, null]);
  });
});
