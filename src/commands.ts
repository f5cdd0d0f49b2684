import type { Bilingual, Knowledge } from './types.ts';

/** What a chat command does; adapters map each kind to one core call. */
export type CommandKind = 'start' | 'help' | 'about' | 'ask' | 'stats' | 'topic';

/** A chat command both platforms offer, with its description in both languages. */
export interface CommandSpec {
  /** Lower-case name without the slash; valid on Discord and Telegram. */
  name: string;
  kind: CommandKind;
  description: Bilingual;
  /** For `topic` commands: the topic whose stats it shows. */
  topic?: string;
}

const FIXED: readonly CommandSpec[] = [
  { name: 'start', kind: 'start', description: { en: 'Welcome and what I can answer', zh: '欢迎与使用说明' } },
  { name: 'help', kind: 'help', description: { en: 'How to ask, with examples', zh: '如何提问（附示例）' } },
  { name: 'ask', kind: 'ask', description: { en: "Ask about Gansu's Belt and Road trade", zh: '询问甘肃“一带一路”经贸情况' } },
  { name: 'stats', kind: 'stats', description: { en: 'Headline figures, overall or for a topic', zh: '主要数据（全部或按主题）' } },
  { name: 'about', kind: 'about', description: { en: 'What I know and where it comes from', zh: '知识范围与资料来源' } },
];

/**
 * The commands to register: the fixed ones, then one per topic that has figures (a topic without
 * figures has no quick stats to show). Derived from the knowledge, so a new topic gets its command.
 */
export function listCommands(knowledge: Knowledge): CommandSpec[] {
  const withFigures = new Set(knowledge.facts.filter((f) => f.figures.length > 0).map((f) => f.topic));
  const taken = new Set(FIXED.map((c) => c.name));
  const topicCommands = knowledge.topics
    .filter((t) => withFigures.has(t.id) && !taken.has(t.id))
    .map((t): CommandSpec => ({
      name: t.id,
      kind: 'topic',
      topic: t.id,
      description: { en: `Quick stats: ${t.name.en}`, zh: `速览：${t.name.zh}` },
    }));
  return [...FIXED, ...topicCommands];
}
