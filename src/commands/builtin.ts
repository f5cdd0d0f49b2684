import type { AboutInfo } from '../assistant.ts';
import { bilingual, message, MESSAGES } from '../messages.ts';
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
  description: MESSAGES.argumentQuestion,
  required: true,
  autocomplete: true,
  maxLength,
});

const topicArgument = (knowledge: Knowledge): CommandArgument => ({
  name: 'topic',
  description: MESSAGES.argumentTopic,
  required: false,
  autocomplete: false,
  choices: knowledge.topics.map((t) => ({ value: t.id, name: t.name })),
});

/** The fixed commands, in menu order. `start` is Telegram's first-contact moment; Discord has none. */
function fixedCommands(core: CommandCore): Definition[] {
  const base = { platforms: ALL_PLATFORMS, asksQuestion: false, args: [] };
  return [
    { ...base, name: 'start', platforms: ['telegram', 'console'], description: MESSAGES.commandStart,
      run: ({ language }) => ({ kind: 'welcome', about: core.about(language) }) },
    { ...base, name: 'help', description: MESSAGES.commandHelp,
      run: ({ language, platform }, c, all) => ({ kind: 'help', about: c.about(language), commands: all.filter((x) => x.platforms.includes(platform)) }) },
    { ...base, name: 'ask', asksQuestion: true, args: [questionArgument(core.maxQuestionLength)],
      description: MESSAGES.commandAsk,
      run: ({ args, language }, c) => {
        const question = args.question?.trim() ?? '';
        return question === '' ? { kind: 'notice', text: message('emptyQuestion', language) } : { kind: 'answer', answer: c.ask(question) };
      } },
    { ...base, name: 'stats', args: [topicArgument(core.knowledge)], description: MESSAGES.commandStats,
      run: ({ args, language }, c) => ({ kind: 'stats', stats: c.stats(args.topic?.trim() || null, language) }) },
    { ...base, name: 'about', description: MESSAGES.commandAbout,
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
      description: bilingual('commandTopic', { en: { topic: t.name.en }, zh: { topic: t.name.zh } }),
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
