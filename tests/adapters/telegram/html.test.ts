import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, renderAnswer, renderStats, truncateHtml } from '../../../adapters/telegram/index.ts';
import { createAssistant, TELEGRAM_BUTTON_LIMIT, type Answer } from '../../../src/index.ts';
import { startHarness, type Harness } from '../../fakes/telegram/harness.ts';
import { checkTelegramHtml, plainOf } from '../../fakes/telegram/html.ts';
import { user } from '../../fakes/telegram/updates.ts';

const assistant = createAssistant();
const codec = assistant.buttons(TELEGRAM_BUTTON_LIMIT);

const HOSTILE = [
  '<b>bold?</b>',
  'fish & chips &amp; &lt;',
  '<script>alert("x")</script>',
  '</i><b>unbalanced <i>',
  'x'.repeat(10_000),
  '😀👩‍👩‍👧‍👦🇨🇳'.repeat(800),
  'مرحبا بالعالم \u202Eevil\u202C שלום',
  '"quoted" \'single\' <a href="javascript:alert(1)">link</a>',
  '&#xD800; &bogus; & ;',
];

/** A declined-looking and an answered-looking Answer carrying `text` everywhere a string goes. */
function hostileAnswers(text: string): Answer[] {
  const base: Answer = {
    question: text, answered: true, text, language: 'en', confidence: 1,
    facts: [{ id: 'f', topic: text, title: text }],
    figures: [{ factId: 'f', label: text, value: 1, unit: text, period: text, display: text.slice(0, 50) }, { factId: 'f', label: text, value: 2, unit: 'u', period: text, display: '<b>2</b>' }],
    sources: [{ factId: 'f', document: text, quote: text }],
    followUps: [text, text.slice(0, 10)],
  };
  return [base, { ...base, answered: false, reason: 'unknown', figures: [], sources: [] }];
}

describe('HTML for hostile input', () => {
  it.each(HOSTILE.map((t) => [t.slice(0, 30), t]))('GIVEN %j everywhere THEN the message is valid Telegram HTML of at most 4096 characters', (_, text) => {
    for (const answer of hostileAnswers(text)) {
      const rendered = renderAnswer(answer, codec);
      const checked = checkTelegramHtml(rendered.html);
      expect(checked.ok ? 'ok' : checked.error).toBe('ok');
      expect(rendered.html.length).toBeLessThanOrEqual(4096);
      if (checked.ok && text.length < 1000) expect(checked.plain.startsWith(text.replace(/\s+$/, '').slice(0, 20))).toBe(true);
      const buttons = rendered.keyboard?.inline_keyboard.flat() ?? [];
      expect(buttons).toHaveLength(Math.min(4, answer.followUps.length));
      for (const b of buttons) {
        expect(Buffer.byteLength((b as { callback_data: string }).callback_data)).toBeLessThanOrEqual(64);
        expect(codec.decode((b as { callback_data: string }).callback_data).kind).toBe('question');
      }
    }
  });

  it('GIVEN figure displays that look like tag or entity parts THEN bolding never breaks the markup', () => {
    const [answer] = hostileAnswers('fish & chips; b <b> amp 58 58');
    const figures = ['amp', 'b', '&', 'amp;', '58', '58', '<b>', 'lt'].map((display) => ({ ...answer!.figures[0]!, display }));
    const rendered = renderAnswer({ ...answer!, figures }, codec);
    const checked = checkTelegramHtml(rendered.html);
    expect(checked.ok ? checked.plain.split('\n')[0] : checked.error).toBe('fish & chips; b <b> amp 58 58');
    expect(rendered.html).toContain('<b>58</b> <b>58</b>');
  });

  it('GIVEN hostile stats labels THEN the stats message is valid', () => {
    const text = HOSTILE.join(' ');
    const item = { key: 'k', topic: 't', label: text, value: 1, unit: text, period: text, factId: 'f', display: text, measure: 'k', periodStart: null, periodEnd: null, source: 's' };
    const checked = checkTelegramHtml(renderStats({ ok: true, topic: null, title: text, items: [item, item] }, 'en'));
    expect(checked.ok).toBe(true);
  });

  it('GIVEN escapeHtml THEN &, <, > and " are entities', () => {
    expect(escapeHtml('a & b < c > d "e"')).toBe('a &amp; b &lt; c &gt; d &quot;e&quot;');
  });

  it('GIVEN long nested HTML THEN truncation never cuts a tag, an entity or a surrogate pair, and closes what is open', () => {
    const unit = '<b>bold &amp; <i>😀 italic</i></b> plain &lt;x&gt; <blockquote expandable>quote 👩‍👩‍👧</blockquote>\n';
    for (const max of [20, 57, 100, 333, 1000, 4096]) {
      const out = truncateHtml(unit.repeat(200), max);
      expect(out.length).toBeLessThanOrEqual(max);
      const checked = checkTelegramHtml(out, max);
      expect(checked.ok ? 'ok' : checked.error).toBe('ok');
      expect(out.endsWith('…') || /<\/[a-z]+>$/.test(out)).toBe(true);
    }
  });
});

describe('hostile questions end to end', () => {
  let h: Harness;
  beforeAll(async () => void (h = await startHarness(assistant)));
  afterAll(() => h.close());

  it.each(HOSTILE.map((t, i) => [i, t]))('GIVEN hostile question #%i THEN Telegram accepts the one reply', async (i, text) => {
    const u = user(700 + Number(i));
    const reply = await h.ask(u, text.slice(0, 4096));
    expect(reply.status).toBe(200);
    // The reply is the core's answer to that question, escaped and unescaped intact.
    expect(plainOf(String(reply.body.text)).startsWith((await assistant.ask(text.slice(0, 4096).trim())).text)).toBe(true);
    expect(h.api.calls.filter((c) => c.method === 'sendMessage' && Number(c.body.chat_id) === u.id && c.status !== 200)).toHaveLength(0);
  });
});
