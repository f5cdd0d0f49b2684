import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { KnowledgeError } from '../errors.ts';
import type { Fact, Knowledge, Lexicon, Measure, Topic } from '../types.ts';
import { factFileSchema, lexiconFileSchema, topicsFileSchema } from './schema.ts';
import { parseKnowledgeFile, problemAt } from './parse.ts';
import { containsLoosely, printedStates, valueAppearsIn } from './quote.ts';
import { readDocuments, statementBlock } from './documents.ts';

const TOPICS_FILE = 'topics.yaml';
const LEXICON_FILE = 'lexicon.yaml';
/** Files in the knowledge folder that are not fact files. */
const NOT_FACTS = new Set([TOPICS_FILE, LEXICON_FILE, 'documents.yaml']);
/** Sub-folders: `facts/` holds fact files (one per source note), `sources/` the documents they quote. */
const FACTS_DIR = 'facts';
export const SOURCES_DIR = 'sources';

/** One knowledge file's name (as shown in errors) and contents. */
export interface SourceFile {
  name: string;
  text: string;
}

/**
 * Reads the knowledge folder: `topics.yaml`, `lexicon.yaml`, fact files (`*.yaml`, `facts/*.yaml`) and
 * the documents under `sources/`. Throws a {@link KnowledgeError} (`file:line field: problem`) on the
 * first broken file.
 */
export function loadKnowledge(dir: string): Knowledge {
  return buildKnowledge(readKnowledgeFiles(dir));
}

/** The files {@link loadKnowledge} reads, named relative to the working directory as errors show them. */
export function readKnowledgeFiles(dir: string): SourceFile[] {
  const display = (name: string) => path.join(path.relative(process.cwd(), dir) || '.', name);
  const read = (sub: string, pattern: RegExp): SourceFile[] => {
    const folder = path.join(dir, sub);
    if (sub !== '' && !existsSync(folder)) return [];
    let names: string[];
    try {
      names = readdirSync(folder).filter((name) => pattern.test(name)).sort();
    } catch {
      throw new KnowledgeError(display(sub), 1, '(folder)', 'cannot read the knowledge folder');
    }
    return names.map((name) => ({ name: display(path.join(sub, name)), text: readFileSync(path.join(folder, name), 'utf8') }));
  };
  return [...read('', /\.ya?ml$/), ...read(FACTS_DIR, /\.ya?ml$/), ...read(SOURCES_DIR, /\.(ya?ml|md|txt)$/)];
}

/** Validates and links the files' contents; pure, so tests pass strings. */
export function buildKnowledge(files: readonly SourceFile[]): Knowledge {
  const inSources = (f: SourceFile) => path.basename(path.dirname(f.name)) === SOURCES_DIR;
  const topicsFile = files.find((f) => path.basename(f.name) === TOPICS_FILE);
  if (!topicsFile) throw new KnowledgeError(TOPICS_FILE, 1, '(file)', 'missing: every knowledge folder needs one');
  const { scope, topics }: { scope: Knowledge['scope']; topics: Topic[] } = parseKnowledgeFile(topicsFile.name, topicsFile.text, topicsFileSchema);
  const lexiconFile = files.find((f) => path.basename(f.name) === LEXICON_FILE);
  const lexicon: Lexicon = lexiconFile
    ? parseKnowledgeFile(lexiconFile.name, lexiconFile.text, lexiconFileSchema)
    : { synonyms: [], offTopic: [], greetings: [], help: [], stopWords: [] };
  const documents = readDocuments(files.filter(inSources));
  const byId = new Map(documents.map((d) => [d.id, d]));
  const topicIds = new Set(topics.map((t) => t.id));

  const factFiles = files
    .filter((f) => !inSources(f) && !NOT_FACTS.has(path.basename(f.name)))
    .map((file) => ({ file, parsed: parseKnowledgeFile(file.name, file.text, factFileSchema) }));
  const measures: Measure[] = [];
  const measureIds = new Set<string>();
  for (const { file, parsed } of factFiles) {
    if (parsed.topic && !topicIds.has(parsed.topic)) {
      throw problemAt(file.name, file.text, 'topic:', 'topic', `unknown topic "${parsed.topic}" (not in ${TOPICS_FILE})`);
    }
    parsed.measures.forEach((m, i) => {
      const at = (problem: string) => problemAt(file.name, file.text, `id: ${m.id}`, `measures[${i}]`, problem);
      if (measureIds.has(m.id)) throw at(`duplicate measure id "${m.id}"`);
      if (!topicIds.has(m.topic)) throw at(`unknown topic "${m.topic}" (not in ${TOPICS_FILE})`);
      measureIds.add(m.id);
      measures.push(m);
    });
  }

  const exclusions: Knowledge['exclusions'] = [];
  for (const { file, parsed } of factFiles) {
    if (parsed.excluded.length === 0) continue;
    const documentId = parsed.document;
    if (!documentId || !byId.has(documentId)) throw problemAt(file.name, file.text, 'excluded:', 'excluded', 'needs the file\'s document: a source id in sources/');
    exclusions.push(...parsed.excluded.map((e) => ({ documentId, ...e })));
  }

  const facts: Fact[] = [];
  const factIds = new Set<string>();
  const figureKeys = new Set<string>();
  for (const { file, parsed } of factFiles) {
    parsed.facts.forEach((raw, i) => {
      const at = (needle: string, field: string, problem: string) =>
        problemAt(file.name, file.text, needle, `facts[${i}].${field}`, problem);
      if (factIds.has(raw.id)) throw at(`id: ${raw.id}`, 'id', `duplicate fact id "${raw.id}"`);
      factIds.add(raw.id);
      const topic = raw.topic ?? parsed.topic;
      if (!topic || !topicIds.has(topic)) throw at(`id: ${raw.id}`, 'topic', `unknown topic "${topic ?? ''}" (not in ${TOPICS_FILE})`);
      const documentId = raw.document ?? parsed.document;
      const document = documentId ? byId.get(documentId) : undefined;
      if (!document) throw at(`id: ${raw.id}`, 'document', `unknown document "${documentId ?? ''}" (not in ${SOURCES_DIR}/)`);
      if (!containsLoosely(document.text, raw.quote)) throw at(`id: ${raw.id}`, 'quote', `not found verbatim in ${SOURCES_DIR}/${document.id}`);
      const block = statementBlock(document.text, raw.quote);
      const figures = raw.figures.map((figure, j) => {
        const field = `figures[${j}]`;
        if (figureKeys.has(figure.key)) throw at(`key: ${figure.key}`, `${field}.key`, `duplicate figure key "${figure.key}"`);
        figureKeys.add(figure.key);
        if (figure.measure && !measureIds.has(figure.measure)) throw at(`measure: ${figure.measure}`, `${field}.measure`, `unknown measure "${figure.measure}"`);
        const stated = figure.printed
          ? containsLoosely(block, figure.printed) && printedStates(figure.printed, figure.value, figure.unit)
          : valueAppearsIn(figure.value, raw.quote);
        if (!stated) {
          const what = figure.printed ? `printed "${figure.printed}" is not in the quote's statement or does not state ${figure.value} ${figure.unit}` : `${figure.value} does not appear in the fact's quote`;
          throw at(`key: ${figure.key}`, `${field}.${figure.printed ? 'printed' : 'value'}`, what);
        }
        const { measure, ...rest } = figure;
        return { ...rest, measure: measure ?? figure.key };
      });
      const { quote, topic: _t, document: _d, ...rest } = raw;
      facts.push({ ...rest, figures, topic, source: { document: displayTitle(document), documentId: document.id, quote } });
    });
  }
  if (facts.length === 0) throw new KnowledgeError(files[0]?.name ?? TOPICS_FILE, 1, 'facts', 'no fact files found');
  return { scope, facts, topics, lexicon, measures, documents, exclusions };
}

/** What users see as a source: the page's title, or its publisher and date when it has no headline. */
function displayTitle(d: { title: string; publisher: string; published: string }): string {
  if (!d.title.startsWith('(')) return d.title;
  const publisher = d.publisher.split(/[;(]/)[0]!.trim();
  return `${publisher}, ${d.published}`;
}
