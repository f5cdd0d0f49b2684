import { createHash } from 'node:crypto';
import type { SeriesIndex } from '../answer/series.ts';
import type { Answer, Knowledge, Language, SeriesResult } from '../types.ts';
import type { ChartDescription, ChartResult } from './chart.ts';
import { describeChart } from './describe.ts';

/** The assistant's charts: descriptions by measure and language, and the check that an answer's chart exists. */
export interface Charts {
  chart(measure: string, language: Language): ChartResult;
  /** `answer` without its `chart` when that measure cannot be drawn (fewer than two dated periods of one unit). */
  checked(answer: Answer): Answer;
}

/**
 * The knowledge's version: a hash of what a chart shows (figures, measures, documents' names), so a
 * picture cached for one base is never served for an edited one.
 */
function knowledgeVersion(knowledge: Knowledge): string {
  const documents = knowledge.documents.map((d) => [d.id, d.title, d.publisher, d.published]);
  return createHash('sha256').update(JSON.stringify([knowledge.facts, knowledge.measures, documents])).digest('base64url').slice(0, 12);
}

/** Builds the charts over a base's series; descriptions are made once per measure and language. */
export function createCharts(knowledge: Knowledge, index: SeriesIndex, series: (measure: string, language: Language) => SeriesResult): Charts {
  let version: string | undefined;
  const made = new Map<string, ChartDescription | null>();
  const describe = (measure: string, language: Language): ChartResult => {
    const found = series(measure, language);
    if (!found.ok) return found;
    const key = `${found.measure.id}:${language}`;
    if (!made.has(key)) made.set(key, describeChart(knowledge, found.measure, index.of(found.measure.id), language, (version ??= knowledgeVersion(knowledge))));
    const chart = made.get(key);
    return chart ? { ok: true, chart } : { ok: false, reason: 'too_few_points', measures: [found.measure] };
  };
  return {
    chart: describe,
    checked(answer) {
      if (!answer.chart || describe(answer.chart.measure, answer.language).ok) return answer;
      const { chart: _, ...rest } = answer;
      return rest;
    },
  };
}
