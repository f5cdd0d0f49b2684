import { CORE_SCHEMA, load } from 'js-yaml';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { KnowledgeError } from '../errors.ts';

/**
 * Parses one YAML knowledge file and validates it against `schema`. Pure: no I/O, so tests feed it
 * strings. Throws a {@link KnowledgeError} pointing at the line of the first bad field.
 */
export function parseKnowledgeFile<T extends z.ZodType>(file: string, source: string, schema: T): z.output<T> {
  // Fast path: js-yaml reads a valid file about four times faster; only a broken one needs the slower
  // parser that knows every node's line.
  try {
    const fast = schema.safeParse(load(source, { schema: CORE_SCHEMA }));
    if (fast.success) return fast.data;
  } catch {
    // Broken YAML: the path below reports it with its line.
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = lineCounter.linePos(yamlError.pos[0]).line;
    throw new KnowledgeError(file, line, '(yaml)', yamlError.message.split('\n')[0] ?? 'invalid YAML');
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  throw new KnowledgeError(file, lineOf(doc, lineCounter, path), formatPath(path), issue.message);
}

/** `['facts', 3, 'figures', 0, 'value']` -> `facts[3].figures[0].value`. */
export function formatPath(path: ReadonlyArray<string | number>): string {
  if (path.length === 0) return '(file)';
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

/** The line of the deepest node along `path` that exists (a missing field points at its parent). */
function lineOf(doc: Document, lineCounter: LineCounter, path: ReadonlyArray<string | number>): number {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return 1;
}

/** A later-found problem with an already-parsed file (duplicate id, quote mismatch) in the same form. */
export function problemAt(file: string, source: string, needle: string, field: string, problem: string): KnowledgeError {
  const index = source.indexOf(needle);
  const line = index < 0 ? 1 : source.slice(0, index).split('\n').length;
  return new KnowledgeError(file, line, field, problem);
}
