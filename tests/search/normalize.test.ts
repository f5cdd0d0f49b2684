import { describe, expect, it } from 'vitest';
import { normalizeText, segmentHan, splitPieces } from '../../src/search/normalize.ts';

describe('normalizeText', () => {
  it('GIVEN full-width, curly quotes, separators and invisible characters THEN folds them', () => {
    expect(normalizeText('ＧＡＮＳＵ’s  5,567\u200b cars')).toBe('gansu 5567 cars');
  });

  it('GIVEN traditional Chinese THEN reads it as simplified', () => {
    expect(normalizeText('甘肅的海外倉有幾個？')).toBe('甘肃的海外仓有几个?');
  });

  it('GIVEN RTL and control characters THEN removes them without merging words', () => {
    expect(normalizeText('warehouses\u202e\u0007 abroad')).toBe('warehouses abroad');
  });
});

describe('splitPieces', () => {
  it('GIVEN mixed text THEN splits Han runs, words, decimals, ordinals and percent in order', () => {
    expect(splitPieces('langf第31届 grew 14.5% in the 31st china-laos')).toEqual([
      { kind: 'word', text: 'langf' },
      { kind: 'han', text: '第' },
      { kind: 'word', text: '31' },
      { kind: 'han', text: '届' },
      { kind: 'word', text: 'grew' },
      { kind: 'word', text: '14.5' },
      { kind: 'word', text: '%' },
      { kind: 'word', text: 'in' },
      { kind: 'word', text: 'the' },
      { kind: 'word', text: '31st' },
      { kind: 'word', text: 'china' },
      { kind: 'word', text: 'laos' },
    ]);
  });
});

describe('segmentHan', () => {
  it('GIVEN a Chinese sentence THEN returns its words, not characters', () => {
    const words = segmentHan('兰州新区进口大麦和玉米');
    expect(words).toContain('大麦');
    expect(words).toContain('玉米');
    expect(words.join('')).toBe('兰州新区进口大麦和玉米');
  });
});
