import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/search/analyzer.ts';
import { compileLexicon } from '../../src/search/lexicon.ts';
import type { Lexicon } from '../../src/index.ts';

const lexicon: Lexicon = {
  synonyms: [['build', '建立', '建'], ['corn', 'maize', '玉米'], ['lanzhou new area', '兰州新区'], ['lanzhou', '兰州'], ['overseas warehouse', '海外仓']],
  offTopic: ['hotel', '酒店'],
  greetings: ['hello', '你好'],
  help: ['help'],
  stopWords: ['how', 'many', 'the', 'does', 'gansu', '甘肃', '的', '有', '几个'],
};
const analyzer = createAnalyzer(compileLexicon(lexicon), ['warehouses', 'imported', 'barley', 'international']);
const terms = (text: string) => analyzer.analyze(text).map((u) => u.terms[0]);

describe('analyzer', () => {
  it('GIVEN English words THEN stems them and drops stop words', () => {
    expect(terms('How many imported barley')).toEqual(['import', 'barlei']);
  });

  it('GIVEN a one-character entry THEN it is the word only where it stands alone, not inside a longer word', () => {
    const build = terms('建立')[0];
    expect(terms('是哪一年建的')).toContain(build);
    expect(terms('福建省')).not.toContain(build);
    expect(terms('建议')).not.toContain(build);
  });

  it('GIVEN synonyms in either language THEN both become the same term', () => {
    expect(terms('maize')).toEqual(terms('玉米'));
    expect(terms('corn')).toEqual(terms('maize'));
  });

  it('GIVEN a phrase THEN the longest lexicon match wins and keeps its parts as extra terms', () => {
    const [unit] = analyzer.analyze('Lanzhou New Area');
    expect(unit?.terms[0]).toBe(terms('兰州新区')[0]);
    expect(unit?.terms).toContain(terms('lanzhou')[0]);
  });

  it('GIVEN a typo THEN corrects it to the closest word of the base', () => {
    expect(analyzer.analyze('warehoses')[0]?.raw).toBe('warehouses');
    expect(analyzer.analyze('internatonal')[0]?.raw).toBe('international');
  });

  it('GIVEN a short or unrelated word THEN does not "correct" it', () => {
    expect(analyzer.analyze('coal')[0]?.raw).toBe('coal');
    expect(analyzer.analyze('population')[0]?.raw).toBe('population');
  });

  it('GIVEN Chinese THEN segments it, matches lexicon terms and drops stop words', () => {
    const units = analyzer.analyze('甘肃的海外仓有几个');
    expect(units.map((u) => u.raw)).toEqual(['海外仓']);
    expect(units[0]?.terms[0]).toBe(terms('overseas warehouse')[0]);
  });

  it('GIVEN traditional characters THEN matches the simplified lexicon', () => {
    expect(terms('蘭州新區')).toEqual(terms('兰州新区'));
  });

  it('GIVEN off-topic, greeting and help words THEN marks their role', () => {
    expect(analyzer.analyze('hello').map((u) => u.role)).toEqual(['greeting']);
    expect(analyzer.analyze('酒店').map((u) => u.role)).toEqual(['offTopic']);
    expect(analyzer.analyze('help').map((u) => u.role)).toEqual(['help']);
  });

  it('GIVEN stored text THEN index terms include phrase and part terms', () => {
    const indexTerms = analyzer.indexTerms('Lanzhou New Area imports corn');
    expect(indexTerms).toEqual(expect.arrayContaining([terms('兰州新区')[0], terms('兰州')[0], 'import', terms('corn')[0]]));
  });
});
