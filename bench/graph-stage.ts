/**
 * Where the worker's graph stage spends its time on real traffic: the documents of the deal groups
 * (bench/cross-document-groups.json) read in this process by the worker's pipeline (parse → extract →
 * link → assemble, linking against the graph) and written one per transaction as a worker with one
 * processor writes them, on a Neo4j started for the run. For each document: the write's time, each
 * statement's time from sending to answer and the server's own time running it, and what is left
 * (the session, BEGIN and COMMIT, the client). Then the same documents again on the same server:
 * graph emptied (plans cached), graph emptied and `db.clearQueryCaches()` (plans made again on a warm
 * server), and all at once through the worker's batcher; each pass's sorted dump must equal the first's
 * (exit code 1 otherwise). The read documents are kept in bench/out/graph-stage-documents.json; with
 * `--replay` the run writes those instead of reading (no model; a fresh server still), and with
 * `--warm-up` the writer's warm-up runs before the first pass, as a worker runs it at start.
 *
 *   node dist/bench/graph-stage.js [--pdfs ../shared/data/real-pdfs] [--replay] [--warm-up] [--batch 16]
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { type Config, projectRoot } from '../src/config/index.js';
import { EventExtractor, KnownNames } from '../src/extract/index.js';
import {
  createCompanyGazetteer,
  createNeo4jDriver,
  ensureGraphSchema,
  readKnownNames,
  type WriteSummary,
  warmUpGraphWrites,
  writeDocumentsGraph,
} from '../src/graph/index.js';
import type { GraphDocument } from '../src/link/graph-document.js';
import { loadEventRoles } from '../src/link/index.js';
import { ocrLimitsOf } from '../src/parse/index.js';
import { readDocument } from '../src/pipeline/index.js';
import { GraphBatcher } from '../workers/graph-batcher.js';
import { withBenchServices } from './bench-pipeline.js';
import { allGroupDocuments, DEFAULT_GROUPS_FILE, DEFAULT_PDFS_DIR, readDealGroups } from './deal-groups.js';
import { dumpDifference, dumpGraph } from './graph-dump.js';
import { wipeGraph } from './graph-generator.js';
import { observeWriteStatements } from './observed-driver.js';

const { values } = parseArgs({
  options: {
    pdfs: { type: 'string', default: DEFAULT_PDFS_DIR },
    groups: { type: 'string', default: DEFAULT_GROUPS_FILE },
    replay: { type: 'boolean', default: false },
    'warm-up': { type: 'boolean', default: false },
    batch: { type: 'string', default: '16' },
  },
});
const KEPT = path.join(projectRoot, 'bench', 'out', 'graph-stage-documents.json');

interface Kept {
  label: string;
  doc: GraphDocument;
}

/** A statement's shape: its first line past the planner option. */
function statementName(query: string): string {
  const lines = query
    .replace(/^CYPHER \S+\s+/, '')
    .trim()
    .split('\n')
    .map((l) => l.trim());
  return lines.slice(0, 2).join(' ').replace(/\s+/g, ' ').slice(0, 60);
}

interface StatementTime {
  name: string;
  ms: number;
  serverMs: number;
}

/** The statements of the write in progress, as the observed driver reports them. */
let current: StatementTime[] = [];

const facts = (s: WriteSummary) => s.sentences + s.mentions + s.events + s.arguments;

interface DocumentTime {
  label: string;
  ms: number;
  facts: number;
  statements: StatementTime[];
}

/** Writes each document in its own call, awaited, as a worker with one processor does. */
async function writeOneByOne(
  driver: Driver,
  database: string,
  docs: readonly Kept[],
): Promise<DocumentTime[]> {
  const times: DocumentTime[] = [];
  for (const { label, doc } of docs) times.push(await timedWrite(driver, database, label, doc));
  return times;
}

async function timedWrite(driver: Driver, database: string, label: string, doc: GraphDocument) {
  current = [];
  const started = performance.now();
  const [summary] = await writeDocumentsGraph(driver, database, [doc]);
  const ms = performance.now() - started;
  return { label, ms, facts: facts(summary as WriteSummary), statements: current };
}

function printPass(name: string, times: readonly DocumentTime[], perDocument: boolean): void {
  const total = times.reduce((n, t) => n + t.ms, 0);
  const allFacts = times.reduce((n, t) => n + t.facts, 0);
  const server = times.reduce((n, t) => n + t.statements.reduce((m, s) => m + s.serverMs, 0), 0);
  console.log(
    `${name}: ${times.length} documents, ${allFacts} facts in ${(total / 1000).toFixed(1)} s = ${(allFacts / (total / 1000)).toFixed(0)} facts/s; server running statements ${(server / 1000).toFixed(1)} s (${((100 * server) / total).toFixed(0)} %)`,
  );
  if (perDocument)
    for (const t of times) {
      const serverMs = t.statements.reduce((m, s) => m + s.serverMs, 0);
      const slowest = [...t.statements].sort((a, b) => b.ms - a.ms)[0];
      console.log(
        `  ${t.ms.toFixed(0).padStart(6)} ms ${String(t.facts).padStart(4)} facts, server ${serverMs.toFixed(0).padStart(5)} ms in ${t.statements.length} statements; slowest ${slowest ? `${slowest.ms.toFixed(0)} ms (server ${slowest.serverMs.toFixed(0)}) ${slowest.name}` : '-'}  ${t.label.slice(0, 50)}`,
      );
    }
  // Each statement's first run against its later runs: the first pays for the plan.
  const byName = new Map<string, StatementTime[]>();
  for (const t of times) for (const s of t.statements) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
  for (const [statement, runs] of [...byName].sort((a, b) => sum(b[1]) - sum(a[1]))) {
    const later = runs.slice(1).map((r) => r.serverMs);
    later.sort((a, b) => a - b);
    console.log(
      `    ${(sum(runs) / 1000).toFixed(2).padStart(6)} s over ${String(runs.length).padStart(3)} runs: first ${runs[0]?.ms.toFixed(0)} ms (server ${runs[0]?.serverMs.toFixed(0)}), later median server ${later.length > 0 ? later[Math.floor(later.length / 2)]?.toFixed(0) : '-'} ms  ${statement}`,
    );
  }
}

const sum = (runs: readonly StatementTime[]) => runs.reduce((n, r) => n + r.ms, 0);

/** Reads the documents in this process as a worker's processor does, writing each once read. */
async function readAndWrite(
  config: Config,
  driver: Driver,
): Promise<{ kept: Kept[]; times: DocumentTime[] }> {
  const documents = await allGroupDocuments(readDealGroups(values.groups), values.pdfs);
  const extractor = await EventExtractor.load({
    modelDir: config.modelDir,
    precision: config.modelPrecision,
    session: { intraOpNumThreads: config.modelThreads },
  });
  const plainDriver = createNeo4jDriver(config);
  const gazetteer = createCompanyGazetteer(plainDriver, config.neo4jDatabase);
  const eventTypes = loadEventRoles();
  const kept: Kept[] = [];
  const times: DocumentTime[] = [];
  try {
    for (const document of documents) {
      const bytes = document.bytes();
      const job = {
        documentId: createHash('sha256').update(bytes).digest('hex'),
        kind: 'other' as const,
        fileName: document.fileName,
        submittedAt: new Date().toISOString(),
      };
      const knownNames = extractor.usesKnowledge
        ? new KnownNames().extend(await readKnownNames(plainDriver, config.neo4jDatabase))
        : undefined;
      const { graph } = await readDocument(bytes, job, {
        extractor,
        gazetteer,
        eventTypes,
        limits: { maxBytes: 1e9, maxPages: 2000, ocr: ocrLimitsOf(config) },
        ...(knownNames ? { knownNames } : {}),
      });
      kept.push({ label: document.label, doc: graph });
      times.push(await timedWrite(driver, config.neo4jDatabase, document.label, graph));
    }
  } finally {
    await plainDriver.close();
  }
  await mkdir(path.dirname(KEPT), { recursive: true });
  await writeFile(KEPT, JSON.stringify(kept));
  return { kept, times };
}

async function run(config: Config): Promise<boolean> {
  const database = config.neo4jDatabase;
  const driver = observeWriteStatements(createNeo4jDriver(config), (query, _params, ms, serverMs) =>
    current.push({ name: statementName(query), ms, serverMs }),
  );
  try {
    await ensureGraphSchema(driver, database);
    await wipeGraph(driver, database);
    if (values['warm-up']) {
      const started = performance.now();
      const warmUp = warmUpGraphWrites(driver, database);
      await warmUp.newDocuments;
      const newDocuments = performance.now() - started;
      await warmUp.all;
      console.log(
        `warm-up: new documents' statements ${newDocuments.toFixed(0)} ms, all ${(performance.now() - started).toFixed(0)} ms`,
      );
    }
    let kept: Kept[];
    let first: DocumentTime[];
    if (values.replay) {
      kept = JSON.parse(await readFile(KEPT, 'utf8')) as Kept[];
      first = await writeOneByOne(driver, database, kept);
    } else ({ kept, times: first } = await readAndWrite(config, driver));
    printPass('fresh server, one per transaction', first, true);
    const reference = await dumpGraph(driver, database);

    let same = true;
    const check = async (name: string) => {
      const dump = await dumpGraph(driver, database);
      if (dump.length !== reference.length || dump.some((line, i) => line !== reference[i])) {
        const difference = dumpDifference(reference, dump);
        same = false;
        console.log(`  ${name}: the graph differs from the first pass's: ${difference}`);
      } else console.log(`  ${name}: the graph equals the first pass's`);
    };

    await wipeGraph(driver, database);
    printPass(
      'same server, plans cached, one per transaction',
      await writeOneByOne(driver, database, kept),
      false,
    );
    await check('plans cached');

    await wipeGraph(driver, database);
    await driver.executeQuery('CALL db.clearQueryCaches()', {}, { database });
    printPass(
      'same server, query caches cleared, one per transaction',
      await writeOneByOne(driver, database, kept),
      true,
    );
    await check('caches cleared');

    await wipeGraph(driver, database);
    current = [];
    const batcher = new GraphBatcher((docs) => writeDocumentsGraph(driver, database, docs), {
      maxDocuments: Number(values.batch),
      maxWaitMs: 0,
    });
    const started = performance.now();
    const summaries = await Promise.all(kept.map(({ doc }) => batcher.write(doc)));
    const ms = performance.now() - started;
    const batchedFacts = summaries.reduce((n, s) => n + facts(s), 0);
    console.log(
      `same server, plans cached, batched (up to ${values.batch}): ${batchedFacts} facts in ${(ms / 1000).toFixed(1)} s = ${(batchedFacts / (ms / 1000)).toFixed(0)} facts/s, ${current.length} statements`,
    );
    await check('batched');
    return same;
  } finally {
    await driver.close();
  }
}

const same = await withBenchServices(run);
process.exitCode = same ? 0 : 1;
