import { describe, expect, it } from 'vitest';
import { runScript } from '../helpers/run.ts';

/** A deterministic generator (LCG), so a failure names inputs that fail again. */
function generator(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const SYMBOLS = '!@#$%^&*()_+-=[]{};:\'",.<>/?\\|`~…—“”。，？！％￥';

function hostileInputs(count: number): { symbols: string[]; letters: string[]; han: string[]; odd: string[] } {
  const r = generator(42);
  const pick = (alphabet: string) => alphabet[Math.floor(r() * alphabet.length)]!;
  const many = (n: number, make: () => string) => Array.from({ length: n }, make);
  const word = () => many(3 + Math.floor(r() * 7), () => String.fromCharCode(97 + Math.floor(r() * 26))).join('');
  return {
    symbols: many(count, () => many(1 + Math.floor(r() * 8), () => pick(SYMBOLS)).join('')),
    letters: many(count, () => many(1 + Math.floor(r() * 4), word).join(' ')),
    han: many(count, () => many(2 + Math.floor(r() * 6), () => String.fromCharCode(0x4e00 + Math.floor(r() * 20000))).join('')),
    odd: ['\u0000', '\u200b\u200b', '\ud83d\ude00'.repeat(40), '<script>alert(1)</script>', '**bold** _x_ `code`', '\u202etxet', 'a\tb\tc', '\ufeff%'],
  };
}

describe('ask --json --stdin under hostile input', () => {
  it('GIVEN 1,200 symbol, random-letter, random-Han and odd-Unicode lines THEN one line each, symbols never answered, nonsense almost never', async () => {
    const inputs = hostileInputs(400);
    const all = [...inputs.symbols, ...inputs.letters, ...inputs.han, ...inputs.odd];
    const { code, stdout } = await runScript('adapters/cli/ask.ts', ['--json', '--stdin'], { input: `${all.join('\n')}\n`, timeoutMs: 60_000 });
    expect(code).toBe(0);
    const replies = stdout.trim().split('\n').map((l) => JSON.parse(l) as { answered: boolean; text: string });
    expect(replies).toHaveLength(all.length);
    const answered = (from: number, count: number) => replies.slice(from, from + count).filter((r) => r.answered).length;
    expect(answered(0, inputs.symbols.length)).toBe(0);
    // A random four-letter word can be one typo from a name the base knows ("tatg" -> Tang): at most 1%.
    expect(answered(inputs.symbols.length, inputs.letters.length)).toBeLessThanOrEqual(4);
    expect(answered(inputs.symbols.length + inputs.letters.length, inputs.han.length)).toBeLessThanOrEqual(4);
    for (const r of replies) expect(r.text.length).toBeGreaterThan(0);
  }, 90_000);
});
