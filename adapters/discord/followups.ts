import { createHash } from 'node:crypto';
import { ButtonBuilder, ButtonStyle, ActionRowBuilder } from 'discord.js';
import type { Assistant } from '../../src/index.ts';
import { COMPONENT_LIMITS, safeText } from './text.ts';

/** Prefix of every button id this adapter makes; other ids are not ours and are ignored. */
export const QUESTION_BUTTON_PREFIX = 'gansu:q:';

/** Recently offered questions not in the knowledge base kept for their buttons (bounded memory). */
const RECENT_QUESTIONS_MAX = 1000;

/**
 * Maps follow-up questions to short button ids and back. An id is a hash of the question, so buttons
 * on old messages keep working after a restart for every question the knowledge base lists, and a
 * changed base cannot make an old button ask a different question.
 */
export interface QuestionCatalog {
  /** The button id for a question (remembering the question if the base does not list it). */
  idFor(question: string): string;
  /** The question behind a button id, or null when unknown (e.g. offered before a restart). */
  questionFor(customId: string): string | null;
}

function questionKey(question: string): string {
  return createHash('sha256').update(question).digest('base64url').slice(0, 12);
}

/** Builds the catalog from every question and example the knowledge base offers, in both languages. */
export function createQuestionCatalog(assistant: Assistant): QuestionCatalog {
  const known = new Map<string, string>();
  const recent = new Map<string, string>();
  const add = (question: string): void => void known.set(questionKey(question), question);
  for (const fact of assistant.knowledge.facts) for (const q of fact.questions) [q.en, q.zh].forEach(add);
  for (const language of ['en', 'zh'] as const) assistant.examples(language, Number.MAX_SAFE_INTEGER).forEach(add);

  return {
    idFor(question) {
      const key = questionKey(question);
      if (!known.has(key)) {
        recent.delete(key);
        recent.set(key, question);
        if (recent.size > RECENT_QUESTIONS_MAX) recent.delete(recent.keys().next().value!);
      }
      return `${QUESTION_BUTTON_PREFIX}${key}`;
    },
    questionFor(customId) {
      if (!customId.startsWith(QUESTION_BUTTON_PREFIX)) return null;
      const key = customId.slice(QUESTION_BUTTON_PREFIX.length);
      return known.get(key) ?? recent.get(key) ?? null;
    },
  };
}

/**
 * One row of up to five buttons, one per distinct question; empty when there is nothing to offer
 * (Discord rejects an empty row).
 */
export function questionButtons(questions: readonly string[], catalog: QuestionCatalog): ActionRowBuilder<ButtonBuilder>[] {
  const seen = new Set<string>();
  const buttons: ButtonBuilder[] = [];
  for (const question of questions) {
    const label = safeText(question.trim(), COMPONENT_LIMITS.buttonLabel);
    if (label === '') continue;
    const id = catalog.idFor(question);
    if (seen.has(id)) continue;
    seen.add(id);
    buttons.push(new ButtonBuilder().setCustomId(id).setLabel(label).setStyle(ButtonStyle.Secondary));
    if (buttons.length === COMPONENT_LIMITS.buttonsPerRow) break;
  }
  return buttons.length === 0 ? [] : [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons)];
}
