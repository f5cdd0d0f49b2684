import { describe, expect, it } from 'vitest';
import type { RepliableInteraction } from 'discord.js';
import { pino } from 'pino';
import type { DiscordContext } from '../../../adapters/discord/context.ts';
import { guardInteraction, replyInTime } from '../../../adapters/discord/respond.ts';
import { MESSAGES } from '../../../src/index.ts';
import type { ReplyPayload } from '../../../adapters/discord/render.ts';

/** A stand-in interaction recording which of reply / deferReply / editReply was called, with what. */
function recordingInteraction(): { interaction: RepliableInteraction; calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = [];
  const state = { deferred: false, replied: false };
  const record = (name: string) => async (options: unknown) => {
    calls.push([name, options]);
    if (name === 'deferReply') state.deferred = true;
    if (name === 'reply' || name === 'editReply') state.replied = true;
  };
  const interaction = {
    id: '1',
    locale: 'en-US',
    get deferred() { return state.deferred; },
    get replied() { return state.replied; },
    isAutocomplete: () => false,
    isRepliable: () => true,
    reply: record('reply'),
    deferReply: record('deferReply'),
    editReply: record('editReply'),
    followUp: record('followUp'),
  };
  return { interaction: interaction as unknown as RepliableInteraction, calls };
}

const payload: ReplyPayload = { embeds: [{ description: 'done' }], components: [] };
const NO_PINGS = { parse: [], repliedUser: false };

describe('GIVEN an interaction to answer within 3 s', () => {
  it('WHEN the work is quick THEN it replies directly, pinging nobody', async () => {
    const { interaction, calls } = recordingInteraction();
    await replyInTime(interaction, () => payload);
    expect(calls).toEqual([['reply', { ...payload, allowedMentions: NO_PINGS }]]);
  });

  it('WHEN the work is slow THEN it defers first and edits the reply when done', async () => {
    const { interaction, calls } = recordingInteraction();
    const slow = (): Promise<ReplyPayload> => new Promise((resolve) => setTimeout(() => resolve(payload), 80));
    await replyInTime(interaction, slow, { deferAfterMs: 20 });
    expect(calls).toEqual([
      ['deferReply', {}],
      ['editReply', { ...payload, allowedMentions: NO_PINGS }],
    ]);
  });

  it('WHEN told to defer first (a slow path, limited callbacks) THEN the deferral goes out before the work starts, even quick work', async () => {
    const { interaction, calls } = recordingInteraction();
    const work = (): ReplyPayload => (calls.push(['work', null]), payload);
    await replyInTime(interaction, work, { deferFirst: true, ephemeral: true });
    expect(calls).toEqual([
      ['deferReply', { flags: 64 }],
      ['work', null],
      ['editReply', { ...payload, allowedMentions: NO_PINGS }],
    ]);
  });

  it('WHEN the reply is ephemeral and slow THEN the deferral is ephemeral too (flag 64)', async () => {
    const { interaction, calls } = recordingInteraction();
    const slow = (): Promise<ReplyPayload> => new Promise((resolve) => setTimeout(() => resolve(payload), 50));
    await replyInTime(interaction, slow, { deferAfterMs: 10, ephemeral: true });
    expect(calls[0]).toEqual(['deferReply', { flags: 64 }]);
  });

  it('WHEN the work fails THEN the error reaches the caller (who apologises)', async () => {
    const { interaction } = recordingInteraction();
    await expect(replyInTime(interaction, () => { throw new Error('boom'); })).rejects.toThrow('boom');
  });
});

describe('GIVEN slow work that fails after the interaction was deferred', () => {
  it('WHEN the guard catches it THEN the "thinking" reply is edited into the apology, not left hanging', async () => {
    const { interaction, calls } = recordingInteraction();
    const context = { logger: pino({ level: 'silent' }), describeError: () => ({}) } as unknown as DiscordContext;
    const failing = (): Promise<ReplyPayload> => new Promise((_, reject) => setTimeout(() => reject(new Error('late failure')), 40));
    await guardInteraction(context, interaction, () => replyInTime(interaction, failing, { deferAfterMs: 10 }));
    expect(calls.map(([name]) => name)).toEqual(['deferReply', 'editReply']);
    expect(calls[1]![1]).toMatchObject({ content: MESSAGES.error.en, embeds: [], components: [], allowedMentions: NO_PINGS });
  });
});
