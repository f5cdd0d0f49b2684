import * as OpenCC from 'opencc-js/cn2t';

const convert = OpenCC.Converter({ from: 'cn', to: 'tw' });

/**
 * Simplified Chinese as Taiwan's Traditional Chinese, for platforms that localise per script
 * (Discord's zh-TW): the catalog and the knowledge are written once, in Simplified.
 */
export function toTraditional(text: string): string {
  return convert(text);
}
