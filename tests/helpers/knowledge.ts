import type { Fact, Knowledge } from '../../src/index.ts';
import { periodOf } from '../../src/knowledge/period.ts';

type FactInput = Partial<Fact> & Pick<Fact, 'id' | 'topic'> & { en: string; zh: string };

/** A fact for engine tests, filled with plausible defaults. */
export function fact(input: FactInput): Fact {
  const { en, zh, ...rest } = input;
  return {
    title: { en, zh },
    answer: { en, zh },
    figures: [],
    aliases: { en: [], zh: [] },
    questions: [{ en: `Tell me about ${input.id}?`, zh: `${input.id}是什么？` }],
    source: { document: 'Test source', documentId: 'test-source', quote: en },
    ...rest,
  };
}

/** A small inline base: two count facts, one money pair, one fact without figures. */
export function tinyKnowledge(): Knowledge {
  const period = periodOf('2024');
  return {
    scope: { en: 'Ruritania', zh: '鲁里塔尼亚' },
    topics: [
      { id: 'depots', name: { en: 'Depots', zh: '仓库' }, description: { en: 'Depots', zh: '仓库' } },
      { id: 'fruit', name: { en: 'Fruit', zh: '水果' }, description: { en: 'Fruit exports', zh: '水果出口' } },
      { id: 'story', name: { en: 'Story', zh: '故事' }, description: { en: 'Background', zh: '背景' } },
    ],
    lexicon: {
      synonyms: [['depot', 'storehouse', '仓库'], ['pear', 'pears', '梨'], ['export', 'exports', '出口']],
      offTopic: ['weather', '天气'],
      greetings: ['hello', '你好'],
      help: ['help', '帮助'],
      stopWords: ['how', 'many', 'much', 'what', 'the', 'is', 'are', 'does', 'have', 'of', 'total', 'number', 'ruritania', '多少', '有', '的', '个'],
    },
    measures: [],
    documents: [],
    exclusions: [],
    facts: [
      fact({
        id: 'depots-count', topic: 'depots', en: 'Ruritania runs 12 depots abroad.', zh: '鲁里塔尼亚在海外运营12个仓库。',
        figures: [{ key: 'depots', value: 12, unit: 'depots', unitZh: '个', period, label: { en: 'Depots abroad', zh: '海外仓库' }, measure: 'depots' }],
        aliases: { en: ['depot', 'abroad'], zh: ['仓库', '海外'] },
      }),
      fact({
        id: 'pear-exports', topic: 'fruit', en: 'Pear exports were worth US$40 million; pear juice US$10 million.',
        zh: '梨出口额40百万美元，梨汁10百万美元。',
        figures: [
          { key: 'pears', value: 40, unit: 'USD million', unitZh: '百万美元', period, label: { en: 'Pear exports', zh: '梨出口额' }, measure: 'pears' },
          { key: 'pear-juice', value: 10, unit: 'USD million', unitZh: '百万美元', period, label: { en: 'Pear juice exports', zh: '梨汁出口额' }, measure: 'pear-juice' },
        ],
        aliases: { en: ['pear', 'juice', 'export'], zh: ['梨', '梨汁', '出口'] },
      }),
      fact({
        id: 'story-river', topic: 'story', en: 'The Blue River crosses Ruritania from east to west.', zh: '蓝河自东向西穿过鲁里塔尼亚。',
        aliases: { en: ['river', 'blue river'], zh: ['蓝河', '河流'] },
      }),
    ],
  };
}
