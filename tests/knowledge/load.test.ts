import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/index.ts';
import { buildKnowledge as build, loadKnowledge } from '../../src/knowledge/load.ts';
import { containsLoosely, printedStates, valueAppearsIn } from '../../src/knowledge/quote.ts';
import { statementBlock } from '../../src/knowledge/documents.ts';

const SOURCE = path.join(PROJECT_ROOT, 'knowledge', 'sources', 'gansu-bri-2024.txt');
const knowledge = loadKnowledge(path.join(PROJECT_ROOT, 'knowledge'));

const TOPICS = 'scope: { en: S, zh: 范围 }\ntopics:\n  - id: t\n    name: { en: T, zh: 题 }\n    description: { en: T, zh: 题 }\n';
const fact = (id: string, value: number, quote: string) =>
  `  - id: ${id}\n    title: { en: A, zh: 甲 }\n    answer: { en: A, zh: 甲 }\n    figures:\n      - key: k-${id}\n        value: ${value}\n        unit: u\n        unitZh: 个\n        period: 2024\n        label: { en: l, zh: 标 }\n    aliases: { en: [], zh: [] }\n    questions: [{ en: q, zh: 问 }]\n    quote: ${quote}\n`;

describe('the real knowledge base', () => {
  it('GIVEN knowledge/ THEN every fact has a unique id, a known topic and both languages', () => {
    const ids = knowledge.facts.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    const topics = new Set(knowledge.topics.map((t) => t.id));
    for (const f of knowledge.facts) {
      expect(topics.has(f.topic), f.id).toBe(true);
      expect(f.answer.zh, f.id).toMatch(/\p{Script=Han}/u);
      // English answers may name a place or fair in Chinese too (兰洽会), but are English.
      const han = f.answer.en.match(/\p{Script=Han}/gu)?.length ?? 0;
      expect(han, f.id).toBeLessThan(f.answer.en.length / 10);
    }
  });

  it('GIVEN every figure THEN its value is written in its quote, or its printed form in its statement and stating it', () => {
    for (const f of knowledge.facts) {
      const text = knowledge.documents.find((d) => d.id === f.source.documentId)!.text;
      for (const g of f.figures) {
        const ok = g.printed
          ? containsLoosely(statementBlock(text, f.source.quote), g.printed) && printedStates(g.printed, g.value, g.unit)
          : valueAppearsIn(g.value, f.source.quote);
        expect(ok, `${f.id} ${g.key}`).toBe(true);
      }
    }
  });

  it('GIVEN the source article THEN every quote is verbatim from it', () => {
    const source = readFileSync(SOURCE, 'utf8');
    for (const f of knowledge.facts.filter((x) => x.source.documentId === 'gansu-bri-2024')) expect(source.includes(f.source.quote), f.id).toBe(true);
  });

  it('GIVEN the source article THEN every statistic in it is a figure of the base', () => {
    const source = readFileSync(SOURCE, 'utf8').replace(/(\d),(?=\d{3})/g, '$1');
    // Years and the Five-Year plan ordinals (14th, 15th) name periods; they are not statistics.
    const numbers = [...source.matchAll(/(?<![\d.])(\d+(?:\.\d+)?)(?:st|nd|rd|th)?/g)]
      .map((m) => Number(m[1]))
      .filter((n) => n !== 2024 && n !== 14 && n !== 15);
    const values = new Set(knowledge.facts.filter((f) => f.source.documentId === 'gansu-bri-2024').flatMap((f) => f.figures.map((g) => g.value)));
    expect(numbers.filter((n) => !values.has(n))).toEqual([]);
    expect(values.has(6)).toBe(true); // "ranking sixth"
  });

  it('GIVEN a lexicon THEN it carries the domain synonyms in both languages', () => {
    const groups = knowledge.lexicon.synonyms.map((g) => g.join('|'));
    for (const pair of [['maize', 'corn'], ['linseed', 'flaxseed'], ['twin town', 'sister city'], ['海外仓', 'overseas warehouse'], ['兰洽会', 'langf']]) {
      expect(groups.some((g) => pair.every((term) => g.split('|').includes(term))), pair.join('/')).toBe(true);
    }
  });
});

describe('buildKnowledge', () => {
  const file = (name: string, text: string) => ({ name, text });
  const SOURCES = [
    file('sources/documents.yaml', 'documents:\n  - { id: doc, file: doc.txt, title: Doc, publisher: P, url: u, published: 2024-01, language: en }\n'),
    file('sources/doc.txt', 'It runs 58 depots. one 1 two 2'),
  ];
  const buildKnowledge = (files: Parameters<typeof build>[0]) => build([...files, ...SOURCES]);

  it('GIVEN valid files THEN links each fact to its topic and document', () => {
    const k = buildKnowledge([file('topics.yaml', TOPICS), file('t.yaml', `topic: t\ndocument: doc\nfacts:\n${fact('a', 58, 'It runs 58 depots.')}`)]);
    expect(k.facts.map((f) => [f.id, f.topic, f.source.document])).toEqual([['a', 't', 'Doc']]);
  });

  it('GIVEN a figure its quote does not state THEN refuses it, naming the field and line', () => {
    const text = `topic: t\ndocument: doc\nfacts:\n${fact('a', 59, 'It runs 58 depots.')}`;
    expect(() => buildKnowledge([file('topics.yaml', TOPICS), file('t.yaml', text)])).toThrow(
      /^t\.yaml:8 facts\[0\]\.figures\[0\]\.value: 59 does not appear in the fact's quote$/,
    );
  });

  it('GIVEN two facts with one id THEN names the duplicate', () => {
    const text = `topic: t\ndocument: doc\nfacts:\n${fact('a', 1, 'one 1')}${fact('a', 2, 'two 2').replace('k-a', 'k-b')}`;
    expect(() => buildKnowledge([file('topics.yaml', TOPICS), file('t.yaml', text)])).toThrow(/facts\[1\]\.id: duplicate fact id "a"/);
  });

  it('GIVEN a topic not in topics.yaml THEN says so', () => {
    const text = `topic: nope\ndocument: doc\nfacts:\n${fact('a', 1, 'one 1')}`;
    expect(() => buildKnowledge([file('topics.yaml', TOPICS), file('t.yaml', text)])).toThrow(/^t\.yaml:1 topic: unknown topic "nope"/);
  });

  it('GIVEN no topics.yaml THEN says the file is missing', () => {
    expect(() => build([])).toThrow(/^topics\.yaml:1 \(file\): missing/);
  });
});

describe('valueAppearsIn', () => {
  it('GIVEN thousands separators, ordinals and words THEN finds the value', () => {
    expect(valueAppearsIn(5567, 'dispatched (5,567 cars)')).toBe(true);
    expect(valueAppearsIn(31, 'The 31st fair')).toBe(true);
    expect(valueAppearsIn(6, 'ranking sixth nationally')).toBe(true);
    expect(valueAppearsIn(8.619, '$8.619 million')).toBe(true);
  });

  it('GIVEN a value only inside another number THEN does not find it', () => {
    expect(valueAppearsIn(24, '124 trains')).toBe(false);
    expect(valueAppearsIn(14, '14.5% growth')).toBe(false);
    expect(valueAppearsIn(8.61, '$8.619 million')).toBe(false);
  });
});
