import { describe, expect, it } from 'vitest';
import { routeMessage, userLanguage } from '../../../adapters/telegram/index.ts';
import { group, textMessage, user } from '../../fakes/telegram/updates.ts';
import type { IncomingText } from '../../../adapters/telegram/routing.ts';

const me = { id: 123456789, username: 'Gansu_Test_Bot' };
const commands = new Set(['start', 'help', 'stats', 'ask', 'warehouses']);
const alice = user(1);
const route = (text: string, inGroup = false, replyTo?: Record<string, unknown>) =>
  routeMessage(textMessage(alice, text, inGroup ? group(9) : undefined, replyTo) as unknown as IncomingText, me, commands);

describe('routeMessage', () => {
  it('GIVEN private text THEN it is a question', () => expect(route('  hello there ')).toEqual({ kind: 'question', text: 'hello there' }));
  it('GIVEN /stats@botname in any case THEN it is the command with its argument', () =>
    expect(route('/stats@gansu_test_bot Exports', true)).toEqual({ kind: 'command', command: 'stats', args: 'Exports' }));
  it('GIVEN /stats@other_bot THEN it is ignored', () => expect(route('/stats@other_bot', true)).toEqual({ kind: 'ignore' }));
  it('GIVEN an unknown command THEN private chats get help and groups silence', () => {
    expect(route('/nope')).toEqual({ kind: 'command', command: 'help', args: '' });
    expect(route('/nope', true)).toEqual({ kind: 'ignore' });
  });
  it('GIVEN group chatter THEN it is ignored', () => expect(route('how many warehouses', true)).toEqual({ kind: 'ignore' }));
  it('GIVEN a group mention THEN the mention is cut out', () =>
    expect(route('so @gansu_test_bot, how many warehouses?', true)).toEqual({ kind: 'question', text: 'so , how many warehouses?' }));
  it('GIVEN a mention of someone else THEN it is ignored', () => expect(route('@someone_else how many', true)).toEqual({ kind: 'ignore' }));
  it('GIVEN a reply to the bot THEN it is a question', () =>
    expect(route('and exports?', true, { message_id: 5, from: { id: me.id, is_bot: true } })).toEqual({ kind: 'question', text: 'and exports?' }));
  it('GIVEN a text_mention of the bot THEN it is a question', () => {
    const message = { ...textMessage(alice, 'Gansu bot warehouses?', group(9)), entities: [{ type: 'text_mention', offset: 0, length: 9, user: { id: me.id } }] };
    expect(routeMessage(message as unknown as IncomingText, me, commands)).toEqual({ kind: 'question', text: 'warehouses?' });
  });
  it('GIVEN our own inline result posted in a chat THEN it is ignored', () => {
    const message = { ...textMessage(alice, 'an answer'), via_bot: { id: me.id } };
    expect(routeMessage(message as unknown as IncomingText, me, commands)).toEqual({ kind: 'ignore' });
  });
});

describe('userLanguage', () => {
  it.each([['zh', 'zh'], ['zh-hans', 'zh'], ['ZH-TW', 'zh'], ['en', 'en'], ['ru', 'en'], [undefined, 'en']] as const)('GIVEN %s THEN %s', (code, language) =>
    expect(userLanguage(code)).toBe(language));
});
