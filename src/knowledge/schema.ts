import { z } from 'zod';
import { parsePeriod } from './period.ts';

const text = z.string().trim().min(1, 'expected non-empty text');
const bilingual = z.strictObject({ en: text, zh: text });
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected lower-case words joined by "-"');

/** A period spec (`2022-H1`, `asof 2023-12`, …) parsed into dates and labels. */
const period = z.union([z.string(), z.number()], { error: 'expected a period spec such as 2022-H1' }).transform((raw, ctx) => {
  const spec = String(raw);
  const parsed = parsePeriod(spec);
  if (typeof parsed === 'string') {
    ctx.addIssue({ code: 'custom', message: `"${spec}": ${parsed}` });
    return z.NEVER;
  }
  return parsed;
});

/** One figure: a number the quote states, with unit, period and label in both languages. */
export const figureSchema = z.strictObject({
  key: slug,
  value: z.number({ error: 'expected a number' }).finite(),
  unit: text,
  unitZh: text,
  period,
  label: bilingual,
  /** A measure id (from any file's `measures:`); a figure without one is a measure of its own. */
  measure: slug.optional(),
  /** The source's wording of a converted value (`264.2亿元` for 26.42 billion yuan). */
  printed: text.optional(),
});

/** A measure: what a series counts, declared once so figures from many sources can share it. */
export const measureSchema = z.strictObject({
  id: slug,
  topic: z.string().regex(/^[a-z]{1,32}$/, 'expected a lower-case topic id'),
  name: bilingual,
  note: bilingual.optional(),
});

/** One fact as written in a file; `topic` and `document` default to the file's. */
export const factSchema = z.strictObject({
  id: slug,
  topic: z.string().regex(/^[a-z]{1,32}$/, 'expected a lower-case topic id').optional(),
  document: slug.optional(),
  title: bilingual,
  answer: z.strictObject({
    en: text.max(240, 'expected at most 240 characters, so a reply fits in 300'),
    zh: text.max(160, 'expected at most 160 characters, so a reply fits in 300'),
  }),
  figures: z.array(figureSchema).default([]),
  aliases: z.strictObject({ en: z.array(text).default([]), zh: z.array(text).default([]) }),
  questions: z.array(bilingual).min(1, 'expected at least one example question'),
  quote: text,
});

/**
 * A fact file: facts with their default topic and document (a source id in `knowledge/sources/`),
 * and any measures they introduce. `measures.yaml` is a fact file with measures only.
 */
export const factFileSchema = z.strictObject({
  topic: z.string().regex(/^[a-z]{1,32}$/, 'expected a lower-case topic id').optional(),
  document: slug.optional(),
  measures: z.array(measureSchema).default([]),
  facts: z.array(factSchema).default([]),
  /** Figure lines of the file's document that are not figures, each with why (a date, a duplicate, doubtful). */
  excluded: z.array(z.strictObject({ value: text, reason: text })).default([]),
});

/** `sources/documents.yaml`: documents that are not notes (the founding article), with their metadata. */
export const documentsFileSchema = z.strictObject({
  documents: z.array(
    z.strictObject({
      id: slug,
      file: text,
      title: text,
      publisher: text,
      url: text,
      published: z.string().regex(/^\d{4}(-\d{2}){0,2}$/, 'expected an ISO date such as 2025-10 or 2025-10-12'),
      undated: z.boolean().default(false),
      /** The founding article: its figures are the base's headline figures and its questions the first examples. */
      founding: z.boolean().default(false),
      language: text,
    }),
  ),
});


/** `topics.yaml`: the topics, in the order commands and stats list them. */
export const topicsFileSchema = z.strictObject({
  scope: bilingual,
  topics: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z]{1,32}$/, 'expected lower-case letters only (a command name)'),
        name: bilingual,
        description: bilingual,
      }),
    )
    .min(1),
});

/** `lexicon.yaml`: synonym groups and vocabulary that steers intent, in both languages. */
export const lexiconFileSchema = z.strictObject({
  synonyms: z.array(z.array(text).min(2, 'expected a group of at least two terms')).default([]),
  offTopic: z.array(text).default([]),
  greetings: z.array(text).default([]),
  help: z.array(text).default([]),
  stopWords: z.array(text).default([]),
});

export type FactFile = z.infer<typeof factFileSchema>;
export type DocumentsFile = z.infer<typeof documentsFileSchema>;
export type TopicsFile = z.infer<typeof topicsFileSchema>;
export type LexiconFile = z.infer<typeof lexiconFileSchema>;
