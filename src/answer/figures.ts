import type { Fact, Figure } from '../types.ts';
import type { Unit } from '../search/analyzer.ts';
import type { FactIndex } from '../search/index.ts';
import type { ScoredFigure } from './arithmetic.ts';
import { countsPersons, unitFits, type Intent } from './intent.ts';
import type { Matcher } from './match.ts';

/** Ranks figures by how well a question names them, then by how well their unit fits its kind. */
export type FigureRanker = (units: Unit[], intent: Intent, facts: readonly Fact[]) => ScoredFigure[];

/**
 * The figure ranker over one index. Head terms of a figure are those of its label and unit ("apple
 * juice exports" names juice and exports, not apples), cached per figure key.
 */
export function createFigureRanker(index: FactIndex, matcher: Matcher): FigureRanker {
  const figureTerms = new Map<string, Set<string>>();
  const termsOfFigure = (g: Figure): Set<string> => {
    let terms = figureTerms.get(g.key);
    if (!terms) {
      const persons = countsPersons(g) ? ' people' : '';
      terms = new Set(index.analyzer.analyze(`${g.label.en} ${g.label.zh} ${g.unit} ${g.unitZh}${persons}`).map((u) => u.terms[0]!));
      figureTerms.set(g.key, terms);
    }
    return terms;
  };
  return (units, intent, facts) =>
    facts
      .flatMap((fact) =>
        fact.figures.map((figure) => {
          const terms = termsOfFigure(figure);
          const named = matcher.evidence(terms, units);
          const fully = units.flatMap((u, i) => (matcher.strength(terms, u) === 1 ? [i] : []));
          return { fact, figure, named: fully, score: named + (named > 0 || facts.length === 1 ? unitFits(intent.kind, figure.unit) : 0) };
        }),
      )
      .sort((a, b) => b.score - a.score);
}
