import { describe, expect, it } from 'vitest';
import { questionButtons, renderAnswer, renderStats } from '../../../adapters/discord/render.ts';
import { cleanQuestion, EMBED_LIMITS, fitEmbed, neutraliseMentions } from '../../../adapters/discord/text.ts';
import { DISCORD_BUTTON_LIMIT, truncate, type Answer, type StatsResult } from '../../../src/index.ts';
import { assistant } from '../../fakes/discord/harness.ts';

const catalog = assistant().buttons(DISCORD_BUTTON_LIMIT);
const total = (e: ReturnType<typeof fitEmbed>): number =>
  (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0);

describe('GIVEN text from users', () => {
  it('WHEN it holds @everyone, @here or mention markup THEN neutraliseMentions breaks each with a zero-width space', () => {
    expect(neutraliseMentions('@everyone @HERE <@123> <@&45> <@!6>')).toBe('@\u200beveryone @\u200bHERE <@\u200b123> <@\u200b&45> <@\u200b!6>');
  });

  it('WHEN a question carries mention markup THEN cleanQuestion keeps only the words', () => {
    expect(cleanQuestion('<@1> @everyone how many <@&2> warehouses <#3> <@!4> @here')).toBe('how many warehouses');
  });

  it('WHEN truncating emoji THEN no surrogate pair is split and the result fits', () => {
    const cut = truncate('😀'.repeat(100), 9);
    expect(cut).toBe('😀😀😀😀…');
    expect(cut.length).toBeLessThanOrEqual(9);
  });
});

describe('GIVEN an oversized embed', () => {
  it('WHEN fitted THEN every part and the 6000 total are within Discord limits', () => {
    const huge = 'x'.repeat(10_000);
    const fitted = fitEmbed({
      title: huge,
      description: huge,
      footer: { text: huge },
      fields: Array.from({ length: 40 }, () => ({ name: huge, value: huge })),
    });
    expect(fitted.title?.length).toBe(EMBED_LIMITS.title);
    expect(fitted.description!.length).toBeLessThanOrEqual(EMBED_LIMITS.description);
    expect(fitted.fields!.length).toBeLessThanOrEqual(EMBED_LIMITS.fields);
    for (const f of fitted.fields!) expect(f.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
    expect(total(fitted)).toBeLessThanOrEqual(EMBED_LIMITS.total);
  });
});

describe('GIVEN follow-up buttons', () => {
  it('WHEN questions repeat or exceed five THEN one row of at most five distinct buttons is made', () => {
    const questions = assistant().examples('en', 10);
    const [row] = questionButtons([questions[0]!, ...questions], catalog).map((r) => r.toJSON());
    expect(row?.components).toHaveLength(5);
    const ids = row!.components.map((b) => ('custom_id' in b ? b.custom_id : ''));
    expect(new Set(ids).size).toBe(5);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(100);
  });

  it('WHEN there is nothing to offer THEN there is no row at all', () => {
    expect(questionButtons([], catalog)).toEqual([]);
  });

  it('WHEN a question is long THEN the label is cut to 80 and the id still finds the whole question', () => {
    const long = `What about ${'very '.repeat(40)}long questions?`;
    const [row] = questionButtons([long], catalog).map((r) => r.toJSON());
    const button = row!.components[0] as { label: string; custom_id: string };
    expect(button.label.length).toBeLessThanOrEqual(80);
    expect(catalog.decode(button.custom_id)).toEqual({ kind: 'question', question: long });
  });

  it('WHEN a catalog is rebuilt (restart) THEN ids of knowledge-base questions still resolve', () => {
    const question = assistant().examples('zh', 1)[0]!;
    expect(assistant().buttons(DISCORD_BUTTON_LIMIT).decode(catalog.encode(question))).toEqual({ kind: 'question', question });
    expect(catalog.decode('g1h:nope')).toEqual({ kind: 'expired' });
    expect(catalog.decode('other')).toEqual({ kind: 'foreign' });
  });
});

describe('GIVEN core results', () => {
  it('WHEN an answer is rendered THEN the text, figures, quote, source and period all appear', async () => {
    const answer = await assistant().ask('how many overseas warehouses');
    const [embed] = renderAnswer(answer, catalog).embeds;
    expect(embed?.description).toBe(answer.text);
    expect(embed?.fields?.[0]).toEqual({ name: answer.figures[0]!.label, value: answer.figures[0]!.display, inline: true });
    expect(embed?.fields?.at(-1)?.value).toContain('58');
    expect(embed?.footer?.text).toBe(`${answer.sources[0]!.document} · ${answer.figures[0]!.period}`);
  });

  it('WHEN an answer has huge parts THEN the embed still fits', async () => {
    const base = await assistant().ask('how many overseas warehouses');
    const answer: Answer = {
      ...base,
      question: '@everyone '.repeat(1000),
      text: 'y'.repeat(9000),
      figures: Array.from({ length: 60 }, (_, i) => ({ ...base.figures[0]!, label: `${'l'.repeat(300)}${i}`, display: 'd'.repeat(2000) })),
    };
    const [embed] = renderAnswer(answer, catalog).embeds;
    expect(total(embed!)).toBeLessThanOrEqual(EMBED_LIMITS.total);
    expect(embed?.title).not.toMatch(/@everyone/);
  });

  it('WHEN the echoed question holds markdown THEN the title shows it as typed (escaped)', async () => {
    const answer: Answer = { ...(await assistant().ask('how many overseas warehouses')), question: '**how** many _overseas_ `warehouses`' };
    expect(renderAnswer(answer, catalog).embeds[0]?.title).toBe('\\*\\*how\\*\\* many \\_overseas\\_ \\`warehouses\\`');
  });

  it('WHEN stats have more than 25 figures THEN they are grouped one field per topic', () => {
    const stats = assistant().stats(null, 'en');
    if (!stats.ok) throw new Error('stats failed');
    const many: StatsResult = { ...stats, items: [...stats.items, ...stats.items] };
    const [embed] = renderStats(many, assistant().knowledge, 'en').embeds;
    expect(embed?.fields?.length).toBe(new Set(stats.items.map((i) => i.topic)).size);
  });
});
