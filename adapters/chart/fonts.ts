import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The one typeface of every chart: Noto Sans Hans (OFL 1.1, from the npm package @embedpdf/fonts-sc,
 * OTF files resvg can read; @fontsource ships only web formats). It has Latin and the GB2312 Han set,
 * so English and Chinese charts look alike, and nothing depends on the machine's own fonts.
 */
export const CHART_FONT_FAMILY = 'Noto Sans S Chinese';

/** The font files' folder inside the package (its entry is `dist/index.js`, the fonts sit in `fonts/`). */
function fontFolder(): string {
  const entry = fileURLToPath(import.meta.resolve('@embedpdf/fonts-sc'));
  return path.join(path.dirname(entry), '..', 'fonts');
}

/** Regular for labels and Bold for the title: the two weights a chart draws. */
export function chartFontFiles(): string[] {
  const folder = fontFolder();
  return [path.join(folder, 'NotoSansHans-Regular.otf'), path.join(folder, 'NotoSansHans-Bold.otf')];
}
