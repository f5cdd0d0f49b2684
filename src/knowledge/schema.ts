import { z } from 'zod';

const text = z.string().trim().min(1, 'expected non-empty text');
const bilingual = z.strictObject({ en: text, zh: text });
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected lower-case words joined by "-"');

/** One figure: a number the quote states, with unit, period and label in both languages. */
export const figureSchema = z.strictObject({
  key: slug,
  value: z.number({ error: 'expected a number' }).finite(),
  unit: text,
  unitZh: text,
  period: bilingual,
  label: bilingual,
});

/** One fact as written in a topic file; `topic` and `document` come from the file. */
export const factSchema = z.strictObject({
  id: slug,
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

/** A topic file: facts of one topic, quoted from one document. */
export const factFileSchema = z.strictObject({
  topic: z.string().regex(/^[a-z]{1,32}$/, 'expected a lower-case topic id'),
  document: text,
  facts: z.array(factSchema).min(1, 'expected at least one fact'),
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
export type TopicsFile = z.infer<typeof topicsFileSchema>;
export type LexiconFile = z.infer<typeof lexiconFileSchema>;
