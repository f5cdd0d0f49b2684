/** Vega's text measurer; exported at run time (vega re-exports vega-scenegraph) but not in its typings. */
interface TextMetrics {
  width(item: { fontSize?: number; fontWeight?: string | number }, text: string): number;
}

/** Advance widths in em of the chart font (Noto Sans Hans), by kind of character: measured off its PNGs. */
const EM = { han: 1, upper: 0.66, other: 0.56, narrow: 0.28, space: 0.25 } as const;
const HAN = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;
const NARROW = /[.,:;'!|il1()[\]ftrj\-·]/;

function ems(text: string): number {
  let total = 0;
  for (const ch of text) {
    if (HAN.test(ch)) total += EM.han;
    else if (ch === ' ') total += EM.space;
    else if (NARROW.test(ch)) total += EM.narrow;
    else if (ch >= 'A' && ch <= 'Z') total += EM.upper;
    else total += EM.other;
  }
  return total;
}

/**
 * Without a canvas Vega guesses every character at 0.8 em: Latin titles came out cut short and Han ones
 * overflowed, and the layout (axis room, fit to 800 px) followed the guess. Vega lets a headless host
 * supply its own measure (vl-convert does the same); ours knows the one font the charts use.
 * Installed once, for the process: every chart is drawn in that font.
 */
export function installTextMetrics(vega: object): void {
  const metrics = (vega as { textMetrics: TextMetrics }).textMetrics;
  metrics.width = (item, text) => {
    const bold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600;
    return ems(String(text)) * (item.fontSize ?? 11) * (bold ? 1.1 : 1);
  };
}
