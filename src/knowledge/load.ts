import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { KnowledgeError } from '../errors.ts';
import type { Fact, Knowledge, Lexicon, Topic } from '../types.ts';
import { factFileSchema, lexiconFileSchema, topicsFileSchema } from './schema.ts';
import { parseKnowledgeFile, problemAt } from './parse.ts';
import { valueAppearsIn } from './quote.ts';

const TOPICS_FILE = 'topics.yaml';
const LEXICON_FILE = 'lexicon.yaml';

/** One knowledge file's name (as shown in errors) and contents. */
export interface SourceFile {
  name: string;
  text: string;
}

/**
 * Reads every `*.yaml` in `dir`: `topics.yaml`, `lexicon.yaml`, and one file per topic of facts.
 * Throws a {@link KnowledgeError} (`file:line field: problem`) on the first broken file.
 */
export function loadKnowledge(dir: string): Knowledge {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch {
    throw new KnowledgeError(dir, 1, '(folder)', 'cannot read the knowledge folder');
  }
  const display = (name: string) => path.join(path.relative(process.cwd(), dir) || '.', name);
  return buildKnowledge(names.map((name) => ({ name: display(name), text: readFileSync(path.join(dir, name), 'utf8') })));
}

/** Validates and links the files' contents; pure, so tests pass strings. */
export function buildKnowledge(files: readonly SourceFile[]): Knowledge {
  const topicsFile = files.find((f) => path.basename(f.name) === TOPICS_FILE);
  if (!topicsFile) throw new KnowledgeError(TOPICS_FILE, 1, '(file)', 'missing: every knowledge folder needs one');
  const { scope, topics }: { scope: Knowledge['scope']; topics: Topic[] } = parseKnowledgeFile(topicsFile.name, topicsFile.text, topicsFileSchema);
  const lexiconFile = files.find((f) => path.basename(f.name) === LEXICON_FILE);
  const lexicon: Lexicon = lexiconFile
    ? parseKnowledgeFile(lexiconFile.name, lexiconFile.text, lexiconFileSchema)
    : { synonyms: [], offTopic: [], greetings: [], help: [], stopWords: [] };

  const facts: Fact[] = [];
  const factIds = new Set<string>();
  const figureKeys = new Set<string>();
  for (const file of files) {
    const base = path.basename(file.name);
    if (base === TOPICS_FILE || base === LEXICON_FILE) continue;
    const parsed = parseKnowledgeFile(file.name, file.text, factFileSchema);
    if (!topics.some((t) => t.id === parsed.topic)) {
      throw problemAt(file.name, file.text, 'topic:', 'topic', `unknown topic "${parsed.topic}" (not in ${TOPICS_FILE})`);
    }
    parsed.facts.forEach((raw, i) => {
      const at = (needle: string, field: string, problem: string) =>
        problemAt(file.name, file.text, needle, `facts[${i}].${field}`, problem);
      if (factIds.has(raw.id)) throw at(`id: ${raw.id}`, 'id', `duplicate fact id "${raw.id}"`);
      factIds.add(raw.id);
      raw.figures.forEach((figure, j) => {
        if (figureKeys.has(figure.key)) throw at(`key: ${figure.key}`, `figures[${j}].key`, `duplicate figure key "${figure.key}"`);
        figureKeys.add(figure.key);
        if (!valueAppearsIn(figure.value, raw.quote)) {
          throw at(`key: ${figure.key}`, `figures[${j}].value`, `${figure.value} does not appear in the fact's quote`);
        }
      });
      const { quote, ...rest } = raw;
      facts.push({ ...rest, topic: parsed.topic, source: { document: parsed.document, quote } });
    });
  }
  if (facts.length === 0) throw new KnowledgeError(files[0]?.name ?? TOPICS_FILE, 1, 'facts', 'no fact files found');
  return { scope, facts, topics, lexicon };
}
