import { describe, expect, it } from 'vitest';
import { createAssistant, type AnswerEvent, type InboxEvent } from '../src/index.ts';
import { tinyKnowledge } from './helpers/knowledge.ts';

const assistant = createAssistant();

describe('createAssistant', () => {
  it('GIVEN the real base THEN lists fixed commands and one per topic with figures', () => {
    const names = assistant.commands.list().map((c) => c.name);
    expect(names.slice(0, 6)).toEqual(['start', 'help', 'ask', 'stats', 'trend', 'about']);
    expect(names).toEqual(expect.arrayContaining(['routes', 'exports', 'warehouses', 'trade', 'partners', 'fair', 'expo', 'cities', 'medicine']));
    expect(names).not.toContain('overview');
    for (const c of assistant.commands.list()) expect(c.description.zh).toMatch(/\p{Script=Han}/u);
  });

  it('GIVEN a topic without figures THEN about() gives it no command; topics with figures name theirs', () => {
    const topics = assistant.about('en').topics;
    expect(topics.find((t) => t.id === 'overview')?.command).toBeNull();
    expect(topics.find((t) => t.id === 'warehouses')?.command).toBe('warehouses');
  });

  it('GIVEN partial input THEN suggest() offers questions of the base in the input language', () => {
    expect(assistant.suggest('warehou')[0]).toMatch(/warehouse/i);
    expect(assistant.suggest('海外')[0]).toMatch(/海外/);
    expect(assistant.suggest('').length).toBeGreaterThan(0);
    expect(assistant.suggest('x'.repeat(5000)).length).toBeLessThanOrEqual(25);
  });

  it('GIVEN a language THEN examples() are questions in it, from different topics first', async () => {
    const [first, second] = assistant.examples('zh', 2);
    expect(first).toMatch(/\p{Script=Han}/u);
    expect((await assistant.ask(first!)).facts[0]?.topic).not.toBe((await assistant.ask(second!)).facts[0]?.topic);
  });
});

describe('GIVEN an observer', () => {
  const answers: AnswerEvent[] = [];
  const records: InboxEvent[] = [];
  const observed = createAssistant({ knowledge: tinyKnowledge(), observer: { answered: (e) => answers.push(e), recorded: (e) => records.push(e) } });
  const from = { platform: 'telegram', chat: 'private', user: '7' } as const;

  it('WHEN a person asks THEN it hears the platform, outcome, language and duration; a decline worth a look is recorded too', async () => {
    await observed.ask('pear exports', { from });
    await observed.ask('what is the weather on mars', { from });
    expect(answers.map(({ durationMs: _ms, ...rest }) => rest)).toEqual([
      { platform: 'telegram', answered: true, reason: null, language: 'en' },
      { platform: 'telegram', answered: false, reason: 'off_topic', language: 'en' },
    ]);
    expect(answers.every((e) => e.durationMs >= 0 && e.durationMs < 60_000)).toBe(true);
    expect(records).toEqual([{ platform: 'telegram', kind: 'declined' }]);
  });

  it('WHEN a question has no origin (the ask CLI, inline previews) THEN it hears nothing; feedback is recorded', async () => {
    const before = answers.length;
    await observed.ask('pear exports');
    expect(answers.length).toBe(before);
    observed.feedback(from, null, null, 'more on apples');
    expect(records.at(-1)).toEqual({ platform: 'telegram', kind: 'feedback' });
  });
});
