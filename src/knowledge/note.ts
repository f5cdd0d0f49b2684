/** One `value | unit | period | what` line under a statement of a source note. */
export interface NoteFigureLine {
  value: string;
  unit: string;
  period: string;
  what: string;
  /** 1-based line in the note. */
  line: number;
}

/** A numbered statement of a note with its figure lines. */
export interface NoteStatement {
  n: number;
  text: string;
  line: number;
  figures: NoteFigureLine[];
}

/** A source note as the notes format lays it out: header fields, then numbered statements. */
export interface Note {
  title: string;
  url: string;
  publisher: string;
  /** The header's date field as written (`2022-07-20 (URL path)`, `undated; …`). */
  dateText: string;
  published: string;
  undated: boolean;
  language: string;
  topics: string;
  doubts: string;
  statements: NoteStatement[];
}

const LANGUAGES: Record<string, string> = { english: 'en', chinese: 'zh' };

/**
 * Parses a note in the notes format (see the sources README). Pure; the loader reads notes for their
 * header and text, the ingest tool for their statements and figure lines, so both parse one way.
 */
export function parseNote(text: string): Note {
  const lines = text.split(/\r?\n/);
  const field = (name: string) => {
    const found = lines.find((l) => l.startsWith(`- **${name}`));
    return found ? found.replace(/^- \*\*[^*]+\*\*\s*/, '').trim() : '';
  };
  const dateText = field('Publication date:');
  const statements: NoteStatement[] = [];
  lines.forEach((raw, i) => {
    const statement = /^(\d+)\.\s+(.*)$/.exec(raw);
    if (statement) {
      statements.push({ n: Number(statement[1]), text: statement[2]!.trim(), line: i + 1, figures: [] });
      return;
    }
    const figure = /^\s+-\s+`(.*)`\s*$/.exec(raw);
    const current = statements.at(-1);
    if (!figure || !current) return;
    const [value = '', unit = '', period = '', ...what] = figure[1]!.split('|').map((s) => s.trim());
    current.figures.push({ value, unit, period, what: what.join(' | '), line: i + 1 });
  });
  const languageWord = field('Language:').split(/[\s(;,]/)[0]?.toLowerCase() ?? '';
  return {
    title: (lines.find((l) => l.startsWith('# ')) ?? '').slice(2).trim(),
    url: field('URL:'),
    publisher: field('Publisher/site:'),
    dateText,
    published: publicationDate(dateText),
    undated: /^undated/i.test(dateText),
    language: LANGUAGES[languageWord] ?? languageWord,
    topics: field('Topics:'),
    doubts: field('Notes / doubts:'),
    statements,
  };
}

/** The first ISO date in the date field, else its first year: for undated pages, the best bound given. */
function publicationDate(dateText: string): string {
  const iso = /\b(\d{4}-\d{2}(?:-\d{2})?)\b/.exec(dateText);
  if (iso) return iso[1]!;
  return /\b((?:19|20)\d{2})\b/.exec(dateText)?.[1] ?? '';
}
