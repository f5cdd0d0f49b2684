import type { AboutInfo } from '../assistant.ts';
import { message } from '../messages.ts';
import type { Answer, Knowledge, Language, StatsResult } from '../types.ts';
import { ALL_PLATFORMS, type Command, type CommandArgument } from './definition.ts';

/** The core calls commands run; the assistant passes its own. */
export interface CommandCore {
  knowledge: Knowledge;
  maxQuestionLength: number;
  ask(question: string): Answer;
  stats(topic: string | null, language: Language): StatsResult;
  about(language: Language): AboutInfo;
}

/** A command's handler sees the core and the full command list (for help). */
type Definition = Omit<Command, 'run'> & { run(input: Parameters<Command['run']>[0], core: CommandCore, all: readonly Command[]): ReturnType<Command['run']> };

const questionArgument = (maxLength: number): CommandArgument => ({
  name: 'question',
  description: { en: 'Your question, in English or Chinese', zh: '您的问题（中文或英文）' },
  required: true,
  autocomplete: true,
  maxLength,
});

const topicArgument = (knowledge: Knowledge): CommandArgument => ({
  name: 'topic',
  description: { en: 'A topic (leave empty for all)', zh: '主题（留空显示全部）' },
  required: false,
  autocomplete: false,
  choices: knowledge.topics.map((t) => ({ value: t.id, name: t.name })),
});

/** The fixed commands, in menu order. `start` is Telegram's first-contact moment; Discord has none. */
function fixedCommands(core: CommandCore): Definition[] {
  const base = { platforms: ALL_PLATFORMS, asksQuestion: false, args: [] };
  return [
    { ...base, name: 'start', platforms: ['telegram', 'console'], description: { en: 'Welcome and what I can answer', zh: '欢迎与使用说明' },
      run: ({ language }) => ({ kind: 'welcome', about: core.about(language) }) },
    { ...base, name: 'help', description: { en: 'How to ask, with examples', zh: '如何提问（附示例）' },
      run: ({ language, platform }, c, all) => ({ kind: 'help', about: c.about(language), commands: all.filter((x) => x.platforms.includes(platform)) }) },
    { ...base, name: 'ask', asksQuestion: true, args: [questionArgument(core.maxQuestionLength)],
      description: { en: "Ask about Gansu's Belt and Road trade", zh: '询问甘肃“一带一路”经贸情况' },
      run: ({ args, language }, c) => {
        const question = args.question?.trim() ?? '';
        return question === '' ? { kind: 'notice', text: message('emptyQuestion', language) } : { kind: 'answer', answer: c.ask(question) };
      } },
    { ...base, name: 'stats', args: [topicArgument(core.knowledge)], description: { en: 'Headline figures, overall or for a topic', zh: '主要数据（全部或按主题）' },
      run: ({ args, language }, c) => ({ kind: 'stats', stats: c.stats(args.topic?.trim() || null, language) }) },
    { ...base, name: 'about', description: { en: 'What I know and where it comes from', zh: '知识范围与资料来源' },
      run: ({ language }, c) => ({ kind: 'about', about: c.about(language) }) },
  ];
}

/** One quick-stats command per topic that has figures (a topic without figures has nothing to show). */
function topicCommands(core: CommandCore, taken: ReadonlySet<string>): Definition[] {
  const withFigures = new Set(core.knowledge.facts.filter((f) => f.figures.length > 0).map((f) => f.topic));
  return core.knowledge.topics
    .filter((t) => withFigures.has(t.id) && !taken.has(t.id))
    .map((t): Definition => ({
      name: t.id,
      topic: t.id,
      platforms: ALL_PLATFORMS,
      asksQuestion: false,
      args: [],
      description: { en: `Quick stats: ${t.name.en}`, zh: `速览：${t.name.zh}` },
      run: ({ language }, c) => ({ kind: 'stats', stats: c.stats(t.id, language) }),
    }));
}

/**
 * Every command, in menu order: the fixed ones, then one per topic with figures, derived from the
 * knowledge so a new topic gets its command. Adding a command (a future `/trend`) is one definition here.
 */
export function defineCommands(core: CommandCore): Command[] {
  const fixed = fixedCommands(core);
  const definitions = [...fixed, ...topicCommands(core, new Set(fixed.map((c) => c.name)))];
  const commands: Command[] = definitions.map((d) => ({ ...d, run: (input) => d.run(input, core, commands) }));
  return commands;
}
