/** English words for one to ten, cardinal and ordinal: sources write small numbers out. */
export const NUMBER_WORDS: Record<number, readonly string[]> = {
  1: ['one', 'first'], 2: ['two', 'second'], 3: ['three', 'third'], 4: ['four', 'fourth'], 5: ['five', 'fifth'],
  6: ['six', 'sixth'], 7: ['seven', 'seventh'], 8: ['eight', 'eighth'], 9: ['nine', 'ninth'], 10: ['ten', 'tenth'],
};

/**
 * True when `value` is written in `quote`: as digits (thousands separators ignored, `31st` counts)
 * or, for one to ten, as a word (`sixth`). Guards against figures that the source does not state.
 */
export function valueAppearsIn(value: number, quote: string): boolean {
  const plain = quote.replace(/(\d),(?=\d{3}\b)/g, '$1');
  const digits = String(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (new RegExp(`(?<![\\d.])${digits}(?![\\d]|\\.\\d)`).test(plain)) return true;
  const words = NUMBER_WORDS[value] ?? [];
  return words.some((word) => new RegExp(`\\b${word}\\b`, 'i').test(quote));
}
