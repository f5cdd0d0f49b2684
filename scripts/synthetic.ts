import type { Fact, Knowledge, Lexicon } from '../src/index.ts';
import { periodOf } from '../src/knowledge/period.ts';

/** A small deterministic PRNG (mulberry32), so every bench run measures the same base. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tau', 'shi', 'gar', 'pel', 'vin', 'dor', 'ul', 'seb', 'qua', 'nox', 'tri', 'fen'];

/**
 * A synthetic base of `size` facts in the real base's shape: 8,000 pseudo-English words, 2,000 Chinese
 * characters, 20 topics, one or two figures per fact. Only the cost of indexing and answering is
 * meaningful here, not the answers.
 */
export function syntheticKnowledge(size: number, lexicon: Lexicon): Knowledge {
  const next = random(size);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const words = Array.from({ length: 8000 }, (_, i) => {
    let w = '';
    for (let n = i; w.length < 6; n = Math.floor(n / SYLLABLES.length) + 1) w += SYLLABLES[n % SYLLABLES.length];
    return w + String.fromCharCode(97 + (i % 26));
  });
  const han = Array.from({ length: 2000 }, (_, i) => String.fromCharCode(0x4e00 + i * 7));
  const en = (n: number) => Array.from({ length: n }, () => pick(words)).join(' ');
  const zh = (n: number) => Array.from({ length: n }, () => pick(han)).join('');
  const topics = Array.from({ length: 20 }, (_, i) => ({
    id: `topic${String.fromCharCode(97 + i)}`,
    name: { en: `Topic ${i}`, zh: `主题${i}` },
    description: { en: en(4), zh: zh(6) },
  }));
  const facts: Fact[] = Array.from({ length: size }, (_, i) => {
    const value = Math.floor(next() * 100_000) / 10;
    const answer = `${en(14)} ${value} ${en(4)}.`;
    return {
      id: `fact-${i}`,
      topic: topics[i % topics.length]!.id,
      title: { en: en(5), zh: zh(8) },
      answer: { en: answer, zh: `${zh(20)}${value}${zh(4)}。` },
      figures: [
        { key: `figure-${i}`, value, unit: pick(['trains', 'warehouses', 'USD million', '% year on year']), unitZh: '个', period: periodOf('2024'), label: { en: en(4), zh: zh(6) }, measure: `figure-${i}` },
      ],
      aliases: { en: [en(2), en(1)], zh: [zh(3)] },
      questions: [{ en: `How many ${en(4)}?`, zh: `${zh(6)}有多少？` }],
      source: { document: 'Synthetic', documentId: 'synthetic', quote: answer },
    };
  });
  return { scope: { en: 'a synthetic base', zh: '合成数据' }, facts, topics, lexicon, measures: [], documents: [], exclusions: [] };
}

/** Questions over a synthetic base: fact titles as asked, some with a typo, and some off-topic ones. */
export function syntheticQuestions(knowledge: Knowledge, count: number): string[] {
  const next = random(count);
  return Array.from({ length: count }, (_, i) => {
    const fact = knowledge.facts[Math.floor(next() * knowledge.facts.length)]!;
    if (i % 10 === 0) return 'What is the weather in Lanzhou today?';
    if (i % 5 === 0) return fact.title.zh;
    const title = fact.title.en;
    return i % 3 === 0 ? `tell me about ${title.slice(0, 7)}x${title.slice(8)}` : `What is ${title}?`;
  });
}
