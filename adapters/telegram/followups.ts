import type { Knowledge } from '../../src/index.ts';

/**
 * Turns follow-up questions into `callback_data` and back. Telegram allows only 64 bytes there, so
 * the raw question cannot travel in the button.
 */
export interface FollowUpCodec {
  /** A callback_data of at most 64 bytes for `question`. */
  encode(question: string): string;
  /** The question behind a button, or `undefined` for data we did not make or have forgotten. */
  decode(data: string): string | undefined;
}

/** Telegram's limit on `callback_data`, in bytes. */
export const MAX_CALLBACK_DATA_BYTES = 64;

/** Questions remembered for buttons the knowledge base does not list (the rare case). */
const DEFAULT_MEMORY_SIZE = 2000;

/**
 * Questions the knowledge base lists are encoded by fact id and position (`q|fact|0|z`): stateless,
 * so buttons keep working across restarts. Anything else gets a short id in a bounded in-memory map
 * (`m|42`), oldest forgotten first.
 */
export function createFollowUpCodec(knowledge: Knowledge, memorySize = DEFAULT_MEMORY_SIZE): FollowUpCodec {
  const byQuestion = new Map<string, string>();
  const byData = new Map<string, string>();
  for (const fact of knowledge.facts) {
    fact.questions.forEach((question, index) => {
      for (const [language, text] of [['e', question.en], ['z', question.zh]] as const) {
        const data = `q|${fact.id}|${index}|${language}`;
        if (Buffer.byteLength(data) > MAX_CALLBACK_DATA_BYTES || byQuestion.has(text)) continue;
        byQuestion.set(text, data);
        byData.set(data, text);
      }
    });
  }
  const memory = new Map<string, string>();
  let next = 0;

  return {
    encode(question) {
      const known = byQuestion.get(question);
      if (known) return known;
      const data = `m|${(next++).toString(36)}`;
      memory.set(data, question);
      if (memory.size > memorySize) memory.delete(memory.keys().next().value!);
      return data;
    },
    decode(data) {
      return byData.get(data) ?? memory.get(data);
    },
  };
}
