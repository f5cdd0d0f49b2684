import { createEngine } from './answer/engine.ts';
import { createConversations } from './conversation/converse.ts';
import { createDesk, type FeedbackOutcome, type Origin } from './inbox/desk.ts';
import { groupInbox, type InboxGroup } from './inbox/group.ts';
import { offStore } from './store/open.ts';
import type { Store } from './store/types.ts';
import type { AssistantObserver } from './observer.ts';
import { createMemoryStore, type ConversationStore } from './conversation/memory.ts';
import { createButtonCodec, type ButtonCodec, type ButtonIdLimit } from './buttons.ts';
import { defineCommands } from './commands/builtin.ts';
import { createCommandRegistry, type CommandRegistry } from './commands/registry.ts';
import { PROJECT_ROOT, type Config } from './config/load.ts';
import { loadKnowledge } from './knowledge/load.ts';
import { message } from './messages.ts';
import { createSuggester } from './search/suggest.ts';
import { measureSeries, quickStats } from './stats.ts';
import type { ChartResult } from './charts/chart.ts';
import { createCharts } from './charts/charts.ts';
import type { Answer, Knowledge, Language, SeriesResult, StatsResult, Topic } from './types.ts';
import path from 'node:path';

export interface AssistantOptions {
  /** Folder of knowledge files (default `knowledge/` in the project). Ignored when `knowledge` is given. */
  knowledgeDir?: string;
  /** Already-loaded knowledge, e.g. a small inline set in tests. */
  knowledge?: Knowledge;
  /** Longest question answered, in characters (default 500); longer ones get a short "too long" reply. */
  maxQuestionLength?: number;
  /** Seconds a conversation is remembered after its last message (default 600). */
  conversationTtlSeconds?: number;
  /** Where conversations live (default: process memory, bounded, least recently used first out). */
  conversations?: ConversationStore;
  /** Where the inbox and feedback go (default: nowhere; the platforms pass the data folder's database). */
  store?: Store;
  /** Hears each person's question once answered and each inbox record, e.g. for metrics (default: no one). */
  observer?: AssistantObserver;
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
  /** The command registry every platform registers and dispatches from (fixed ones, then one per topic with figures). */
  readonly commands: CommandRegistry;
  /**
   * Answers one question in its own language, or in `language` when given; with a `conversation` key,
   * as the next message of that conversation (a follow-up resolves against the ones before).
   * Asynchronous because the conversation may live in a shared store (Redis); the engine itself is not.
   */
  ask(question: string, options?: { language?: Language; conversation?: string; from?: Origin }): Promise<Answer>;
  /**
   * A 👍 / 👎 on an answer (by the `key` its buttons carry) or free text (`/feedback`, the reply to a
   * 👎), into the inbox.
   */
  feedback(from: Origin, vote: 'up' | 'down' | null, key: string | null, text: string | null): FeedbackOutcome;
  /** What people could not get, grouped by what they asked about, newest group first. */
  inbox(since?: number): InboxGroup[];
  /** Quick stats overall (`topic` empty) or for one topic (id or name, either language). */
  stats(topic?: string | null, language?: Language, view?: 'latest' | 'all'): StatsResult;
  /** One measure over time (by id or name), for `/trend` and `stats --series`. */
  series(measure: string, language?: Language): SeriesResult;
  /** One measure's chart as data (by id or name), for adapters to draw; none below two periods. */
  chart(measure: string, language?: Language): ChartResult;
  /** Example questions, one per fact in the base's order, for help texts and buttons. */
  examples(language: Language, limit?: number): string[];
  /** Questions from the base that match partial input, for autocomplete; language follows the input. */
  suggest(partial: string, limit?: number): string[];
  about(language: Language): AboutInfo;
  topic(id: string): Topic | undefined;
  /** The follow-up button codec for a platform's id limit, knowing every question the base offers. */
  buttons(limit: ButtonIdLimit): ButtonCodec;
}

/**
 * The assistant a validated {@link Config} describes: its knowledge folder and question limit, with the
 * inbox in `store`, conversations in `conversations` (Redis, when replicas share them), and an
 * `observer` hearing each answer (metrics, with `HTTP_PORT`).
 */
export function assistantFor(
  config: Pick<Config, 'knowledgeDir' | 'maxQuestionLength' | 'conversationTtlSeconds'>,
  store?: Store,
  conversations?: ConversationStore,
  observer?: AssistantObserver,
): Assistant {
  return createAssistant({
    knowledgeDir: config.knowledgeDir,
    maxQuestionLength: config.maxQuestionLength,
    conversationTtlSeconds: config.conversationTtlSeconds,
    ...(store ? { store } : {}),
    ...(conversations ? { conversations } : {}),
    ...(observer ? { observer } : {}),
  });
}

/** Loads the knowledge (throwing {@link KnowledgeError} if broken), builds the index, and returns the core. */
export function createAssistant(options: AssistantOptions = {}): Assistant {
  const knowledge = options.knowledge ?? loadKnowledge(options.knowledgeDir ?? path.join(PROJECT_ROOT, 'knowledge'));
  const maxQuestionLength = options.maxQuestionLength ?? 500;
  const engine = createEngine(knowledge, { maxQuestionLength });
  const suggester = createSuggester(knowledge);
  const documentById = new Map(knowledge.facts.map((f) => [f.id, f.source.documentId]));
  const observer = options.observer ?? {};
  const store = observed(options.store ?? offStore('no data folder'), observer);
  const desk = createDesk(store);
  const titleOf = new Map(knowledge.facts.map((f) => [f.id, f.title.en]));
  const ask: Assistant['ask'] = async (question, opts) => {
    const started = performance.now();
    const answer = charts.checked(opts?.conversation === undefined ? engine.answer(question, opts?.language) : await conversations.ask(opts.conversation, question, opts.language));
    if (!opts?.from) return answer;
    const { platform } = opts.from;
    observer.answered?.({ platform, answered: answer.answered, reason: answer.reason ?? null, language: answer.language, durationMs: performance.now() - started });
    return { ...answer, key: desk.note(answer, opts.from) };
  };
  const conversations = createConversations({
    answer: (q, language, focus) => engine.answer(q, language, focus),
    documentOf: (id) => documentById.get(id),
    store: options.conversations ?? createMemoryStore({ ttlSeconds: options.conversationTtlSeconds ?? 600 }),
  });
  const examples = (language: Language, limit = 6): string[] => engine.examples(language).slice(0, limit);
  const series = (measure: string, language: Language = 'en'): SeriesResult => measureSeries(knowledge, engine.series, measure, language);
  const charts = createCharts(knowledge, engine.series, series);
  const chart = (measure: string, language: Language = 'en'): ChartResult => charts.chart(measure, language);
  const stats = (topic?: string | null, language: Language = 'en', view: 'latest' | 'all' = 'latest'): StatsResult => quickStats(knowledge, topic, language, view);
  const commands = createCommandRegistry(
    defineCommands({ knowledge, maxQuestionLength, ask: (q, o) => ask(q, o), feedback: (from, text) => void desk.feedback(from, null, null, text), stats, series, chart, about }),
  );

  function about(language: Language): AboutInfo {
    const scope = knowledge.scope[language];
    return {
      title: message('aboutTitle', language, { scope }),
      text: message('aboutText', language, { scope, facts: knowledge.facts.length }),
      topics: knowledge.topics.map((t) => ({
        id: t.id,
        name: t.name[language],
        description: t.description[language],
        command: commands.list().find((c) => c.topic === t.id)?.name ?? null,
      })),
      sources: sourcesLine(knowledge, language),
      examples: examples(language, 4),
    };
  }

  return {
    knowledge,
    commands,
    ask,
    feedback: (from, vote, key, text) => desk.feedback(from, vote, key, text),
    inbox: (since) =>
      groupInbox(store.inbox(since), (r) => {
        const fact = r.facts[0] && titleOf.get(r.facts[0]);
        return fact ? [`fact: ${fact}`] : engine.keyTerms(r.question || (r.feedback ?? ''));
      }),
    stats,
    series,
    chart,
    examples,
    suggest: (partial, limit = 25) => suggester.suggest(partial, limit),
    topic: (id) => knowledge.topics.find((t) => t.id === id),
    about,
    buttons: (limit) =>
      createButtonCodec([...knowledge.facts.flatMap((f) => f.questions.flatMap((q) => [q.en, q.zh])), ...examples('en', Infinity), ...examples('zh', Infinity)], limit),
  };
}

/** `store`, telling the observer of each record handed to it. */
function observed(store: Store, observer: AssistantObserver): Store {
  const { recorded } = observer;
  if (!recorded) return store;
  return {
    ...store,
    record(entry) {
      store.record(entry);
      recorded({ platform: entry.platform, kind: entry.kind });
    },
  };
}

/** The founding article by name, then how many more sources and the years they span: one short list. */
function sourcesLine(knowledge: Knowledge, language: Language): string[] {
  const founding = knowledge.documents.find((d) => d.founding);
  const rest = knowledge.documents.filter((d) => d !== founding);
  if (!founding) return [];
  const years = rest.map((d) => d.published.slice(0, 4)).filter(Boolean).sort();
  const span = years.length > 0 ? `${years[0]}–${years.at(-1)}` : '';
  const more = message('moreSources', language, { count: rest.length, span });
  return rest.length > 0 ? [founding.title, more] : [founding.title];
}
