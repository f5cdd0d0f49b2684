import { describe, expect, it } from 'vitest';
import { createAssistant, createButtonCodec, DISCORD_BUTTON_LIMIT, TELEGRAM_BUTTON_LIMIT } from '../src/index.ts';

const assistant = createAssistant();
const baseQuestions = assistant.knowledge.facts.flatMap((f) => f.questions.flatMap((q) => [q.en, q.zh]));

describe('the button codec', () => {
  it.each([
    ['Telegram', TELEGRAM_BUTTON_LIMIT, (id: string) => Buffer.byteLength(id)],
    ['Discord', DISCORD_BUTTON_LIMIT, (id: string) => id.length],
  ] as const)('GIVEN every question of the base on %s THEN each id fits the limit and a new process decodes it', (_, limit, size) => {
    const ids = baseQuestions.map((q) => assistant.buttons(limit).encode(q));
    const restarted = assistant.buttons(limit);
    for (const id of ids) expect(size(id)).toBeLessThanOrEqual(limit.max);
    expect(ids.map((id) => restarted.decode(id))).toEqual(baseQuestions.map((question) => ({ kind: 'question', question })));
  });

  it('GIVEN every measure with a chart THEN its 📈 id fits Telegram\'s 64 bytes and a new process decodes it; a malformed one is foreign', () => {
    const all = assistant.series('', 'en');
    const measures = (all.ok ? [all.measure] : all.measures).map((m) => m.id);
    expect(measures.length).toBeGreaterThan(10);
    for (const measure of measures) {
      const id = assistant.buttons(TELEGRAM_BUTTON_LIMIT).chart(measure, 'zh');
      expect(Buffer.byteLength(id)).toBeLessThanOrEqual(64);
      expect(assistant.buttons(TELEGRAM_BUTTON_LIMIT).decode(id)).toEqual({ kind: 'chart', measure, language: 'zh' });
    }
    expect(assistant.buttons(TELEGRAM_BUTTON_LIMIT).decode('g1c:Trade Total:fr').kind).toBe('foreign');
  });

  it('GIVEN a short question THEN the id carries the question itself, so it needs no memory', () => {
    const id = createButtonCodec([], TELEGRAM_BUTTON_LIMIT).encode('How many warehouses?');
    expect(id).toBe('g1t:How many warehouses?');
    expect(createButtonCodec([], TELEGRAM_BUTTON_LIMIT).decode(id)).toEqual({ kind: 'question', question: 'How many warehouses?' });
  });

  it('GIVEN a long question the base does not list THEN this process resolves its hash and a restarted one says expired', () => {
    const long = `What about ${'very '.repeat(30)}long questions?`;
    const id = createButtonCodec([], TELEGRAM_BUTTON_LIMIT).encode(long);
    expect(id).toMatch(/^g1h:[\w-]{16}$/);
    const codec = createButtonCodec([], TELEGRAM_BUTTON_LIMIT);
    expect(codec.decode(codec.encode(long))).toEqual({ kind: 'question', question: long });
    expect(createButtonCodec([], TELEGRAM_BUTTON_LIMIT).decode(id)).toEqual({ kind: 'expired' });
  });

  it('GIVEN an id we did not make THEN it is foreign, not expired', () => {
    expect(createButtonCodec([], DISCORD_BUTTON_LIMIT).decode('m|42')).toEqual({ kind: 'foreign' });
  });
});
