import type { InboxKind, Platform } from './store/types.ts';
import type { DeclineReason, Language } from './types.ts';

/**
 * One question a person asked (one with an `Origin`: the `ask` CLI and Telegram's per-keystroke
 * inline previews are not counted), as the observer hears of it once it is answered or declined.
 */
export interface AnswerEvent {
  platform: Platform;
  answered: boolean;
  /** Why it was declined (`unknown`, `period`, `off_topic` …); null when answered. */
  reason: DeclineReason | null;
  language: Language;
  /** Time the core took to answer, in milliseconds. */
  durationMs: number;
}

/** One record handed to the inbox store (a decline worth a look, an unsure answer, a vote, feedback). */
export interface InboxEvent {
  platform: Platform;
  kind: InboxKind;
}

/**
 * Hears what the core did, for metrics: the core stays free of any metrics library (adapters/http turns
 * these events into Prometheus series). Observers must not throw; a throwing one is a bug, not a decline.
 */
export interface AssistantObserver {
  answered?(event: AnswerEvent): void;
  recorded?(event: InboxEvent): void;
}
