import { formatFigure } from './answer/format.ts';
import { dateOfFigure, publicationDates, type Point, type SeriesIndex } from './answer/series.ts';
import type { Fact, Figure, Knowledge, Language, Measure, SeriesResult, StatItem, StatsResult, Topic } from './types.ts';

/** Most items a topic shows in the short view (one topic, or all topics), so `/stats` stays a chat message. */
const MAX_ITEMS_PER_TOPIC = { one: 8, all: 3 } as const;

/**
 * Quick stats overall or for one topic. `latest` (default): the newest figure of each declared measure,
 * plus the founding article's headline figures; `all`: every figure, for `stats --json`. A topic can be
 * named by id or by its name in either language; an unknown one is a value listing the topics.
 */
export function quickStats(knowledge: Knowledge, topicQuery: string | null | undefined, language: Language, view: 'latest' | 'all' = 'latest'): StatsResult {
  const wanted = topicQuery?.trim().toLowerCase() ?? '';
  let topic: Topic | null = null;
  if (wanted !== '') {
    topic = findTopic(knowledge.topics, wanted);
    if (!topic) {
      const names = knowledge.topics.map((t) => t.id).join(', ');
      const text = language === 'zh' ? `没有“${wanted.slice(0, 40)}”这个主题。可选主题：${names}` : `No topic "${wanted.slice(0, 40)}". Topics: ${names}`;
      return { ok: false, reason: 'unknown_topic', text, topics: knowledge.topics };
    }
  }
  const order = new Map(knowledge.topics.map((t, i) => [t.id, i]));
  const facts = knowledge.facts.filter((f) => !topic || f.topic === topic.id).sort((a, b) => (order.get(a.topic) ?? 0) - (order.get(b.topic) ?? 0));
  const pairs = facts.flatMap((fact) => fact.figures.map((figure) => ({ fact, figure })));
  const chosen = view === 'all' ? pairs : latestPerMeasure(knowledge, pairs, MAX_ITEMS_PER_TOPIC[topic ? 'one' : 'all']);
  const items = chosen.map(({ fact, figure }) => statItem(fact, figure, language));
  const title = topic ? topic.name[language] : language === 'zh' ? `${knowledge.scope.zh}主要数据` : `${knowledge.scope.en}: headline figures`;
  return { ok: true, topic, title, items };
}

/**
 * One measure over time, oldest first: `npm run stats -- --series MEASURE` and `/trend`. The measure is
 * named by id or by its name in either language; an unknown one lists the measures that have a series.
 */
export function measureSeries(knowledge: Knowledge, series: SeriesIndex, query: string, language: Language): SeriesResult {
  const withSeries = knowledge.measures.filter((m) => series.of(m.id).length >= 2);
  const wanted = query.trim().toLowerCase();
  const measure =
    withSeries.find((m) => m.id === wanted) ??
    withSeries.find((m) => m.name.en.toLowerCase() === wanted || m.name.zh === wanted) ??
    withSeries.find((m) => wanted !== '' && (m.name.en.toLowerCase().includes(wanted) || m.name.zh.includes(wanted) || m.id.includes(wanted)));
  if (!measure) return { ok: false, reason: 'unknown_measure', measures: withSeries };
  const items = series.of(measure.id).filter((p) => p.figure.period.yearStated).map((p: Point) => statItem(p.fact, p.figure, language));
  return { ok: true, measure, title: measure.name[language], items };
}

/** The newest figure of each declared measure (ties: the longer span), then the founding article's others. */
function latestPerMeasure(knowledge: Knowledge, pairs: Array<{ fact: Fact; figure: Figure }>, perTopicMax: number): Array<{ fact: Fact; figure: Figure }> {
  const declared = new Map<string, Measure>(knowledge.measures.map((m) => [m.id, m]));
  const published = publicationDates(knowledge);
  const at = (p: { fact: Fact; figure: Figure }) => dateOfFigure(p.fact, p.figure, published);
  const newest = new Map<string, { fact: Fact; figure: Figure }>();
  for (const p of pairs) {
    if (!declared.has(p.figure.measure) || p.figure.period.planned) continue;
    const seen = newest.get(p.figure.measure);
    if (!seen || at(p) > at(seen)) newest.set(p.figure.measure, p);
  }
  // The founding article's figures are the base's headline figures even where no measure is declared.
  const founding = knowledge.documents.find((d) => d.founding)?.id;
  const headline = pairs.filter((p) => p.fact.source.documentId === founding && !declared.has(p.figure.measure));
  const topicOrder = new Map(knowledge.topics.map((t, i) => [t.id, i]));
  const measureOrder = new Map(knowledge.measures.map((m, i) => [m.id, i]));
  const position = new Map(pairs.map((p, i) => [p, i]));
  // Within a topic: declared measures in their file order, then the headline figures.
  const rank = (p: { fact: Fact; figure: Figure }) => [topicOrder.get(p.fact.topic) ?? 0, measureOrder.get(p.figure.measure) ?? knowledge.measures.length + position.get(p)!];
  const perTopic = new Map<string, number>();
  return [...newest.values(), ...headline]
    .sort((a, b) => {
      const [ta, ma] = rank(a);
      const [tb, mb] = rank(b);
      return ta! - tb! || ma! - mb!;
    })
    .filter((p) => {
      const n = (perTopic.get(p.fact.topic) ?? 0) + 1;
      perTopic.set(p.fact.topic, n);
      return n <= perTopicMax;
    });
}

function statItem(fact: Fact, figure: Figure, language: Language): StatItem {
  return {
    key: figure.key,
    topic: fact.topic,
    label: figure.label[language],
    value: figure.value,
    unit: language === 'zh' ? figure.unitZh : figure.unit,
    period: figure.period[language],
    factId: fact.id,
    display: formatFigure(figure, language),
    measure: figure.measure,
    periodStart: figure.period.start,
    periodEnd: figure.period.end,
    source: fact.source.documentId,
  };
}

function findTopic(topics: readonly Topic[], wanted: string): Topic | null {
  return (
    topics.find((t) => t.id === wanted || t.name.en.toLowerCase() === wanted || t.name.zh === wanted) ??
    topics.find((t) => t.name.en.toLowerCase().includes(wanted) || t.name.zh.includes(wanted)) ??
    null
  );
}
