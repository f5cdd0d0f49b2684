import { formatFigure } from './answer/format.ts';
import type { Knowledge, Language, StatItem, StatsResult, Topic } from './types.ts';

/**
 * Quick stats: every figure of the base (or of one topic), in the base's order. A topic can be named
 * by id or by its name in either language; an unknown one is a value listing the topics.
 */
export function quickStats(knowledge: Knowledge, topicQuery: string | null | undefined, language: Language): StatsResult {
  const wanted = topicQuery?.trim().toLowerCase() ?? '';
  let topic: Topic | null = null;
  if (wanted !== '') {
    topic =
      knowledge.topics.find(
        (t) => t.id === wanted || t.name.en.toLowerCase() === wanted || t.name.zh === wanted,
      ) ??
      knowledge.topics.find((t) => t.name.en.toLowerCase().includes(wanted) || t.name.zh.includes(wanted)) ??
      null;
    if (!topic) {
      const names = knowledge.topics.map((t) => t.id).join(', ');
      const text = language === 'zh' ? `没有“${wanted.slice(0, 40)}”这个主题。可选主题：${names}` : `No topic "${wanted.slice(0, 40)}". Topics: ${names}`;
      return { ok: false, reason: 'unknown_topic', text, topics: knowledge.topics };
    }
  }
  const order = new Map(knowledge.topics.map((t, i) => [t.id, i]));
  const facts = knowledge.facts
    .filter((f) => !topic || f.topic === topic.id)
    .sort((a, b) => (order.get(a.topic) ?? 0) - (order.get(b.topic) ?? 0));
  const items: StatItem[] = facts.flatMap((fact) =>
    fact.figures.map((figure) => ({
      key: figure.key,
      topic: fact.topic,
      label: figure.label[language],
      value: figure.value,
      unit: language === 'zh' ? figure.unitZh : figure.unit,
      period: figure.period[language],
      factId: fact.id,
      display: formatFigure(figure, language),
    })),
  );
  const title = topic
    ? topic.name[language]
    : language === 'zh'
      ? `${knowledge.scope.zh}主要数据`
      : `${knowledge.scope.en}: headline figures`;
  return { ok: true, topic, title, items };
}
