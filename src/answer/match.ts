import type { FactIndex, TermSet } from '../search/index.ts';
import type { Unit } from '../search/analyzer.ts';

/** Credit for a phrase matched only through its parts (`lanzhou` of `lanzhou new area`), per part share. */
const PART_CREDIT = 0.7;
/** A single Chinese character outside the lexicon is more often a particle or verb than a topic. */
const LONE_HAN_WEIGHT = 0.5;


/** How much each word of a question says, and how much of it a fact (or figure) covers. */
export interface Matcher {
  /** Weight of a word the base never uses: the largest any word can have. */
  maxWeight: number;
  /** Inverse document frequency of the unit; words the base never uses weigh the most. */
  weight(unit: Unit): number;
  /** True when the base never uses the unit at all. */
  unknown(unit: Unit): boolean;
  /** 0..1: how fully `terms` contain the unit (its own term: 1; only some of its parts: less). */
  strength(terms: TermSet, unit: Unit): number;
  /** Sum of the weights of `units` that `terms` cover (partly covered phrases count in part). */
  evidence(terms: TermSet, units: readonly Unit[]): number;
  /** 0..1: the weighted share of `units` that `terms` cover. */
  coverage(terms: TermSet, units: readonly Unit[]): number;
}

/** A single Chinese character outside the lexicon (建, 数): a particle or verb more often than a topic. */
export function isLoneHan(unit: Unit): boolean {
  return unit.role === 'word' && /^\p{Script=Han}$/u.test(unit.raw);
}

export function createMatcher(index: FactIndex): Matcher {
  const maxWeight = Math.log(1 + index.size);
  const unknown = (unit: Unit) => unit.terms.every((t) => index.documentFrequency(t) === 0);
  const weight = (unit: Unit): number => {
    const dfs = unit.terms.map((t) => index.documentFrequency(t)).filter((df) => df > 0);
    const idf = dfs.length > 0 ? Math.log(1 + index.size / Math.min(...dfs)) : maxWeight;
    return isLoneHan(unit) ? idf * LONE_HAN_WEIGHT : idf;
  };
  const strength = (terms: TermSet, unit: Unit): number => {
    if (terms.has(unit.terms[0]!)) return 1;
    const parts = unit.terms.slice(1);
    if (parts.length === 0) return 0;
    return (PART_CREDIT * parts.filter((t) => terms.has(t)).length) / parts.length;
  };
  const evidence = (terms: TermSet, units: readonly Unit[]) =>
    units.reduce((sum, u) => sum + weight(u) * strength(terms, u), 0);
  return {
    maxWeight,
    weight,
    unknown,
    strength,
    evidence,
    coverage(terms, units) {
      const total = units.reduce((sum, u) => sum + weight(u), 0);
      return total === 0 ? 0 : evidence(terms, units) / total;
    },
  };
}

/**
 * A capitalised word the base never uses, in the middle of an English question, is usually a place or
 * thing the facts do not cover ("... did Xinjiang send?"): answering would be answering something near.
 */
export function hasUnknownProperNoun(question: string, units: readonly Unit[], matcher: Matcher): boolean {
  const unknown = new Set(units.filter((u) => u.role === 'word' && matcher.unknown(u)).map((u) => u.raw));
  if (unknown.size === 0) return false;
  const words = question.split(/\s+/).filter(Boolean);
  return words.some((w, i) => {
    const sentenceStart = i === 0 || /[.?!]$/.test(words[i - 1]!);
    return !sentenceStart && /^[A-Z][a-z]{2,}/.test(w) && unknown.has(w.toLowerCase().replace(/[^a-z]/g, ''));
  });
}
