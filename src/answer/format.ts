import { scaleOf } from '../knowledge/quote.ts';
import type { Figure, Language } from '../types.ts';

/**
 * A figure's value and unit as people write them: `5,567 cars`, `US$360 million`, `14.5% year on year`,
 * `6th nationally`; in Chinese `5,567车`, `360百万美元`, `第6位（全国）`.
 */
export function formatFigure(figure: Figure, language: Language): string {
  const number = formatNumber(figure.value);
  if (language === 'zh') {
    const number = formatNumber(valueIn(figure, language));
    if (figure.unitZh.startsWith('位')) return `第${number}${figure.unitZh}`;
    if (figure.unitZh === '届') return `第${number}届`;
    return `${number}${figure.unitZh}`;
  }
  const unit = figure.unit;
  const usd = /^USD (million|billion)$/i.exec(unit);
  if (usd) return `US$${number} ${usd[1]!.toLowerCase()}`;
  if (unit.startsWith('%')) return `${number}${unit}`;
  if (unit.startsWith('th ') || unit === 'th') return `${number}${ordinalSuffix(figure.value)}${unit.slice(2)}`;
  if (unit === 'edition') return `${number}${ordinalSuffix(figure.value)} edition`;
  const over = unit.match(/^(.*) \(over\)$/);
  if (over) return `over ${number} ${over[1]}`;
  return `${number} ${unit}`;
}

/**
 * A figure's value in the unit of `language`: the Chinese unit may count in another scale (26.42
 * billion yuan is 264.2亿元), and a chart's axis must show the number its labels print.
 */
export function valueIn(figure: Figure, language: Language): number {
  if (language === 'en') return figure.value;
  const ratio = scaleOf(figure.unit) / scaleOf(figure.unitZh);
  return ratio === 1 ? figure.value : Number((figure.value * ratio).toPrecision(12));
}

/** `5567` -> `5,567`; decimals kept as written (`8.619`, `27.37`). */
export function formatNumber(value: number): string {
  const [whole = '0', fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

function ordinalSuffix(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return 'th';
  return ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
}
