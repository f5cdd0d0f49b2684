import type { Unit } from '../search/analyzer.ts';
import type { FactIndex, TermSet } from '../search/index.ts';
import type { Fact } from '../types.ts';
import type { Matcher } from './match.ts';
import { EN_ORDINALS } from '../knowledge/numerals.ts';
import { editionsIn } from './relative.ts';

/**
 * Whether a fact says it is the n-th of its kind ("the 8th Qihuang college", "第8所", "eighth"): a
 * question about the 8th is answered by the fact that says so, not by one that only holds the number
 * 8 ("8 countries").
 */
export function statesOrdinal(fact: Fact, n: number): boolean {
  const text = `${fact.title.en} ${fact.title.zh} ${fact.answer.en} ${fact.answer.zh} ${fact.aliases.en.join(' ')} ${fact.aliases.zh.join(' ')}`;
  if (editionsIn(text).includes(n)) return true;
  const word = EN_ORDINALS[n];
  return n >= 1 && word !== undefined && new RegExp(`\\b${word}\\b`, 'i').test(text);
}

/** What a question asks about the order of a series: "the first …" (a word of the lexicon's group) or "the 8th …". */
interface OrderAsked {
  /** The question's unit that says "first" (首所, inaugural, 第一), if any. */
  first: Unit | undefined;
  /** Ordinals from the 2nd up the question names ("第8所", "the 30th"). */
  ordinals: number[];
}

function orderAsked(normalized: string, content: readonly Unit[], firstTerm: string | undefined): OrderAsked {
  return {
    first: firstTerm === undefined ? undefined : content.find((u) => u.terms.includes(firstTerm)),
    ordinals: editionsIn(normalized).filter((n) => n >= 2),
  };
}

/**
 * Whether a fact answers the order asked: it says "first" (or the ordinal), and what it leaves of the
 * question weighs no more than the order word itself. "The first CKUA train" is not answered by the
 * first CKU train's fact, which lacks the far rarer "Afghanistan".
 */
function fitsOrder(order: OrderAsked, fact: Fact, terms: TermSet, content: readonly Unit[], matcher: Matcher, firstTerm: string | undefined): boolean {
  const { first } = order;
  if (order.ordinals.length > 0) return order.ordinals.every((n) => statesOrdinal(fact, n));
  if (first === undefined || firstTerm === undefined || !terms.has(firstTerm)) return false;
  return content.every((u) => u === first || matcher.strength(terms, u) >= 1 || matcher.weight(u) <= matcher.weight(first));
}

/** Order questions over one index: the lexicon's "first" term is looked up once. */
export interface Order {
  /** Whether units say "first" (第一, 首个, inaugural: one synonym group). */
  asksFirst(content: readonly Unit[]): boolean;
  /** For a question, whether a fact is the one of the series it asks for (false for every fact when it asks none). */
  inOrderOf(normalized: string, content: readonly Unit[]): (fact: Fact) => boolean;
}

/** Built once with the engine; the question-specific part is `inOrderOf`. */
export function createOrder(index: FactIndex, matcher: Matcher): Order {
  const firstTerm = index.analyzer.analyze('first')[0]?.terms[0];
  return {
    asksFirst: (content) => firstTerm !== undefined && content.some((u) => u.terms.includes(firstTerm)),
    inOrderOf(normalized, content) {
      const asked = orderAsked(normalized, content, firstTerm);
      return (fact) => fitsOrder(asked, fact, index.termsOf(fact.id), content, matcher, firstTerm);
    },
  };
}
