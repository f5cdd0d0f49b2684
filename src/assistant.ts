import { createEngine } from './answer/engine.ts';
import { listCommands, type CommandSpec } from './commands.ts';
import { PROJECT_ROOT, type Config } from './config/load.ts';
import { loadKnowledge } from './knowledge/load.ts';
import { createSuggester } from './search/suggest.ts';
import { measureSeries, quickStats } from './stats.ts';
import type { Answer, Knowledge, Language, SeriesResult, StatsResult, Topic } from './types.ts';
import path from 'node:path';

export interface AssistantOptions {
  /** Folder of knowledge files (default `knowledge/` in the project). Ignored when `knowledge` is given. */
  knowledgeDir?: string;
  /** Already-loaded knowledge, e.g. a small inline set in tests. */
  knowledge?: Knowledge;
  /** Longest question answered, in characters (default 500); longer ones get a short "too long" reply. */
  maxQuestionLength?: number;
}

/** What the bot knows, for `/about`, `/help` and `/start`. */
export interface AboutInfo {
  title: string;
  text: string;
  /** Each topic, with the command that shows its quick stats (null for a topic without figures). */
  topics: Array<{ id: string; name: string; description: string; command: string | null }>;
  sources: string[];
  examples: string[];
}

/** The core as adapters see it: every method returns data and none throws on user input. */
export interface Assistant {
  readonly knowledge: Knowledge;
  /** Commands to register on every platform (fixed ones, then one per topic with figures). */
  readonly commands: readonly CommandSpec[];
  /** Answers one question in its own language, or in `language` when given. */
  ask(question: string, options?: { language?: Language }): Answer;
  /** Quick stats overall (`topic` empty) or for one topic (id or name, either language). */
  stats(topic?: string | null, language?: Language, view?: 'latest' | 'all'): StatsResult;
  /** One measure over time (by id or name), for `/trend` and `stats --series`. */
  series(measure: string, language?: Language): SeriesResult;
  /** Example questions, one per fact in the base's order, for help texts and buttons. */
  examples(language: Language, limit?: number): string[];
  /** Questions from the base that match partial input, for autocomplete; language follows the input. */
  suggest(partial: string, limit?: number): string[];
  about(language: Language): AboutInfo;
  topic(id: string): Topic | undefined;
}

/** The assistant a validated {@link Config} describes: its knowledge folder and question limit. */
export function assistantFor(config: Pick<Config, 'knowledgeDir' | 'maxQuestionLength'>): Assistant {
  return createAssistant({ knowledgeDir: config.knowledgeDir, maxQuestionLength: config.maxQuestionLength });
}

/** Loads the knowledge (throwing {@link KnowledgeError} if broken), builds the index, and returns the core. */
export function createAssistant(options: AssistantOptions = {}): Assistant {
  const knowledge = options.knowledge ?? loadKnowledge(options.knowledgeDir ?? path.join(PROJECT_ROOT, 'knowledge'));
  const engine = createEngine(knowledge, { maxQuestionLength: options.maxQuestionLength ?? 500 });
  const suggester = createSuggester(knowledge);
  const commands = listCommands(knowledge);
  const examples = (language: Language, limit = 6): string[] => engine.examples(language).slice(0, limit);

  return {
    knowledge,
    commands,
    ask: (question, opts) => engine.answer(question, opts?.language),
    stats: (topic, language = 'en', view = 'latest') => quickStats(knowledge, topic, language, view),
    series: (measure, language = 'en') => measureSeries(knowledge, measure, language),
    examples,
    suggest: (partial, limit = 25) => suggester.suggest(partial, limit),
    topic: (id) => knowledge.topics.find((t) => t.id === id),
    about(language) {
      const zh = language === 'zh';
      return {
        title: zh ? `gansu-bot：${knowledge.scope.zh}问答` : `gansu-bot: ${knowledge.scope.en}`,
        text: zh
          ? `我根据整理好的资料回答关于${knowledge.scope.zh}的问题，共${knowledge.facts.length}条事实，每个数字都注明单位、时期和出处。用中文或英文提问均可；资料里没有的，我会直说不知道。`
          : `I answer questions on ${knowledge.scope.en} from ${knowledge.facts.length} curated facts; every figure has its unit, period and source. Ask in English or Chinese; when the facts don't cover something, I say so.`,
        topics: knowledge.topics.map((t) => ({
          id: t.id,
          name: t.name[language],
          description: t.description[language],
          command: commands.find((c) => c.topic === t.id)?.name ?? null,
        })),
        sources: sourcesLine(knowledge, language),
        examples: examples(language, 4),
      };
    },
  };
}

/** The founding article by name, then how many more sources and the years they span: one short list. */
function sourcesLine(knowledge: Knowledge, language: Language): string[] {
  const [founding, ...rest] = knowledge.documents;
  if (!founding) return [];
  const years = rest.map((d) => d.published.slice(0, 4)).filter(Boolean).sort();
  const span = years.length > 0 ? `${years[0]}–${years.at(-1)}` : '';
  const more = language === 'zh' ? `另有${rest.length}份公开来源（${span}）` : `${rest.length} more public sources (${span})`;
  return rest.length > 0 ? [founding.title, more] : [founding.title];
}
