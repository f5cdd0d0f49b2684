import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant, MESSAGES } from '../../../src/index.ts';
import { startHarness, type Harness } from '../../fakes/telegram/harness.ts';
import { plainOf } from '../../fakes/telegram/html.ts';
import { messageUpdate, user } from '../../fakes/telegram/updates.ts';
import { waitFor } from '../../fakes/telegram/wait.ts';

const assistant = createAssistant();
let h: Harness;
beforeAll(async () => void (h = await startHarness(assistant)));
afterAll(() => h.close());

const plain = plainOf;
let nextUser = 2000;
/** Each command from a fresh user, so per-chat pacing never slows the suite. */
const send = async (text: string, language = 'en'): Promise<string> => plain((await h.ask(user(nextUser++, language), text)).body.text);

describe('command menus', () => {
  it('GIVEN start THEN setMyCommands registered every core command in English by default and in Chinese for zh', () => {
    const en = h.api.state.commands.get('')!;
    const zh = h.api.state.commands.get('zh')!;
    expect(en.map((c) => c.command)).toEqual(assistant.commands.list('telegram').map((c) => c.name));
    expect(zh.map((c) => c.command)).toEqual(assistant.commands.list('telegram').map((c) => c.name));
    expect(en.map((c) => c.description)).toEqual(assistant.commands.list('telegram').map((c) => c.description.en));
    expect(zh.map((c) => c.description)).toEqual(assistant.commands.list('telegram').map((c) => c.description.zh));
    expect(en.map((c) => c.command)).toEqual(expect.arrayContaining(['start', 'help', 'ask', 'stats', 'about', 'routes', 'exports', 'warehouses', 'trade', 'fair', 'expo', 'medicine']));
  });
});

describe('commands', () => {
  it('GIVEN /start THEN the welcome names the bot and offers the examples as buttons', async () => {
    const reply = await h.ask(user(nextUser++), '/start');
    expect(plain(reply.body.text)).toContain(assistant.about('en').title);
    const labels = reply.body.reply_markup!.inline_keyboard.flat().map((b: { text: string }) => b.text);
    expect(assistant.about('en').examples[0]).toContain(String(labels[0]).replace(/…$/, ''));
  });

  it('GIVEN /help from a Chinese user THEN every command is listed with its Chinese description', async () => {
    const text = await send('/help', 'zh-hans');
    for (const c of assistant.commands.list('telegram')) expect(text).toContain(`/${c.name}`);
    expect(text).toContain(assistant.commands.list('telegram')[0]!.description.zh);
  });

  it('GIVEN /about THEN the topics and source documents are listed', async () => {
    const text = await send('/about');
    const about = assistant.about('en');
    for (const t of about.topics) expect(text).toContain(t.name);
    for (const s of about.sources) expect(text).toContain(s);
  });

  it('GIVEN /stats THEN every headline figure is shown', async () => {
    const text = await send('/stats');
    const stats = assistant.stats(null, 'en');
    if (!stats.ok) throw new Error('stats failed');
    for (const item of stats.items) expect(text).toContain(`${item.label}: ${item.display}`);
    expect(text).toContain('58 warehouses');
  });

  it('GIVEN /stats warehouses THEN only that topic is shown', async () => {
    const text = await send('/stats warehouses');
    expect(text).toContain('58 warehouses');
    expect(text).not.toContain('sister cities');
  });

  it('GIVEN /stats with a Chinese topic from an English user THEN the stats are in Chinese', async () => {
    expect(await send('/stats 海外仓')).toContain('58个');
  });

  it('GIVEN /trend with a measure THEN its chart comes back as a photo captioned with its alt text: every period, oldest first', async () => {
    const from = user(nextUser++);
    h.api.push(messageUpdate(from, '/trend trade-total'));
    await waitFor(() => h.api.photosTo(from.id).length === 1, 'the /trend photo', 15_000);
    const caption = plain(h.api.photosTo(from.id)[0]!.body.caption);
    const chart = assistant.chart('trade-total', 'en');
    if (!chart.ok) throw new Error('no trade-total chart');
    expect(caption).toBe(`📈 ${chart.chart.title}\n${chart.chart.alt}`);
    expect(chart.chart.alt).toMatch(/^Chart of .*: Jan–May 2018 16\.63 \(part of a year\), .*, 2024 61\.54, .* and Q1 2025 19\.47 \(part of a year\)\.$/);
  });

  it('GIVEN /trend without a measure THEN the measures to pick from come back', async () => {
    const text = await send('/trend');
    expect(text).toContain('trade-total');
    expect(text).toContain('/trend');
  });

  it('GIVEN /stats with an unknown topic THEN the core\'s topic list comes back', async () => {
    const result = assistant.stats('spaceships', 'en');
    expect(result.ok).toBe(false);
    expect(await send('/stats spaceships')).toBe(!result.ok ? result.text : '');
  });

  const topicCommands = assistant.commands.list('telegram').filter((c) => c.topic !== undefined);
  it.each(topicCommands.map((c) => [c.name, c.topic!]))('GIVEN /%s THEN that topic\'s figures are shown in both languages', async (name, topic) => {
    const [en, zh] = await Promise.all([send(`/${name}`), send(`/${name}`, 'zh')]);
    for (const [text, language] of [[en, 'en'], [zh, 'zh']] as const) {
      const stats = assistant.stats(topic, language);
      if (!stats.ok) throw new Error(`no stats for ${topic}`);
      expect(text).toContain(stats.title);
      for (const item of stats.items) expect(text).toContain(item.display);
    }
  });

  it('GIVEN /ask with a question THEN it is answered', async () => {
    expect(await send('/ask how many overseas warehouses')).toContain('58');
  });

  it('GIVEN /ask alone THEN the empty-question hint comes back in the user\'s language', async () => {
    expect(await send('/ask')).toBe(MESSAGES.emptyQuestion.en);
    expect(await send('/ask', 'zh')).toBe(MESSAGES.emptyQuestion.zh);
  });

  it('GIVEN an unknown command in a private chat THEN the help is shown', async () => {
    expect(await send('/frobnicate')).toContain('/stats');
  });
});
