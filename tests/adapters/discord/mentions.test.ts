import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanQuestion } from '../../../adapters/discord/text.ts';
import { MESSAGES } from '../../../src/index.ts';
import { assistant, errorLogs, payloads, settled, startHarness, trafficProblems, type Harness } from '../../fakes/discord/harness.ts';
import type { Json } from '../../fakes/discord/payloads.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});
// Every test's own traffic is checked when it ends, so a test run alone still checks its replies.
afterEach(async () => {
  await settled(h.fake);
  expect(trafficProblems(h.fake)).toEqual([]);
  expect(errorLogs(h.logs)).toEqual([]);
});

const embedOf = (body: Json): Json => (body.embeds as Json[])[0]!;
const HAN = /\p{Script=Han}/u;
const mention = (): string => `<@${h.fake.botUser.id}>`;

describe('GIVEN a message that mentions the bot in a guild channel', () => {
  it('WHEN it asks a question THEN the bot replies to that message, mention stripped, with 58', async () => {
    const msg = payloads.messageCreate(h.user(), h.guildPlace(), `${mention()} how many overseas warehouses`, [h.fake.botUser]);
    const reply = await h.message(msg);
    expect((reply.message_reference as Json).message_id).toBe(msg.id);
    expect(String(embedOf(reply).description)).toContain('58');
    expect(embedOf(reply).title).toBe('how many overseas warehouses');
  });

  it('WHEN it is written in Chinese THEN the reply is Chinese', async () => {
    const reply = await h.message(payloads.messageCreate(h.user(), h.guildPlace(), `${mention()} 甘肃的海外仓有几个？`, [h.fake.botUser]));
    expect(String(embedOf(reply).description)).toMatch(HAN);
    expect(String(embedOf(reply).description)).toContain('58');
  });

  it('WHEN a guild message does not mention the bot THEN it is ignored', async () => {
    const ignored = payloads.messageCreate(h.user(), h.guildPlace(), 'how many overseas warehouses');
    h.fake.gateway.dispatch('MESSAGE_CREATE', ignored);
    // A later mention is answered; by then the earlier message has been handled (events arrive in order).
    await h.message(payloads.messageCreate(h.user(), h.guildPlace(), `${mention()} hello`, [h.fake.botUser]));
    expect(h.fake.rest.outgoing.some((o) => (o.body.message_reference as Json | undefined)?.message_id === ignored.id)).toBe(false);
  });

  it('WHEN another bot mentions it THEN it does not answer', async () => {
    const fromBot = payloads.messageCreate({ ...h.user('bot'), bot: true }, h.guildPlace(), `${mention()} how many warehouses`, [h.fake.botUser]);
    h.fake.gateway.dispatch('MESSAGE_CREATE', fromBot);
    await h.message(payloads.messageCreate(h.user(), h.guildPlace(), `${mention()} hello`, [h.fake.botUser]));
    expect(h.fake.rest.outgoing.some((o) => (o.body.message_reference as Json | undefined)?.message_id === fromBot.id)).toBe(false);
  });
});

describe('GIVEN a direct message', () => {
  it('WHEN it asks without any mention THEN the bot replies in the DM', async () => {
    const place = h.dmPlace();
    const msg = payloads.messageCreate(h.user(), place, 'how many overseas warehouses');
    const reply = await h.message(msg);
    expect((reply.message_reference as Json).message_id).toBe(msg.id);
    expect(String(embedOf(reply).description)).toContain('58');
    expect(h.fake.rest.outgoing.find((o) => o.body === reply)?.channelId).toBe('dmChannelId' in place ? place.dmChannelId : '');
  });

  it('WHEN it asks in Chinese THEN the reply is Chinese with 58', async () => {
    const reply = await h.message(payloads.messageCreate(h.user(), h.dmPlace(), '甘肃的海外仓有几个？'));
    expect(String(embedOf(reply).description)).toMatch(HAN);
    expect(String(embedOf(reply).description)).toContain('58');
  });
});

describe('GIVEN hostile text', () => {
  const EVERYONE = '@everyone @here <@&123> <@456> <@!789>';

  it('WHEN a mention contains @everyone, a role and a user THEN nothing is pinged and the question is still answered', async () => {
    const reply = await h.message(payloads.messageCreate(h.user(), h.guildPlace(), `${mention()} ${EVERYONE} how many overseas warehouses`, [h.fake.botUser]));
    expect(reply.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(String(embedOf(reply).description)).toContain('58');
    expect(JSON.stringify(reply)).not.toMatch(/@everyone|@here|<@&123>|<@456>/);
  });

  it('WHEN /ask contains @everyone, a role and a user THEN the callback pings nobody', async () => {
    const reply = await h.interact(payloads.chatInput(h.input(h.user()), 'ask', { question: `${EVERYONE} how many overseas warehouses` }));
    expect(reply.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(JSON.stringify(reply.data)).not.toMatch(/@everyone|@here|<@&123>|<@456>/);
  });

  it('WHEN a message is 10,000 characters THEN the reply is the short "too long" message and nothing breaks', async () => {
    const long = 'how many warehouses '.repeat(500);
    const core = await assistant().ask(long.trim());
    expect(core.reason).toBe('too_long');
    const reply = await h.message(payloads.messageCreate(h.user(), h.dmPlace(), long));
    expect(embedOf(reply).description).toBe(core.text);
    expect(embedOf(reply).title).toBeUndefined();
    expect(JSON.stringify(reply).length).toBeLessThan(3000);
  });

  it('WHEN /ask gets 10,000 characters THEN it answers the same short message', async () => {
    const reply = await h.interact(payloads.chatInput(h.input(h.user()), 'ask', { question: 'x'.repeat(10_000) }));
    expect(embedOf(reply.data).description).toBe((await assistant().ask('x'.repeat(10_000))).text);
  });

  const HOSTILE = [
    '**bold** __under__ ~~strike~~ ||spoiler|| `code` ```block```',
    '[click me](https://evil.example) <https://evil.example>',
    '\u202eevil override\u202c and \u200b\u200b zero width',
    'nul \u0000 bell \u0007 escape \u001b[31m',
    '😀'.repeat(400),
    '<script>alert(1)</script> ${process.env.DISCORD_TOKEN} {{7*7}}',
    '@@everyone @ everyone ＠everyone <@&> <@> <#123> <:emoji:123> <t:0:R>',
    '\uD83D'.repeat(50) + ' lone surrogates',
    '兰'.repeat(499),
    ' '.repeat(3000),
  ];
  it.each(HOSTILE.map((text, i) => [i, text]))('WHEN hostile input #%s arrives by /ask and by mention THEN both carry the core\'s reply to it, within the limits', async (_, text) => {
    const core = await assistant().ask(cleanQuestion(text));
    const viaCommand = embedOf((await h.interact(payloads.chatInput(h.input(h.user()), 'ask', { question: text }))).data);
    const viaMention = embedOf(await h.message(payloads.messageCreate(h.user(), h.guildPlace(), `${mention()} ${text}`, [h.fake.botUser])));
    // A question that is nothing once cleaned gets /ask's "ask me after the command" notice.
    expect(viaCommand.description).toBe(cleanQuestion(text) === '' ? MESSAGES.emptyQuestion.en : core.text);
    expect(viaMention.description).toBe(core.text);
    for (const embed of [viaCommand, viaMention]) {
      expect(String(embed.title ?? '').length).toBeLessThanOrEqual(256);
      // eslint-disable-next-line no-control-regex
      expect(JSON.stringify(embed)).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]|\\u000[0-8]|\\u001[0-9a-f]/);
    }
  });
});

describe('GIVEN a mention and an /ask full of mention markup', () => {
  it('THEN every reply had allowed_mentions parse [], nothing was refused and nothing failed', async () => {
    const before = h.fake.rest.outgoing.length;
    const text = '@everyone <@&123> <@456> how many overseas warehouses';
    await h.message(payloads.messageCreate(h.user(), h.guildPlace(), `${mention()} ${text}`, [h.fake.botUser]));
    await h.interact(payloads.chatInput(h.input(h.user()), 'ask', { question: text }));
    await settled(h.fake);
    expect(h.fake.rest.outgoing.length - before).toBe(2);
    expect(trafficProblems(h.fake)).toEqual([]);
    expect(errorLogs(h.logs)).toEqual([]);
  });
});
