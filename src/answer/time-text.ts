import type { Fact, Language, Measure, Period } from '../types.ts';
import { formatFigure, formatNumber } from './format.ts';
import type { Point } from './series.ts';
import type { TimeChoice } from './when.ts';

/** Most points a trend reply lists before it keeps only the ends and the latest few. */
const MAX_TREND_POINTS = 6;

/** `2024: 61.54 billion yuan` / `2024年：615.4亿元`. */
function pointText(p: Point, language: Language): string {
  return language === 'zh' ? `${p.figure.period.zh}${formatFigure(p.figure, language)}` : `${p.figure.period.en}: ${formatFigure(p.figure, language)}`;
}

/** The measure's name in the answer's language, or the figure's label for a measure of its own. */
export function measureName(measures: readonly Measure[], p: Point, language: Language): string {
  return measures.find((m) => m.id === p.figure.measure)?.name[language] ?? p.figure.label[language];
}

/**
 * A trend reply: the series in period order (or its two ends), and the change between the ends,
 * marked as computed so nobody takes it for a published figure.
 */
export function trendText(measures: readonly Measure[], points: readonly Point[], from: Point | null, to: Point | null, language: Language): string {
  const first = from ?? points[0]!;
  const last = to ?? points.at(-1)!;
  const inRange = points.filter((p) => p.at >= first.at && p.at <= last.at);
  const shown = inRange.length <= MAX_TREND_POINTS ? inRange : [inRange[0]!, ...inRange.slice(-(MAX_TREND_POINTS - 1))];
  const name = measureName(measures, last, language);
  const list = shown.map((p) => pointText(p, language)).join(language === 'zh' ? '；' : '; ');
  const change = changeText(first, last, language);
  return language === 'zh' ? `${name}：${list}。${change}` : `${name}: ${list}. ${change}`;
}

/** "From 2022 to 2024: up 12.3% (computed)." Only between values in one unit; rates change in points. */
function changeText(a: Point, b: Point, language: Language): string {
  if (a === b || a.figure.unit !== b.figure.unit || a.figure.value === 0) return '';
  const percentUnit = a.figure.unit.startsWith('%');
  const delta = percentUnit ? b.figure.value - a.figure.value : ((b.figure.value - a.figure.value) / a.figure.value) * 100;
  const shown = formatNumber(Math.round(Math.abs(delta) * 10) / 10);
  const up = delta >= 0;
  if (language === 'zh') {
    return `从${a.figure.period.zh}到${b.figure.period.zh}${up ? '增长' : '下降'}${shown}${percentUnit ? '个百分点' : '%'}（计算所得）。`;
  }
  return `From ${a.figure.period.en} to ${b.figure.period.en}: ${up ? 'up' : 'down'} ${shown}${percentUnit ? ' percentage points' : '%'} (computed).`;
}

/** "Full year 2024: 61.54 billion yuan." for an answer whose figure covers part of a year. */
export function fullYearText(p: Point, language: Language): string {
  return language === 'zh' ? `全年（${p.figure.period.zh}）：${formatFigure(p.figure, language)}。` : `Full year ${p.figure.period.en}: ${formatFigure(p.figure, language)}.`;
}

/** "Another source (People's Daily, 2025-06) gives 153 trains." for each disagreeing source. */
export function conflictText(points: readonly Point[], language: Language): string {
  return points
    .slice(0, 2)
    .map((p) =>
      language === 'zh'
        ? `另一来源（${p.fact.source.document}）为${formatFigure(p.figure, language)}。`
        : `Another source (${p.fact.source.document}) gives ${formatFigure(p.figure, language)}.`,
    )
    .join(language === 'zh' ? '' : ' ');
}

/** Years written in a text (1990–2099), in order of first mention. */
export function yearsIn(text: string): string[] {
  return [...new Set(text.match(/(?<!\d)(19[89]\d|20\d\d)(?!\d)/g) ?? [])];
}

/**
 * "When …" answered from one source while another, fitting as well, dates it otherwise (the first fair:
 * 1993, or 1992): the other source's years, so neither is given as the only answer.
 */
export function dateConflictText(answer: Fact, other: Fact, otherPublished: string, language: Language): string {
  const ours = new Set(yearsIn(answer.answer.en));
  // The other source's own year is when it wrote, not a date it gives for the event.
  const theirs = yearsIn(other.answer.en).filter((y) => !ours.has(y) && !otherPublished.startsWith(y));
  if (ours.size === 0 || theirs.length === 0 || other.source.documentId === answer.source.documentId) return '';
  return language === 'zh'
    ? `另一来源（${other.source.document}）记为${theirs.join('、')}年。`
    : `Another source (${other.source.document}) gives ${theirs.join(', ')}.`;
}

/** The periods a measure has, for a decline that names them: `2021, 2022, H1 2023`. */
export function periodsText(periods: readonly Period[], language: Language): string {
  const labels = periods.map((p) => p[language]);
  const shown = labels.length > 8 ? [...labels.slice(0, 3), '…', ...labels.slice(-4)] : labels;
  return shown.join(language === 'zh' ? '、' : ', ');
}

/** "I have no figure for 2021 (total trade); I have: 2022, 2023." for a measure the base has in other periods. */
export function missingPeriodText(measures: readonly Measure[], choice: Extract<TimeChoice, { kind: 'missing' }>, asked: Period | null, language: Language): string {
  const name = measures.find((m) => m.id === choice.measure)?.name[language] ?? '';
  const have = periodsText(choice.periods, language);
  const period = asked?.[language] ?? '';
  return language === 'zh' ? `我没有${period}的${name || '这项'}数据，只有：${have}。` : `I have no figure for ${period}${name ? ` (${name})` : ''}; I have: ${have}.`;
}

/**
 * The sentences about time that go before an answer's own text: the period asked when the latest
 * figure stands in, the last full year, the most recently published figure, sources that disagree.
 */
export function timeNotes(choice: Extract<TimeChoice, { kind: 'fact' }>, language: Language, dating = ''): string {
  const published = choice.published
    ? language === 'zh'
      ? `最新发布（${choice.published.fact.source.document}）：${choice.published.figure.period.zh}${formatFigure(choice.published.figure, language)}。`
      : `Most recently published (${choice.published.fact.source.document}): ${formatFigure(choice.published.figure, language)} (${choice.published.figure.period.en}).`
    : '';
  const instead = choice.instead ? (language === 'zh' ? `我还没有${choice.instead.zh}的数据，以下为最新数据。` : `I have no figure for ${choice.instead.en} yet; the latest follows.`) : '';
  return [instead, choice.fullYear ? fullYearText(choice.fullYear, language) : '', published, conflictText(choice.conflicts, language), dating]
    .filter(Boolean)
    .join(language === 'zh' ? '' : ' ');
}
