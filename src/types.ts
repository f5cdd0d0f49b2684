/** A language the bot reads and answers in. */
export type Language = 'en' | 'zh';

/** Text in both of the bot's languages. */
export interface Bilingual {
  en: string;
  zh: string;
}

/** One number the source states, with what it counts and when. */
export interface Figure {
  /** Stable key, unique within the fact (e.g. `trains`). */
  key: string;
  value: number;
  /** Unit in English (`trains`, `%`, `USD million`); `unitZh` is the Chinese form. */
  unit: string;
  unitZh: string;
  /** The period the figure covers, as the source states it. */
  period: Bilingual;
  label: Bilingual;
}

/** A curated statement from the source, the unit the engine answers from. */
export interface Fact {
  id: string;
  topic: string;
  title: Bilingual;
  answer: Bilingual;
  figures: Figure[];
  /** Extra words and phrases people use for this fact, per language. */
  aliases: { en: string[]; zh: string[] };
  /** Questions this fact answers, offered as examples and follow-ups. */
  questions: Bilingual[];
  source: { document: string; quote: string };
}

/** A topic groups facts for quick stats and per-topic commands. */
export interface Topic {
  /** Lower-case command-safe id (`routes`), used as `/routes`. */
  id: string;
  name: Bilingual;
  description: Bilingual;
}

/** The vocabulary that steers search and intent; data, so the domain lives outside the code. */
export interface Lexicon {
  /** Synonym groups, both languages: every term in a group is searched as any other. */
  synonyms: string[][];
  /** Words that say a question is about something outside the base (`hotel`, `xinjiang`). */
  offTopic: string[];
  /** Greetings and small talk (`hello`, `你好`): answered with a short welcome, not a fact. */
  greetings: string[];
  /** Requests for help (`help`, `what can you do`). */
  help: string[];
  /** Words that carry no topic (`how`, `many`, `gansu`, `的`). */
  stopWords: string[];
}

/** Everything loaded from the knowledge folder. */
export interface Knowledge {
  /** What the base covers, as a phrase ("Gansu's Belt and Road trade"), for help and decline texts. */
  scope: Bilingual;
  facts: Fact[];
  topics: Topic[];
  lexicon: Lexicon;
}

/** Why the bot did not answer: expected misses, as values. */
export type DeclineReason = 'empty' | 'too_long' | 'greeting' | 'help' | 'off_topic' | 'unknown';

/** A figure as it appears in an answer, already in the answer's language. */
export interface FigureView {
  factId: string;
  label: string;
  value: number;
  unit: string;
  period: string;
  /** Value and unit formatted for display, e.g. `5,567 cars` or `USD 360 million`. */
  display: string;
}

/** A fact an answer used. */
export interface FactRef {
  id: string;
  topic: string;
  title: string;
}

/** Where an answer's statement comes from. */
export interface SourceRef {
  factId: string;
  document: string;
  quote: string;
}

/**
 * The engine's reply to one question: data for adapters to render.
 * `text` is a complete chat reply of at most 300 characters; everything else travels beside it.
 */
export interface Answer {
  question: string;
  answered: boolean;
  /** Set when `answered` is false. */
  reason?: DeclineReason;
  text: string;
  language: Language;
  facts: FactRef[];
  figures: FigureView[];
  /** 0..1: how sure the engine is that `facts` answer the question. */
  confidence: number;
  sources: SourceRef[];
  /** Questions to offer as buttons: related facts, or examples when declining. */
  followUps: string[];
}

/** One headline figure for `/stats`. */
export interface StatItem {
  key: string;
  topic: string;
  label: string;
  value: number;
  unit: string;
  period: string;
  factId: string;
  display: string;
}

/** Quick stats overall or for one topic; an unknown topic is a value, not an error. */
export type StatsResult =
  | { ok: true; topic: Topic | null; title: string; items: StatItem[] }
  | { ok: false; reason: 'unknown_topic'; text: string; topics: Topic[] };
