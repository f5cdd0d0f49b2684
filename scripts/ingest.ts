import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/index.ts';
import { buildKnowledge, readKnowledgeFiles, SOURCES_DIR } from '../src/knowledge/load.ts';
import { parseNote } from '../src/knowledge/note.ts';
import { draftFromNote, TODO } from './ingest/draft.ts';

/**
 * `npm run ingest -- <note.md> [--out FILE] [--force]`: copies the note into knowledge/sources/ and
 * writes a draft fact file (default knowledge/drafts/<id>.yaml) that validates against the base, with
 * every field it could not decide marked TODO. `npm run ingest -- --check FILE…` validates fact files
 * (drafts or curated) together with the base and counts their TODOs.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string' }, check: { type: 'boolean', default: false }, force: { type: 'boolean', default: false } },
});
const knowledgeDir = path.join(PROJECT_ROOT, 'knowledge');

/** Validates `files` with the whole base (ids, measures and documents are checked across files). */
function validate(files: string[]): void {
  const extra = files.map((f) => ({ name: path.relative(process.cwd(), path.resolve(f)), text: readFileSync(f, 'utf8') }));
  const names = new Set(extra.map((f) => f.name));
  buildKnowledge([...readKnowledgeFiles(knowledgeDir).filter((f) => !names.has(f.name)), ...extra]);
  for (const f of extra) process.stdout.write(`${f.name}: valid, ${f.text.split(TODO).length - 1} ${TODO} left\n`);
}

function ingest(notePath: string): void {
  const id = path.basename(notePath, '.md');
  const target = path.join(knowledgeDir, SOURCES_DIR, `${id}.md`);
  if (path.resolve(notePath) !== target) copyFileSync(notePath, target);
  const out = values.out ?? path.join(knowledgeDir, 'drafts', `${id}.yaml`);
  if (existsSync(out) && !values.force) throw new Error(`gansu-bot: ${path.relative(process.cwd(), out)} exists; pass --force to overwrite`);
  const noteText = readFileSync(notePath, 'utf8');
  const { text, todos } = draftFromNote(id, parseNote(noteText), noteText);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, text);
  process.stdout.write(`${path.relative(process.cwd(), out)}: draft with ${todos} ${TODO}\n`);
  validate([out]);
}

try {
  if (positionals.length === 0) throw new Error('gansu-bot: usage: npm run ingest -- <note.md> [--out FILE] [--force] | --check FILE…');
  if (values.check) validate(positionals);
  else for (const note of positionals) ingest(note);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
