import { formatCount } from './text/locale.ts';
import type { Bilingual, Language } from './types.ts';

/**
 * The message catalog: every user-facing string outside the answers (src/answer words those), in both
 * languages, so every platform says the same thing and a translation is edited in one place. Adapters
 * pick the key and the language; `{name}` placeholders are filled by {@link message} (numbers through Intl.NumberFormat).
 */
export const MESSAGES = {
  rateLimited: {
    en: "You're asking faster than I can keep up. Please wait a minute; I'll answer again then.",
    zh: '您提问太频繁了，请稍等一分钟再问。',
  },
  /** A chat's reply queue is full (a busy group): the question is not answered, so it can be asked again. */
  busy: {
    en: "I'm answering a lot of questions here right now. Please ask me again in a minute.",
    zh: '这里的提问太多了，请一分钟后再问我。',
  },
  cooldown: { en: 'Please wait a few seconds before asking again.', zh: '请稍等几秒再提问。' },
  error: { en: 'Sorry, something went wrong on my side. Please try again.', zh: '抱歉，我这边出了点问题，请再试一次。' },
  emptyQuestion: {
    en: 'Ask me a question after the command, for example: /ask how many overseas warehouses',
    zh: '请在命令后输入问题，例如：/ask 甘肃有多少个海外仓',
  },
  buttonExpired: {
    en: 'This button has expired; please ask the question again.',
    zh: '这个按钮已过期，请重新提问。',
  },
  aboutTitle: { en: 'gansu-bot: {scope}', zh: 'gansu-bot：{scope}问答' },
  moreSources: {
    en: '{count} more public sources ({span})',
    zh: '另有{count}份公开来源（{span}）',
  },
  aboutText: {
    en: "I answer questions on {scope} from {facts} curated facts; every figure has its unit, period and source. Ask in English or Chinese; when the facts don't cover something, I say so.",
    zh: '我根据整理好的资料回答关于{scope}的问题，共{facts}条事实，每个数字都注明单位、时期和出处。用中文或英文提问均可；资料里没有的，我会直说不知道。',
  },
  /** Heading of an answer's source (one word everywhere: it was 来源 in one place and 出处 in another). */
  source: { en: 'Source', zh: '来源' },
  sources: { en: 'Sources', zh: '资料来源' },
  topics: { en: 'Topics', zh: '主题' },
  tryAsking: { en: 'Try asking', zh: '可以这样问' },
  commandsHeading: { en: 'Commands', zh: '命令' },
  forExample: { en: 'For example', zh: '例如' },
  quitHint: { en: 'end the chat', zh: '结束对话' },
  commandStart: { en: 'Welcome and what I can answer', zh: '欢迎与使用说明' },
  commandHelp: { en: 'How to ask, with examples', zh: '如何提问（附示例）' },
  commandAsk: { en: "Ask about Gansu's Belt and Road trade", zh: '询问甘肃“一带一路”经贸情况' },
  commandStats: { en: 'Headline figures, overall or for a topic', zh: '主要数据（全部或按主题）' },
  commandAbout: { en: 'What I know and where it comes from', zh: '知识范围与资料来源' },
  commandTopic: { en: 'Quick stats: {topic}', zh: '速览：{topic}' },
  argumentQuestion: { en: 'Your question, in English or Chinese', zh: '您的问题（中文或英文）' },
  argumentTopic: { en: 'A topic (leave empty for all)', zh: '主题（留空显示全部）' },
  commandTrend: { en: 'One measure over the years, e.g. /trend trade-total', zh: '某项指标的历年变化，例如 /trend trade-total' },
  argumentMeasure: { en: 'What to follow over time (a measure)', zh: '要查看变化的指标' },
  commandFeedback: { en: 'Tell the curators what was wrong or missing', zh: '告诉整理者哪里有误或缺少什么' },
  argumentFeedback: { en: 'What was wrong or missing, in a few words', zh: '简短说明哪里有误或缺少什么' },
  feedbackEmpty: { en: 'Write your feedback after the command, for example: /feedback the 2023 train count is missing', zh: '请在命令后写下反馈，例如：/feedback 缺少2023年的班列数据' },
  feedbackThanks: { en: 'Thank you: your feedback is with the people who keep my facts.', zh: '谢谢！您的反馈已转给资料整理者。' },
  feedbackTitle: { en: 'What was wrong?', zh: '哪里有问题？' },
  feedbackLabel: { en: 'What was wrong or missing (optional)', zh: '哪里有误或缺少什么（可不填）' },
  feedbackNoted: { en: 'Thanks for the feedback.', zh: '感谢反馈。' },
  feedbackAsk: { en: 'Sorry that answer missed. What was wrong with it? Reply to this message in a few words (ref {ref}).', zh: '抱歉这个回答不对。哪里有问题？请回复这条消息简单说明（编号 {ref}）。' },
  trendPick: { en: 'Name a measure, e.g. /trend {example}. Measures: {measures}', zh: '请指定指标，例如 /trend {example}。可选指标：{measures}' },
  /** One figure in a list: its label, value and period, with each language's punctuation. */
  figureLine: { en: '{label}: {value} ({period})', zh: '{label}：{value}（{period}）' },
  unknownCommand: { en: 'Unknown command /{name}. Try /help.', zh: '没有 /{name} 这个命令。请试试 /help。' },
  /** Charts (src/charts/): axis, legend, source and as-of lines, alt text, the button and its misses. */
  chartAxisPeriod: { en: 'Period', zh: '时期' },
  chartSpanYear: { en: 'Full year', zh: '全年' },
  chartSpanPart: { en: 'Part of a year', zh: '年内部分时期' },
  chartSpanStock: { en: 'Count at a date', zh: '时点数' },
  chartSpanTotal: { en: 'Running total', zh: '累计数' },
  chartSource: { en: 'Source: {sources}', zh: '来源：{sources}' },
  chartMoreSources: { en: '{first} and {count} more', zh: '{first}及另外{count}个来源' },
  chartAsOf: { en: 'Data as of {date}', zh: '数据截至{date}' },
  chartAlt: { en: 'Chart of {title} ({unit}): {points}.', zh: '{title}（{unit}）图表：{points}。' },
  /** A part of a year in a chart's alt text says so: it does not compare with full years. */
  chartPartPoint: { en: '{period} {value} (part of a year)', zh: '{period} {value}（非全年）' },
  chartButton: { en: '📈 Chart', zh: '📈 图表' },
  chartMissing: { en: 'No chart for "{measure}": a chart needs a measure with two or more periods.', zh: '“{measure}”没有图表：图表需要有两个或以上时期数据的指标。' },
  chartFailed: { en: 'Sorry, the chart could not be drawn; the numbers follow.', zh: '抱歉，图表未能生成，以下为数据。' },
  /** The opening of each kind of decline (src/answer/compose.ts). */
  declineEmpty: { en: 'Ask me a question.', zh: '请提出您的问题。' },
  declineTooLong: { en: 'That question is too long for me; please ask it in one short sentence.', zh: '问题太长了，请用一句简短的话提问。' },
  declineGreeting: { en: 'Hello, happy to help.', zh: '您好，很高兴为您服务。' },
  declineHelp: { en: 'Ask me a question in English or Chinese.', zh: '请用中文或英文提问。' },
  declineOffTopic: { en: "Sorry, I don't have facts on that.", zh: '抱歉，我没有这方面的资料。' },
  declineUnknown: { en: "Sorry, I don't know that: my facts don't cover it.", zh: '抱歉，我的资料里没有这个问题的答案。' },
  declinePeriod: { en: "Sorry, I don't have that figure for the period you asked about.", zh: '抱歉，我没有您所问时期的这项数据。' },
  /** The word that opens a computed result (src/answer/arithmetic.ts). */
  operationSum: { en: 'Combined', zh: '合计' },
  operationDifference: { en: 'Difference', zh: '相差' },
  operationRatio: { en: 'Ratio', zh: '比值' },
} as const satisfies Record<string, Bilingual>;

/** A key of the catalog. */
export type MessageKey = keyof typeof MESSAGES;

/** The catalog's text for `key` in `language`, with each `{name}` replaced by `params[name]`. */
export function message(key: MessageKey, language: Language, params: Readonly<Record<string, string | number>> = {}): string {
  const fill = (value: string | number): string => (typeof value === 'number' ? formatCount(value, language) : value);
  return MESSAGES[key][language].replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : fill(params[name])));
}

/** The catalog's text for `key` in both languages; `params` may differ per language (a topic's name). */
export function bilingual(key: MessageKey, params: { en?: Record<string, string | number>; zh?: Record<string, string | number> } = {}): Bilingual {
  return { en: message(key, 'en', params.en), zh: message(key, 'zh', params.zh) };
}
