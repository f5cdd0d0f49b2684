import { stringify } from 'yaml';
import type { Note, NoteFigureLine } from '../../src/knowledge/note.ts';
import { statementBlock } from '../../src/knowledge/documents.ts';
import { containsLoosely, printedStates } from '../../src/knowledge/quote.ts';
import { guessPeriod, guessUnit } from './guess.ts';

/** What the curator must still decide; the knowledge tests refuse a base that contains it. */
export const TODO = 'TODO';

/** Topic ids by the words of a note's "Topics" header, first match wins. */
const TOPIC_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/LANGF|Trade Fair/i, 'fair'],
  [/Dunhuang|cultural/i, 'expo'],
  [/Sister/i, 'cities'],
  [/TCM/i, 'medicine'],
  [/warehouse/i, 'warehouses'],
  [/Air cargo/i, 'air'],
  [/freight trains/i, 'routes'],
  [/New Area|land port/i, 'logistics'],
  [/FDI|investment/i, 'investment'],
  [/Exports by product/i, 'exports'],
  [/Imports/i, 'trade'],
  [/foreign trade/i, 'trade'],
];

/** Units that name a date or a place rather than a quantity. */
const NOT_QUANTITY = /^(date|dates|year|years|month|milestone|location|-|name|names|ordinal)$/i;

/** A draft fact file for one note: every statement a fact, every figure line a figure or an exclusion. */
export function draftFromNote(documentId: string, note: Note, noteText: string): { text: string; todos: number } {
  const topic = TOPIC_WORDS.find(([re]) => re.test(note.topics))?.[1] ?? 'overview';
  const excluded: Array<{ value: string; reason: string }> = [];
  let lastPeriod: string | null = null;
  const facts = note.statements.map((s) => {
    const id = `${documentId}-${s.n}`;
    const block = statementBlock(noteText, s.text);
    let letter = 0;
    const figures = s.figures.flatMap((line) => {
      const period = line.period === 'same' ? lastPeriod : guessPeriod(line.period);
      lastPeriod = period ?? lastPeriod;
      // "1275個 / 6335.85億元 | projects / CNY": one line, two figures.
      const values = line.value.split(' / ');
      const units = line.unit.split(' / ');
      const parts = values.length > 1 && values.length === units.length ? values.map((v, k) => ({ ...line, value: v, unit: units[k]! })) : [line];
      return parts.flatMap((part) => {
        const figure = figureOf(part, `${id}-${String.fromCharCode(97 + letter++)}`, period);
        const ok = typeof figure !== 'string' && containsLoosely(block, part.value) && printedStates(part.value, figure.value as number, figure.unit as string);
        if (!ok) excluded.push({ value: part.value, reason: typeof figure === 'string' ? figure : `${TODO}: could not read the number; make it a figure or say why not` });
        return ok ? [figure] : [];
      });
    });
    return {
      id,
      title: { en: TODO, zh: TODO },
      answer: { en: s.text.length <= 240 ? s.text : `${TODO} shorten: ${s.text.slice(0, 200)}`, zh: TODO },
      figures,
      aliases: { en: [], zh: [] },
      questions: [{ en: TODO, zh: TODO }],
      quote: s.text,
    };
  });
  const body = { topic, document: documentId, facts, ...(excluded.length > 0 ? { excluded } : {}) };
  const header = [
    `# Draft from sources/${documentId}.md by \`npm run ingest\`: ${note.title}`,
    `# Published ${note.dateText}. Doubts: ${note.doubts || 'none'}`,
    `# Every "${TODO}" is the curator's: titles, Chinese text, aliases, questions, measures, periods.`,
  ].join('\n');
  // `_todo` keys become comments, so the draft validates and still says what is open.
  const yaml = stringify(body, { lineWidth: 0 }).replace(/^(\s*)_todo: (.*)$/gm, '$1# $2');
  const text = `${header}\n${yaml}`;
  return { text, todos: text.split(TODO).length - 1 };
}

function figureOf(line: NoteFigureLine, key: string, period: string | null): Record<string, unknown> | string {
  if (NOT_QUANTITY.test(line.unit.trim())) return `a ${line.unit.trim() || 'name'}, not a quantity: stated in the fact's answer`;
  const unit = guessUnit(line.value, line.unit);
  if (!unit) return 'states no number: named in the fact\'s answer';
  return {
    key,
    value: unit.value,
    unit: unit.unit,
    unitZh: unit.unitZh ?? TODO,
    period: period ?? '?',
    label: { en: line.what || TODO, zh: TODO },
    printed: line.value,
    _todo: `${TODO} measure for "${line.what}"${period ? '' : `; period "${line.period}"`}`,
  };
}
