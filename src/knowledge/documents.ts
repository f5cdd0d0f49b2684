import path from 'node:path';
import { KnowledgeError } from '../errors.ts';
import type { SourceDocument } from '../types.ts';
import { parseNote } from './note.ts';
import { parseKnowledgeFile } from './parse.ts';
import { documentsFileSchema } from './schema.ts';

interface NamedText {
  name: string;
  text: string;
}

/**
 * The documents under `sources/`: every note (`*.md`, metadata from its header) and every document
 * that `documents.yaml` lists with its metadata (the founding article). The id is the file's stem.
 */
export function readDocuments(files: readonly NamedText[]): SourceDocument[] {
  const documents: SourceDocument[] = [];
  const listing = files.find((f) => path.basename(f.name) === 'documents.yaml');
  if (listing) {
    const parsed = parseKnowledgeFile(listing.name, listing.text, documentsFileSchema);
    parsed.documents.forEach((d, i) => {
      const file = files.find((f) => path.basename(f.name) === d.file);
      if (!file) throw new KnowledgeError(listing.name, 1, `documents[${i}].file`, `"${d.file}" is not in the sources folder`);
      const { file: _file, ...meta } = d;
      documents.push({ ...meta, text: file.text });
    });
  }
  for (const file of files) {
    if (!file.name.endsWith('.md') || /README|INDEX/.test(path.basename(file.name))) continue;
    const note = parseNote(file.text);
    if (note.statements.length === 0) throw new KnowledgeError(file.name, 1, '(note)', 'no numbered statements: not a note in the notes format');
    documents.push({
      id: path.basename(file.name, '.md'),
      title: note.title,
      publisher: note.publisher,
      url: note.url,
      published: note.published,
      undated: note.undated,
      founding: false,
      language: note.language,
      text: file.text,
    });
  }
  return documents;
}

/**
 * The part of a document that backs a quote: for a note, the statement with its figure lines (where
 * the page's own figures are printed); for an article, the quote itself.
 */
export function statementBlock(text: string, quote: string): string {
  const flat = text.replace(/[ \t]+/g, ' ');
  const start = flat.indexOf(quote.replace(/[ \t]+/g, ' '));
  if (start < 0) return quote;
  const rest = flat.slice(start);
  const next = rest.slice(1).search(/\n(\d+\. |#)/);
  return next < 0 ? rest : rest.slice(0, next + 1);
}
