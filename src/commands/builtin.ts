import type { AboutInfo } from '../assistant.ts';
import { bilingual, message, MESSAGES } from '../messages.ts';
import { MAX_FEEDBACK, type Origin } from '../inbox/desk.ts';
import type { ChartResult } from '../charts/chart.ts';
import type { Answer, Knowledge, Language, SeriesResult, StatsResult } from '../types.ts';
import { ALL_PLATFORMS, type Command, type CommandArgument, type CommandInput, type CommandResult } from './definition.ts';

/** The core calls commands run; the assistant passes its own. */
export interface CommandCore {
  knowledge: Knowledge;
  maxQuestionLength: number;
  ask(question: string, options: { conversation?: string; from?: Origin }): Promise<Answer>;
  feedback(from: Origin, text: string): void;
  stats(topic: string | null, language: Language): StatsResult;
  series(measure: string, language: Language): SeriesResult;
  chart(measure: string, language: Language): ChartResult;
  about(language: Language): AboutInfo;
}

/** A command's handler sees the core and the full command list (for help); only `/ask` needs to wait. */
type Definition = Omit<Command, 'run'> & { run(input: CommandInput, core: CommandCore, all: readonly Command[]): CommandResult | Promise<CommandResult> };

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


const feedbackArgument: CommandArgument = { name: 'text', description: MESSAGES.argumentFeedback, required: true, autocomplete: false, maxLength: MAX_FEEDBACK };

/** Most measures autocomplete offers at once (Discord shows 25 choices). */
const MAX_MEASURE_CHOICES = 25;

/** `/trend`'s argument: a measure with a series, suggested by id or name as the user types. */
const measureArgument = (core: CommandCore): CommandArgument => ({
  name: 'measure',
  description: MESSAGES.argumentMeasure,
  required: false,
  autocomplete: true,
  suggest: (partial, language) => {
    const all = core.series('', language);
    const measures = all.ok ? [all.measure] : all.measures;
    const wanted = partial.trim().toLowerCase();
    return measures
      .filter((m) => wanted === '' || m.id.includes(wanted) || m.name.en.toLowerCase().includes(wanted) || m.name.zh.includes(wanted))
      .slice(0, MAX_MEASURE_CHOICES)
      .map((m) => ({ value: m.id, name: m.name[language] }));
  },
});

/** `/trend`: one measure over time as a list with its chart, or the measures to pick from when none matches. */
function trend(measure: string, language: Language, core: CommandCore): CommandResult {
  const series = core.series(measure, language);
  if (series.ok && measure.trim() !== '') {
    const chart = core.chart(series.measure.id, language);
    return { kind: 'stats', stats: { ok: true, topic: null, title: series.title, items: series.items }, ...(chart.ok ? { chart: chart.chart } : {}) };
  }
  const measures = series.ok ? [series.measure] : series.measures;
  const example = measures[0]?.id ?? '';
  return { kind: 'notice', text: message('trendPick', language, { example, measures: measures.map((m) => m.id).join(', ') }) };
}

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
      run: async ({ args, language, from, conversation }, c) => {
        const question = args.question?.trim() ?? '';
        return question === '' ? { kind: 'notice', text: message('emptyQuestion', language) } : { kind: 'answer', answer: await c.ask(question, { ...(from ? { from } : {}), ...(conversation ? { conversation } : {}) }) };
      } },
    { ...base, name: 'stats', args: [topicArgument(core.knowledge)], description: MESSAGES.commandStats,
      run: ({ args, language }, c) => ({ kind: 'stats', stats: c.stats(args.topic?.trim() || null, language) }) },
    { ...base, name: 'trend', args: [measureArgument(core)], description: MESSAGES.commandTrend,
      run: ({ args, language }, c) => trend(args.measure ?? '', language, c) },
    { ...base, name: 'about', description: MESSAGES.commandAbout,
      run: ({ language }, c) => ({ kind: 'about', about: c.about(language) }) },
    { ...base, name: 'feedback', args: [feedbackArgument], description: MESSAGES.commandFeedback,
      run: ({ args, language, from, platform }, c) => {
        const text = args.text?.trim() ?? '';
        if (text === '') return { kind: 'notice', text: message('feedbackEmpty', language) };
        c.feedback(from ?? { platform, chat: 'private', user: platform }, text);
        return { kind: 'notice', text: message('feedbackThanks', language) };
      } },
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
  const commands: Command[] = definitions.map((d) => ({ ...d, run: async (input) => d.run(input, core, commands) }));
  return commands;
}
