import type { AboutInfo } from '../assistant.ts';
import type { Origin } from '../inbox/desk.ts';
import type { ChartDescription } from '../charts/chart.ts';
import type { Answer, Bilingual, Language, StatsResult } from '../types.ts';

/** A front end that offers commands; each renders and registers them from the one registry. */
export type Platform = 'telegram' | 'discord' | 'console';

/** Every platform: the default for a command that is not platform chrome. */
export const ALL_PLATFORMS: readonly Platform[] = ['telegram', 'discord', 'console'];

/** One argument of a command, described in both languages for every platform's command menu. */
export interface CommandArgument {
  /** Lower-case ASCII name (Discord's option name). */
  name: string;
  description: Bilingual;
  required: boolean;
  /** Suggest values while the user types (Discord autocomplete from the base's questions). */
  autocomplete: boolean;
  /** Fixed values to pick from (Discord shows a menu); other platforms accept them as typed text. */
  choices?: ReadonlyArray<{ value: string; name: Bilingual }>;
  /** Longest value, in characters (the question limit for `ask`). */
  maxLength?: number;
  /** Values matching what is typed, for autocomplete; without it, autocomplete offers the base's questions. */
  suggest?(partial: string, language: Language): Array<{ value: string; name: string }>;
}

/** What a command is run with: its arguments by name, the reply language and where it was asked. */
export interface CommandInput {
  args: Readonly<Record<string, string>>;
  language: Language;
  platform: Platform;
  /** Who asked (for the inbox and `/feedback`); absent where nobody is recorded. */
  from?: Origin;
  /** The conversation a question continues (`/ask` follow-ups). */
  conversation?: string;
}

/** A command's name and description, as help texts list them. */
export interface CommandInfo {
  name: string;
  description: Bilingual;
  args: readonly CommandArgument[];
}

/** What a command returns: data for the adapter to render, never platform types or markup. */
export type CommandResult =
  | { kind: 'answer'; answer: Answer }
  | { kind: 'stats'; stats: StatsResult; chart?: ChartDescription }
  | { kind: 'about'; about: AboutInfo }
  | { kind: 'help'; about: AboutInfo; commands: readonly CommandInfo[] }
  | { kind: 'welcome'; about: AboutInfo }
  | { kind: 'notice'; text: string };

/**
 * A command, defined once: names, descriptions and arguments in both languages, the platforms that
 * offer it, and a handler returning data. Telegram's menu, Discord's slash commands and the console's
 * help are all made from these.
 */
export interface Command extends CommandInfo {
  platforms: readonly Platform[];
  /** A question to the engine: counts against the user's question cooldown. */
  asksQuestion: boolean;
  /** For a topic's quick-stats command: the topic id. */
  topic?: string;
  /** Runs the command; asynchronous because `/ask` reads the conversation from its store. */
  run(input: CommandInput): Promise<CommandResult>;
}
