import type { Answer, Knowledge, Language } from '../types.ts';
import { answered } from './compose.ts';
import type { Screened } from './screen.ts';
import type { SeriesIndex } from './series.ts';

const ASKS_COVERAGE =
  /\b(how (current|recent|up[- ]to[- ]date|fresh|old)|latest (data|figures|information|info|numbers|facts)|most recent (data|figures|information)|newest (data|figures|information)|(data|figures|information|knowledge) (go|goes|run|runs|reach|reaches|end|ends) (up )?(to|until)|up to when|cut[- ]?off)\b|截至什么时候|截止到什么时候|数据.{0,4}(最新|截至|截止|更新)|最新.{0,3}(数据|资料)|资料.{0,4}(多新|截至|截止)|多新/;
/** Words of a coverage question that name no topic, so "latest trade data" is not one. */
const META_WORDS = /^(data|figure|figures|information|info|number|numbers|fact|facts|latest|newest|recent|current|date|time|knowledge|数据|资料|最新|时候|截至|截止|更新|什么)$/;

/**
 * "What's the latest data you have?", "你的数据截至什么时候？": what the base covers, the newest period
 * of each topic and the newest source date. Null for any other question (one naming a topic included).
 */
export function coverageAnswer(q: Pick<Screened, 'question' | 'normalized' | 'content' | 'language'>, knowledge: Knowledge, series: SeriesIndex): Answer | null {
  if (!ASKS_COVERAGE.test(q.normalized)) return null;
  if (q.content.some((u) => !META_WORDS.test(u.raw) && u.role === 'synonym')) return null;
  const lang: Language = q.language;
  const newestByTopic = new Map<string, { at: string; label: string }>();
  for (const measure of series.measures()) {
    for (const p of series.of(measure)) {
      if (!p.figure.period.yearStated || p.figure.period.planned) continue;
      const seen = newestByTopic.get(p.fact.topic);
      if (!seen || p.at > seen.at) newestByTopic.set(p.fact.topic, { at: p.at, label: p.figure.period[lang] });
    }
  }
  const dates = knowledge.documents.map((d) => d.published).filter(Boolean).sort();
  const [oldest, newest] = [dates[0] ?? '', dates.at(-1) ?? ''];
  const topics = knowledge.topics
    .filter((t) => newestByTopic.has(t.id))
    .map((t) => ({ name: t.name[lang], ...newestByTopic.get(t.id)! }))
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, 5)
    .map((t) => (lang === 'zh' ? `${t.name}${t.label}` : `${t.name} ${t.label}`));
  const text =
    lang === 'zh'
      ? `我的资料来自${knowledge.documents.length}份来源，发布时间从${oldest.slice(0, 4)}年到${newest}。各主题最新数据：${topics.join('；')}。`
      : `My facts come from ${knowledge.documents.length} sources published from ${oldest.slice(0, 4)} to ${newest}. Newest figures: ${topics.join('; ')}.`;
  return answered(q.question, lang, text, [], [], 1, []);
}
