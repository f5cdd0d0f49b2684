import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/index.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { parseNote } from '../../src/knowledge/note.ts';
import { containsLoosely, printedStates } from '../../src/knowledge/quote.ts';

const DIR = path.join(PROJECT_ROOT, 'knowledge');
const knowledge = loadKnowledge(DIR);
const notes = readdirSync(path.join(DIR, 'sources')).filter((n) => n.endsWith('.md') && !/README|INDEX/.test(n));

describe('the notes in the base', () => {
  it('GIVEN every note THEN every figure line is a figure of the base or excluded with a reason', () => {
    const missing: string[] = [];
    for (const name of notes) {
      const id = path.basename(name, '.md');
      const note = parseNote(readFileSync(path.join(DIR, 'sources', name), 'utf8'));
      const facts = knowledge.facts.filter((f) => f.source.documentId === id);
      const excluded = knowledge.exclusions.filter((e) => e.documentId === id);
      for (const statement of note.statements) {
        const fact = facts.find((f) => containsLoosely(statement.text, f.source.quote));
        for (const line of statement.figures) {
          // A figure states the line when it prints it (or a part of a compound line), or its value is in the line.
          const parts = [line.value, ...line.value.split(' / ')];
          const figure = fact?.figures.some(
            (g) => (g.printed && parts.some((p) => containsLoosely(p, g.printed!) || containsLoosely(g.printed!, p))) || parts.some((p) => printedStates(p, g.value, g.unit)),
          );
          const skipped = excluded.some((e) => parts.some((p) => containsLoosely(p, e.value) || containsLoosely(e.value, p)));
          if (!figure && !skipped) missing.push(`${id}:${line.line} ${line.value}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('GIVEN every note THEN each numbered statement is a fact quoting it', () => {
    for (const name of notes) {
      const id = path.basename(name, '.md');
      const note = parseNote(readFileSync(path.join(DIR, 'sources', name), 'utf8'));
      const quotes = knowledge.facts.filter((f) => f.source.documentId === id).map((f) => f.source.quote);
      for (const s of note.statements) expect(quotes.some((q) => containsLoosely(s.text, q)), `${id} #${s.n}`).toBe(true);
    }
  });

  it('GIVEN every exclusion THEN it gives a reason and no curator marker is left anywhere in the base', () => {
    for (const e of knowledge.exclusions) expect(e.reason.length, `${e.documentId} ${e.value}`).toBeGreaterThan(8);
    for (const file of ['', 'facts'].flatMap((sub) => readdirSync(path.join(DIR, sub)).filter((n) => n.endsWith('.yaml')).map((n) => path.join(DIR, sub, n)))) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/\bTODO\b/);
    }
  });
});
