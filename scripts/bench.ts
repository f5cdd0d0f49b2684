/**
 * `npm run bench`: index build time, answer latency (p50/p99) and memory, on the real knowledge base
 * and on synthetic bases of 10,000 and 100,000 facts, to show how cost grows. Numbers, not assertions.
 *   npm run bench                 all three bases
 *   npm run bench -- --max 10000  skip bases larger than 10,000 facts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createEngine } from '../src/answer/engine.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { PROJECT_ROOT, type Knowledge } from '../src/index.ts';
import { parseScriptArgs } from '../adapters/cli/args.ts';
import MiniSearch from 'minisearch';
import { syntheticKnowledge, syntheticQuestions } from './synthetic.ts';
import { benchStore } from './bench-store.ts';
import { benchCharts } from './bench-charts.ts';

const { values } = parseScriptArgs({ max: { type: 'string' } }, 'npm run bench -- [--max FACTS]');
const maxFacts = Number(values.max ?? Infinity) || Infinity;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function heap(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

function bench(name: string, knowledge: Knowledge, questions: string[]): void {
  const before = heap();
  const started = performance.now();
  const engine = createEngine(knowledge);
  const buildMs = performance.now() - started;
  const indexBytes = heap() - before;
  const plainMs = plainBuildMs(knowledge);

  for (const q of questions.slice(0, 50)) engine.answer(q); // warm-up
  const times: number[] = [];
  let answered = 0;
  for (const q of questions) {
    const t = performance.now();
    if (engine.answer(q).answered) answered += 1;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const line = [
    name.padEnd(22),
    `facts ${String(knowledge.facts.length).padStart(7)}`,
    `build ${buildMs.toFixed(0).padStart(6)} ms (${(buildMs / plainMs).toFixed(1)}x MiniSearch addAll ${plainMs.toFixed(0)} ms)`,
    `index heap ~${mb(indexBytes).padStart(9)}`,
    `answer p50 ${percentile(times, 50).toFixed(2)} ms`,
    `p99 ${percentile(times, 99).toFixed(2)} ms`,
    `(${questions.length} questions, ${answered} answered)`,
    `rss ${mb(process.memoryUsage().rss)}`,
  ];
  console.log(line.join('  '));
}

/** MiniSearch's own `addAll` over the same texts, untouched by our analysis: the yardstick for build time. */
function plainBuildMs(knowledge: Knowledge): number {
  const docs = knowledge.facts.map((f) => ({
    id: f.id,
    title: `${f.title.en} ${f.title.zh}`,
    aliases: [...f.aliases.en, ...f.aliases.zh].join(' '),
    labels: f.figures.map((g) => `${g.label.en} ${g.label.zh}`).join(' '),
    questions: f.questions.map((q) => `${q.en} ${q.zh}`).join(' '),
    answer: `${f.answer.en} ${f.answer.zh}`,
    quote: f.source.quote,
  }));
  const started = performance.now();
  new MiniSearch({ fields: ['title', 'aliases', 'labels', 'questions', 'answer', 'quote'] }).addAll(docs);
  return performance.now() - started;
}

function evalQuestions(): string[] {
  const files = [
    path.join(PROJECT_ROOT, '..', 'shared', 'eval', 'questions.jsonl'),
    path.join(PROJECT_ROOT, '..', 'shared', 'eval', 'sources.jsonl'),
    path.join(PROJECT_ROOT, 'eval', 'dev-questions.jsonl'),
    path.join(PROJECT_ROOT, 'eval', 'heldout', 'sources-heldout.jsonl'),
  ];
  const out: string[] = [];
  for (const file of files) {
    try {
      for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim()) out.push((JSON.parse(line) as { q: string }).q);
    } catch {
      // A missing question file only shortens the run.
    }
  }
  return out;
}

console.log(`node ${process.version}, ${process.arch}; gc exposed: ${typeof globalThis.gc === 'function'}`);
const loadStarted = performance.now();
const real = loadKnowledge(path.join(PROJECT_ROOT, 'knowledge'));
const loadMs = performance.now() - loadStarted;
console.log(`load and validate knowledge/: ${loadMs.toFixed(0)} ms (${real.facts.length} facts, ${real.facts.reduce((n, f) => n + f.figures.length, 0)} figures, ${real.documents.length} sources)`);
const startupStarted = performance.now();
createEngine(real);
console.log(`start-up (load, validate, index): ${(loadMs + performance.now() - startupStarted).toFixed(0)} ms`);
const realQuestions = evalQuestions();
bench('real base', real, Array.from({ length: 2000 }, (_, i) => realQuestions[i % realQuestions.length]!));
for (const size of [10_000, 100_000]) {
  if (size > maxFacts) continue;
  const knowledge = syntheticKnowledge(size, real.lexicon);
  bench(`synthetic ${size / 1000}k`, knowledge, syntheticQuestions(knowledge, 500));
}
console.log(benchStore());
console.log(await benchCharts());
