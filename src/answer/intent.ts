/** What kind of answer a question asks for; steers which figure leads the reply. */
export type QuestionKind = 'size' | 'count' | 'amount' | 'percent' | 'rank' | 'duration' | 'when' | 'where' | 'which' | 'what' | 'yesno' | 'other';

/** Kinds that ask for a number: only a fact with a figure of a fitting unit answers them. */
export const NUMERIC_KINDS: ReadonlySet<QuestionKind> = new Set(['size', 'count', 'amount', 'percent', 'rank', 'duration']);

/** Arithmetic a question asks for across two figures. */
export type Operation = 'sum' | 'difference' | 'ratio';

export interface Intent {
  kind: QuestionKind;
  operation: Operation | null;
  /**
   * True when only a weak cue asked for it ("total", "一共"): those words also ask for one figure
   * ("the total number of warehouses"), so the question must name two things joined by "and"/"和".
   */
  weakOperation: boolean;
}

// Order matters: the first rule that matches names the kind.
const KIND_RULES: ReadonlyArray<[QuestionKind, RegExp]> = [
  ['percent', /\b(percent(age)?|per cent|rate|growth|grow|grew|increase|yoy|year on year)\b|%|增速|增幅|增长|百分之|同比/],
  ['rank', /\b(rank(ed|ing)?|position)\b|排名|排第|第几|位次/],
  // "How big is the Peru warehouse?": an area fits best, though "how big were imports" asks an amount.
  ['size', /\bhow (big|large)\b|\b(what|which) size\b|\bfloor area\b|多大|面积|占地/],
  ['duration', /\bhow long\b|\bhow many (hours|days|weeks|minutes)\b|多久|多长时间|几天|几个小时/],
  ['when', /\bwhen\b|\b(what|which) (year|month|date|day)\b|\bon what day\b|什么时候|何时|哪一?年|几月|哪一?天|几号|哪天/],
  ['count', /\bhow many\b|\bnumber of\b/],
  ['amount', /\b(value|worth|usd|dollars?|money|revenue|earn(ed|s)?|cost|costs|price|prices|fee|fees|charge|charges|tariff)\b|\$|多少钱|金额|出口额|价值|美元|费用|运费|价格|收费/],
  ['count', /\bhow (many|much)\b|\bnumber of\b|\bcount\b|多少|几/],
  ['where', /\bwhere\b|哪里|在哪|哪儿/],
  ['which', /\b(which|who)\b|哪些|哪个|哪家|谁/],
  ['what', /\bwhat\b|\btell me\b|\bexplain\b|什么|介绍|是啥/],
  ['yesno', /^(is|are|does|do|did|has|have|can|was|were)\b|吗[?？]?$|是否|有没有/],
];

const OPERATION_RULES: ReadonlyArray<[Operation, RegExp]> = [
  ['ratio', /\b(ratio|times (as|more)|how many times|divided by|proportion|per(?! ?cent)|on average|average)\b|比例|之比|几倍|多少倍|倍|平均|每/],
  ['difference', /\b(difference|differ|minus|how (many|much) more|more than|less than|fewer than|gap|subtract|percentage points|exceed(s|ed)?|surpass(es|ed)?|outstrip(s|ped)?)\b|\b(higher|lower|bigger|smaller|larger|greater|faster|slower)\b.*\bthan\b|相差|差多少|差距|多多少|少多少|多几|少几|多出|之差/],
  ['sum', /\b(combined|together|sum|plus|add(ed)? up|altogether)\b|\+|合计|加起来|加在一起|总和|之和|共计/],
];

const WEAK_SUM = /\b(total|in all)\b|一共|总共|总计/;

/** Reads the kind of question and any arithmetic it asks for from its normalized text. */
export function detectIntent(normalized: string): Intent {
  const kind = KIND_RULES.find(([, re]) => re.test(normalized))?.[0] ?? 'other';
  const strong = OPERATION_RULES.find(([, re]) => re.test(normalized))?.[0] ?? null;
  const weak = strong === null && WEAK_SUM.test(normalized);
  return { kind, operation: strong ?? (weak ? 'sum' : null), weakOperation: weak };
}

/** Words that count persons, whatever a figure calls them ("how many people" of guests or trainees). */
export const PERSON_WORDS = /^(people|persons?|人|人员)$/;

/** A figure that counts persons: its Chinese unit says 人 (人, 人次, 名学员 aside). */
export function countsPersons(figure: { unitZh: string }): boolean {
  return /人/.test(figure.unitZh);
}

/** Units that suit a question kind, to pick the figure that answers it. */
export function unitFits(kind: QuestionKind, unit: string): number {
  const isMoney = /usd|\$|yuan|元/i.test(unit);
  const isPercent = unit.startsWith('%');
  const isRank = /^th\b|nationally|edition/.test(unit);
  switch (kind) {
    case 'percent':
      return isPercent ? 1 : 0;
    case 'amount':
      return isMoney ? 1 : 0;
    case 'rank':
      return isRank ? 1 : 0;
    case 'count':
      // "How much" and 多少 ask for any quantity; counts fit best.
      return !isMoney && !isPercent && !isRank ? 1 : 0.5;
    case 'duration':
      return /\b(hours?|days?|weeks?|months?|years?)\b|小时|天/.test(unit) ? 1 : 0;
    case 'size':
      return /square|\bm2\b|hectares?|平方米|公顷|亩/.test(unit) ? 1 : 0.5;
    default:
      return 0;
  }
}
