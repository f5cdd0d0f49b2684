import { message, truncate, type AboutInfo, type Answer, type CommandInfo, type CommandResult, type Language, type StatsResult } from '../../src/index.ts';

const QUOTE_CHARS = 160;

/** An answer as plain terminal lines: the reply, its source, and questions to try next. */
export function renderAnswer(answer: Answer): string {
  const language = answer.language;
  const lines = [answer.text];
  for (const source of answer.sources) {
    lines.push(`  ${message('source', language)}: ${source.document}: "${truncate(source.quote, QUOTE_CHARS)}"`);
  }
  if (answer.followUps.length > 0) lines.push(`  ${message('tryAsking', language)}: ${answer.followUps.join(' | ')}`);
  return lines.join('\n');
}

/** Quick stats as an aligned list, in `language`'s punctuation. */
export function renderStats(stats: StatsResult, language: Language): string {
  if (!stats.ok) return stats.text;
  return [stats.title, ...stats.items.map((i) => `  ${message('figureLine', language, { label: i.label, value: i.display, period: i.period })}`)].join('\n');
}

/** The welcome shown when the chat opens in a terminal, and for `/start`. */
export function renderWelcome(about: AboutInfo, language: Language): string {
  return [about.title, about.text, `${message('forExample', language)}: ${about.examples.join(' | ')}`, `/help · /quit — ${message('quitHint', language)}`].join('\n');
}

/** `/help`: every console command with its description, then examples. */
function renderHelp(about: AboutInfo, commands: readonly CommandInfo[], language: Language): string {
  const list = commands.map((c) => `  /${c.name}${c.args.map((a) => (a.required ? ` <${a.name}>` : ` [${a.name}]`)).join('')} — ${c.description[language]}`);
  return [about.title, `${message('commandsHeading', language)}:`, ...list, `  /quit — ${message('quitHint', language)}`, `${message('forExample', language)}: ${about.examples.join(' | ')}`].join('\n');
}

/** `/about`: topics (with their commands) and sources. */
function renderAbout(about: AboutInfo, language: Language): string {
  const topics = about.topics.map((t) => `  ${t.command ? `/${t.command} ` : ''}${t.name}: ${t.description}`);
  return [about.title, about.text, `${message('topics', language)}:`, ...topics, `${message('sources', language)}: ${about.sources.join('; ')}`].join('\n');
}

/** A registry command's result as plain lines. */
export function renderResult(result: CommandResult, language: Language): string {
  switch (result.kind) {
    case 'answer':
      return renderAnswer(result.answer);
    case 'stats':
      return renderStats(result.stats, language);
    case 'about':
      return renderAbout(result.about, language);
    case 'help':
      return renderHelp(result.about, result.commands, language);
    case 'welcome':
      return renderWelcome(result.about, language);
    case 'notice':
      return result.text;
  }
}
