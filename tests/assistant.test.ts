import { describe, expect, it } from 'vitest';
import { createAssistant } from '../src/index.ts';

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
