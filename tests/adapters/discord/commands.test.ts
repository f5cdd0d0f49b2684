import { describe, expect, it } from 'vitest';
import { buildCommands, INTENTS, PARTIALS } from '../../../adapters/discord/index.ts';
import { GatewayIntentBits, IntentsBitField, Partials } from 'discord.js';
import { createAssistant } from '../../../src/index.ts';
import { assistant } from '../../fakes/discord/harness.ts';

const commands = buildCommands(assistant().commands.list('discord'));
const byName = new Map(commands.map((c) => [c.name, c]));
const HAN = /\p{Script=Han}/u;

describe('GIVEN the slash commands built from the core', () => {
  it('THEN they are the core commands without /start, in order', () => {
    expect(commands.map((c) => c.name)).toEqual(assistant().commands.list().filter((c) => c.name !== 'start').map((c) => c.name));
  });

  it('THEN names are ASCII and every description is 1-100 characters and translated for zh-CN and zh-TW', () => {
    for (const c of commands) {
      expect(c.name).toMatch(/^[a-z][a-z0-9_-]{0,31}$/);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(100);
      expect(c.description_localizations?.['zh-CN']).toMatch(HAN);
      expect(c.description_localizations?.['zh-TW']).toMatch(HAN);
    }
  });

  it('THEN /ask has a required, autocompleted question capped at the core limit', () => {
    expect(byName.get('ask')?.options).toEqual([
      expect.objectContaining({ name: 'question', type: 3, required: true, autocomplete: true, max_length: 500 }),
    ]);
  });

  it('THEN /stats offers every topic as a choice, with Chinese names for zh-CN', () => {
    const [topic] = byName.get('stats')?.options ?? [];
    const choices = (topic as { choices?: Array<{ value: string; name_localizations?: Record<string, string> }> }).choices ?? [];
    expect(choices.map((c) => c.value)).toEqual(assistant().knowledge.topics.map((t) => t.id));
    for (const c of choices) expect(c.name_localizations?.['zh-CN']).toMatch(HAN);
  });

  it('THEN there is one quick-stats command per topic with figures', () => {
    for (const spec of assistant().commands.list('discord').filter((c) => c.topic !== undefined)) expect(byName.get(spec.name)?.options ?? []).toEqual([]);
    expect(['routes', 'exports', 'warehouses', 'trade', 'fair', 'expo', 'medicine'].every((n) => byName.has(n))).toBe(true);
  });

  it('THEN zh-TW gets Traditional characters where zh-CN has Simplified', () => {
    const about = byName.get('about')!.description_localizations!;
    expect([about['zh-CN'], about['zh-TW']]).toEqual(['知识范围与资料来源', '知識範圍與資料來源']);
  });

  it('THEN commands work in guilds and in DMs with the bot', () => {
    for (const c of commands) expect(c.contexts).toEqual([0, 1]);
  });

  it('THEN a very large question limit is capped at Discord maximum of 6000', () => {
    const [ask] = buildCommands(createAssistant({ maxQuestionLength: 50_000 }).commands.list('discord')).filter((c) => c.name === 'ask');
    expect((ask?.options?.[0] as { max_length?: number }).max_length).toBe(6000);
  });
});

describe('GIVEN the client settings', () => {
  it('THEN the intents are Guilds, GuildMessages and DirectMessages only (no privileged Message Content)', () => {
    expect(new IntentsBitField([...INTENTS]).bitfield).toBe(
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages,
    );
    expect(INTENTS).not.toContain(GatewayIntentBits.MessageContent);
    expect(PARTIALS).toEqual([Partials.Channel]);
  });
});
