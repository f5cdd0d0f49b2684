import type { AboutInfo, Answer, Language, StatsResult } from '../../src/index.ts';

const QUOTE_CHARS = 160;

/** An answer as plain terminal lines: the reply, its source, and questions to try next. */
export function renderAnswer(answer: Answer): string {
  const zh = answer.language === 'zh';
  const lines = [answer.text];
  for (const source of answer.sources) {
    const quote = source.quote.length > QUOTE_CHARS ? `${source.quote.slice(0, QUOTE_CHARS - 1)}…` : source.quote;
    lines.push(`  ${zh ? '来源' : 'Source'}: ${source.document}: "${quote}"`);
  }
  if (answer.followUps.length > 0) lines.push(`  ${zh ? '可以问' : 'Try'}: ${answer.followUps.join(' | ')}`);
  return lines.join('\n');
}

/** Quick stats as an aligned list. */
export function renderStats(stats: StatsResult): string {
  if (!stats.ok) return stats.text;
  return [stats.title, ...stats.items.map((i) => `  ${i.label}: ${i.display} (${i.period})`)].join('\n');
}

/** The welcome shown when the chat opens in a terminal. */
export function renderWelcome(about: AboutInfo, language: Language): string {
  const zh = language === 'zh';
  return [
    about.title,
    about.text,
    `${zh ? '例如' : 'For example'}: ${about.examples.join(' | ')}`,
    zh ? '命令：/stats [主题]、/about、/quit' : 'Commands: /stats [topic], /about, /quit',
  ].join('\n');
}
