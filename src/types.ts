/** A language the bot reads and answers in. */
export type Language = 'en' | 'zh';

/** Text in both of the bot's languages. */
export interface Bilingual {
  en: string;
  zh: string;
}

/** How a figure's period is counted: a flow over a span, a stock at a date, or a running total. */
export type PeriodKind = 'year' | 'half' | 'quarter' | 'months' | 'month' | 'day' | 'asof' | 'cumulative' | 'undated';

/**
 * When a figure holds, parsed from a spec such as `2022-H1` or `asof 2023-12`; `en`/`zh` are its labels.
 * Dates are ISO (`2022-06-30`); null where the source states no year (`yearStated` false) or no start.
 */
export interface Period extends Bilingual {
  spec: string;
  kind: PeriodKind;
  start: string | null;
  end: string | null;
  yearStated: boolean;
  /** A target or plan, not an outcome. */
  planned: boolean;
}

/** One number the source states, with what it counts and when. */
export interface Figure {
  /** Stable key, unique in the base (e.g. `trains-2024`). */
  key: string;
  value: number;
  /** Unit in English (`trains`, `%`, `USD million`); `unitZh` is the Chinese form. */
  unit: string;
  unitZh: string;
  period: Period;
  label: Bilingual;
  /** What is counted, by whom and where; figures of one measure over periods form a series. */
  measure: string;
  /** The figure as the source prints it (`264.2亿元`) when `value` is converted into the measure's unit. */
  printed?: string;
}

/** A series' identity: figures that count the same thing, so their periods can be compared. */
export interface Measure {
  id: string;
  topic: string;
  name: Bilingual;
  /** What it is not, for curators and answers ("trains, not containers"). */
  note?: Bilingual;
}

/** A document the base quotes: the founding article or a note on a public page. */
export interface SourceDocument {
  id: string;
  title: string;
  publisher: string;
  url: string;
  /** ISO date (or month/year) of publication; for undated pages the latest it can be. */
  published: string;
  /** True when the page itself carries no date and `published` is a bound. */
  undated: boolean;
  /** The founding article (one per base): its figures head `/stats`, its questions lead the examples. */
  founding: boolean;
  language: string;
  /** The document's full text, which every quote must appear in. */
  text: string;
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
  /** `document` is the title shown to users; `documentId` names a {@link SourceDocument}. */
  source: { document: string; documentId: string; quote: string };
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
  measures: Measure[];
  documents: SourceDocument[];
  /** Figure lines of source notes that are deliberately not figures, with the reason (checked by tests). */
  exclusions: Array<{ documentId: string; value: string; reason: string }>;
}

/** Why the bot did not answer: expected misses, as values. */
export type DeclineReason = 'empty' | 'too_long' | 'greeting' | 'help' | 'off_topic' | 'unknown' | 'period';

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
  /** The key the answer's feedback buttons carry (set when asked with an origin). */
  key?: string;
  /** A follow-up joined to the question it follows, as it was answered ("How big is it? where is the peru warehouse"). */
  resolved?: string;
  /**
   * The measure whose chart goes with the answer (set when it has one): `trend` when the answer is the
   * series itself, so platforms show the picture with it; otherwise offered on demand (a button).
   */
  chart?: { measure: string; trend: boolean };
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
  /** The measure the figure belongs to (its series). */
  measure: string;
  /** ISO dates the period starts and ends on; null where the source states no year (or no start). */
  periodStart: string | null;
  periodEnd: string | null;
  /** The id of the source document. */
  source: string;
}

/** One measure over time, oldest first; an unknown measure is a value listing those with a series. */
export type SeriesResult =
  | { ok: true; measure: Measure; title: string; items: StatItem[] }
  | { ok: false; reason: 'unknown_measure'; measures: Measure[] };

/** Quick stats overall or for one topic; an unknown topic is a value, not an error. */
export type StatsResult =
  | { ok: true; topic: Topic | null; title: string; items: StatItem[] }
  | { ok: false; reason: 'unknown_topic'; text: string; topics: Topic[] };
