import { ButtonBuilder, ButtonStyle, ActionRowBuilder } from 'discord.js';
import type { ButtonCodec } from '../../src/index.ts';
import { COMPONENT_LIMITS, safeText } from './text.ts';

/**
 * One row of up to five buttons, one per distinct question, ids from the core's button codec (the
 * same codec Telegram uses, within Discord's 100-character custom_id); empty when there is nothing to
 * offer (Discord rejects an empty row).
 */
export function questionButtons(questions: readonly string[], codec: ButtonCodec): ActionRowBuilder<ButtonBuilder>[] {
  const seen = new Set<string>();
  const buttons: ButtonBuilder[] = [];
  for (const question of questions) {
    const label = safeText(question.trim(), COMPONENT_LIMITS.buttonLabel);
    if (label === '') continue;
    const id = codec.encode(question);
    if (seen.has(id)) continue;
    seen.add(id);
    buttons.push(new ButtonBuilder().setCustomId(id).setLabel(label).setStyle(ButtonStyle.Secondary));
    if (buttons.length === COMPONENT_LIMITS.buttonsPerRow) break;
  }
  return buttons.length === 0 ? [] : [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons)];
}
