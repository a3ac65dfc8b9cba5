/**
 * Graph writing alone, as one worker writes, by four paths side by side in one run: one document per
 * transaction (writeDocumentGraph, each awaited) and the worker's batcher (workers/graph-batcher.ts:
 * documents that are ready share a transaction, up to --batch), each with every document's own
 * statements (before: `setWise: false`) and set-wise (after: the writer's default for new documents,
 * src/graph/batch-writer.ts). Generated documents (bench/graph-generator.ts: the parse stage's output
 * and the model's reading, linked and assembled by the product's code before any clock starts) against
 * a Neo4j started for the run on a free port (or the TEST_* servers when their graph is empty, see
 * bench-pipeline.ts). Each pass empties the graph, writes --warmup documents untimed, then the measured
 * ones, and dumps the graph: all paths must leave the same graph (exit code 1 otherwise). Passes rotate
 * (the path that goes first moves on each round); the run's first pass meets a cold server (its first
 * plans and JIT), later ones a warm one. Prints facts per second (sentences + mentions + events +
 * arguments, as the worker counts them) and transactions per second of each pass, then each path's
 * facts per second over all rounds; with --statements, the time of each statement summed over the
 * measured documents, slowest first.
 * With --read-ms N, two more paths: a worker with one processor (workers/read-then-write.ts) whose
 * reads take N ms each (a timer standing in for the model, which would also take CPU), its jobs reading
 * and writing in turn (before: WORKER_WRITE_AHEAD=0) or the next ones read while earlier ones are
 * written (after: --write-ahead jobs held beyond the reading one); for these, the median and largest
 * time from a document's read starting to its job completing.
 *
 *   node dist/bench/graph-write.js [--documents 400] [--warmup 50] [--scale 0.05] [--batch 16]
 *                                  [--rounds 2] [--statements] [--read-ms 0] [--write-ahead 2]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Job } from 'bullmq';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../src/config/index.js';
import {
  createNeo4jDriver,
  ensureGraphSchema,
  type WriteSummary,
  writeDocumentGraph,
  writeDocumentsGraph,
} from '../src/graph/index.js';
import type { GraphDocument } from '../src/link/graph-document.js';
import type { Logger } from '../src/log/logger.js';
import { linkAndAssemble } from '../src/pipeline/index.js';
import { GraphBatcher } from '../workers/graph-batcher.js';
import { ReadSlots } from '../workers/read-slots.js';
import { readThenWrite } from '../workers/read-then-write.js';
import { withBenchServices } from './bench-pipeline.js';
import { dumpDifference, dumpGraph } from './graph-dump.js';
import { DEFAULT_OPTIONS, syntheticDocuments, wipeGraph } from './graph-generator.js';
import { observeWriteStatements } from './observed-driver.js';

const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '400' },
    warmup: { type: 'string', default: '50' },
    scale: { type: 'string', default: '0.05' },
    batch: { type: 'string', default: '16' },
    rounds: { type: 'string', default: '2' },
    statements: { type: 'boolean', default: false },
    'read-ms': { type: 'string', default: '0' },
    'write-ahead': { type: 'string', default: '2' },
  },
});
const measured = Number(values.documents);
const warmup = Number(values.warmup);
const scale = Number(values.scale);
const batch = Number(values.batch);
const rounds = Number(values.rounds);
const readMs = Number(values['read-ms']);
const writeAhead = Number(values['write-ahead']);

const WRITER_PATHS = [
  'before, one per transaction',
  'before, batched',
  'after, one per transaction',
  'after, batched',
] as const;
const WORKER_PATHS = ['worker, read then write', 'worker, reading ahead'] as const;
type Path = (typeof WRITER_PATHS)[number] | (typeof WORKER_PATHS)[number];
const PATHS: readonly Path[] = readMs > 0 ? [...WRITER_PATHS, ...WORKER_PATHS] : WRITER_PATHS;

/** Statement time by path and the statement's first lines (its shape), over the measured documents. */
const statementMs = new Map<string, { ms: number; serverMs: number; calls: number }>();
let profiling: Path | undefined;

function statementKey(query: string): string {
  return query
    .replace(/^CYPHER \S+\s+/, '')
    .trim()
    .split('\n')
    .slice(0, 2)
    .join(' ')
    .replace(/\s+/g, ' ')
    .slice(0, 80);
}

interface PassResult {
  path: Path;
  facts: number;
  documents: number;
  transactions: number;
  ms: number;
  joined: number;
  /** Worker paths: each measured document's time from its read starting to its job completing. */
  latenciesMs: number[];
  dump: string[];
}

const quiet = { info() {} } as unknown as Logger;

/**
 * As a worker with one processor takes jobs: `1 + ahead` in hand (BullMQ's concurrency), each read in
 * turn for `readMs`, then written by the batcher; with `ahead` 0 a job keeps the processor until committed.
 */
async function writeAsWorker(
  driver: Driver,
  database: string,
  docs: readonly GraphDocument[],
  ahead: number,
  latenciesMs: number[],
): Promise<{ summaries: WriteSummary[]; transactions: number }> {
  let transactions = 0;
  const batcher = new GraphBatcher(
    (some) => {
      transactions++;
      return writeDocumentsGraph(driver, database, some);
    },
    { maxDocuments: batch, maxWaitMs: 0 },
  );
  const readStarted = new Map<number, number>();
  const read = async (job: Job) => {
    const index = Number(job.id);
    readStarted.set(index, performance.now());
    await new Promise((resolve) => setTimeout(resolve, readMs));
    return { result: { documentId: docs[index]?.document.id, timings: {} }, graph: docs[index] };
  };
  const processor = readThenWrite(read, new ReadSlots(1), batcher, quiet);
  const summaries: WriteSummary[] = new Array(docs.length);
  let next = 0;
  const takeJobs = async () => {
    while (next < docs.length) {
      const index = next++;
      const job = { id: String(index), data: {}, updateProgress: async () => {} } as unknown as Job;
      const done = (await processor(job)) as { graph: WriteSummary };
      summaries[index] = done.graph;
      latenciesMs.push(performance.now() - (readStarted.get(index) ?? 0));
    }
  };
  await Promise.all(Array.from({ length: 1 + ahead }, takeJobs));
  return { summaries, transactions };
}

/** Writes `docs` by `path`; the number of transactions it took. */
async function write(
  driver: Driver,
  database: string,
  path: Path,
  docs: readonly GraphDocument[],
  latenciesMs: number[] = [],
): Promise<{ summaries: WriteSummary[]; transactions: number }> {
  if (path === 'worker, read then write') return writeAsWorker(driver, database, docs, 0, latenciesMs);
  if (path === 'worker, reading ahead') return writeAsWorker(driver, database, docs, writeAhead, latenciesMs);
  const options = { setWise: path.startsWith('after') };
  if (path.endsWith('one per transaction')) {
    const summaries: WriteSummary[] = [];
    for (const doc of docs) summaries.push(await writeDocumentGraph(driver, database, doc, options));
    return { summaries, transactions: docs.length };
  }
  let transactions = 0;
  // As a worker whose processors have read these documents: all handed over at once.
  const batcher = new GraphBatcher(
    (some) => {
      transactions++;
      return writeDocumentsGraph(driver, database, some, options);
    },
    { maxDocuments: batch, maxWaitMs: 0 },
  );
  const summaries = await Promise.all(docs.map((doc) => batcher.write(doc)));
  return { summaries, transactions };
}

async function pass(
  driver: Driver,
  database: string,
  path: Path,
  documents: readonly GraphDocument[],
): Promise<PassResult> {
  await wipeGraph(driver, database);
  profiling = undefined;
  await write(driver, database, path, documents.slice(0, warmup));
  profiling = path;
  const latenciesMs: number[] = [];
  const started = performance.now();
  const { summaries, transactions } = await write(
    driver,
    database,
    path,
    documents.slice(warmup),
    latenciesMs,
  );
  const ms = performance.now() - started;
  profiling = undefined;
  return {
    path,
    facts: summaries.reduce((n, s) => n + s.sentences + s.mentions + s.events + s.arguments, 0),
    documents: summaries.length,
    transactions,
    ms,
    joined: summaries.reduce((n, s) => n + s.eventsJoined, 0),
    latenciesMs: latenciesMs.sort((a, b) => a - b),
    dump: await dumpGraph(driver, database),
  };
}

async function run(config: Config): Promise<void> {
  const driver = createNeo4jDriver(config);
  try {
    const { records } = await driver.executeQuery(
      'MATCH (n) RETURN count(n) AS n',
      {},
      {
        database: config.neo4jDatabase,
      },
    );
    // Each pass empties the graph: never a graph someone else keeps (TEST_NEO4J_URI pointing at one).
    if (Number(records[0]?.get('n')) > 0)
      throw new Error(
        'the graph is not empty: this bench empties it each pass; unset TEST_NEO4J_URI or empty it',
      );
    await ensureGraphSchema(driver, config.neo4jDatabase);
    const options = {
      ...DEFAULT_OPTIONS,
      companies: Math.round(DEFAULT_OPTIONS.companies * scale),
      announcements: Math.round(DEFAULT_OPTIONS.announcements * scale),
      reports: Math.round(DEFAULT_OPTIONS.reports * scale),
      news: Math.round(DEFAULT_OPTIONS.news * scale),
    };
    const documents: GraphDocument[] = [];
    for (const synthetic of syntheticDocuments(options)) {
      documents.push(await linkAndAssemble(synthetic));
      if (documents.length === warmup + measured) break;
    }
    const observed = observeWriteStatements(driver, (query, _params, ms, serverMs) => {
      if (!profiling || !values.statements) return;
      const key = `${PATHS.indexOf(profiling) + 1} ${statementKey(query)}`;
      const entry = statementMs.get(key) ?? { ms: 0, serverMs: 0, calls: 0 };
      entry.ms += ms;
      entry.serverMs += serverMs;
      entry.calls++;
      statementMs.set(key, entry);
    });
    console.log(
      `${documents.length - warmup} documents after ${warmup} of warm-up, batches of up to ${batch}, ` +
        (readMs > 0 ? `worker reads of ${readMs} ms, ${writeAhead} jobs ahead, ` : '') +
        `on a fresh graph each pass (load average ${loadavg()[0]?.toFixed(1)})`,
    );
    console.log(
      'round  path                          facts/s  transactions/s  documents/s  ms/document  joined  latency median/max ms',
    );
    const passes: PassResult[][] = [];
    for (let round = 1; round <= rounds; round++) {
      const first = (round - 1) % PATHS.length;
      const order: Path[] = [...PATHS.slice(first), ...PATHS.slice(0, first)];
      const results: PassResult[] = [];
      for (const path of order) {
        const r = await pass(observed, config.neo4jDatabase, path, documents);
        results.push(r);
        const s = r.ms / 1000;
        console.log(
          `${String(round).padStart(5)}  ${r.path.padEnd(28)} ${(r.facts / s).toFixed(0).padStart(8)} ` +
            `${(r.transactions / s).toFixed(1).padStart(15)} ${(r.documents / s).toFixed(1).padStart(12)} ` +
            `${(r.ms / r.documents).toFixed(1).padStart(12)} ${String(r.joined).padStart(7)}` +
            (r.latenciesMs.length > 0
              ? `  ${(r.latenciesMs[Math.floor(r.latenciesMs.length / 2)] ?? 0).toFixed(0)}/${(r.latenciesMs.at(-1) ?? 0).toFixed(0)}`
              : '') +
            (round === 1 && results.length === 1 ? '  (cold server)' : ''),
        );
      }
      passes.push(results);
    }
    let same = true;
    for (const [i, results] of passes.entries()) {
      const [a, ...others] = results;
      if (!a) continue;
      const differing = others.filter(
        (b) => !(a.dump.length === b.dump.length && a.dump.every((line, j) => line === b.dump[j])),
      );
      same &&= differing.length === 0;
      console.log(
        `round ${i + 1}: graphs ${differing.length === 0 ? 'identical' : 'DIFFER'} (${a.dump.length} node and relationship lines)` +
          differing.map((b) => `\n${a.path} → ${b.path}:\n${dumpDifference(a.dump, b.dump)}`).join(''),
      );
    }
    // Each path over all rounds: its facts over its time (the cold first pass included where it fell).
    const perPath = PATHS.map((path) => {
      const results = passes.flatMap((r) => r.filter((p) => p.path === path));
      const facts = results.reduce((n, r) => n + r.facts, 0);
      const s = results.reduce((n, r) => n + r.ms, 0) / 1000;
      return `${path} ${(facts / s).toFixed(0)} facts/s`;
    });
    console.log(`all rounds: ${perPath.join(', ')}`);
    if (values.statements) {
      const statements = [...statementMs].sort((a, b) => b[1].ms - a[1].ms);
      console.log(
        `statements (${PATHS.map((p, i) => `${i + 1} = ${p}`).join(', ')}), summed over all rounds: ` +
          "time from sending to answer (pipelined statements overlap), and the server's time running it",
      );
      for (const [key, v] of statements)
        console.log(
          `  ${(v.ms / 1000).toFixed(2).padStart(7)} s ${(v.serverMs / 1000).toFixed(2).padStart(7)} s server ` +
            `${String(v.calls).padStart(6)} calls  ${key}`,
        );
      for (const [i, path] of PATHS.entries()) {
        const mine = statements.filter(([key]) => key.startsWith(`${i + 1} `)).map(([, v]) => v);
        const measured = passes.flatMap((r) => r.filter((p) => p.path === path));
        const documents = measured.reduce((n, r) => n + r.documents, 0);
        const wall = measured.reduce((n, r) => n + r.ms, 0);
        const server = mine.reduce((n, v) => n + v.serverMs, 0);
        const calls = mine.reduce((n, v) => n + v.calls, 0);
        console.log(
          `${path}: ${(wall / documents).toFixed(1)} ms a document, of which the server ran its statements ` +
            `${(server / documents).toFixed(1)} ms (${(calls / documents).toFixed(1)} statements a document)`,
        );
      }
    }
    if (!same) process.exitCode = 1;
    await wipeGraph(driver, config.neo4jDatabase);
  } finally {
    await driver.close();
  }
}

await withBenchServices(run);
