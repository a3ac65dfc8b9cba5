/**
 * One worker on real traffic at several WORKER_CONCURRENCY values (`2+0`: with WORKER_WRITE_AHEAD too),
 * side by side in one run: the deal
 * groups' documents (bench/cross-document-groups.json; `--all`: the real PDFs and the samples, as
 * real-documents-graph.ts reads them) submitted at once to a worker started with that many processor
 * children, on the same Redis and Neo4j, the graph emptied and the server's plans dropped before each
 * pass (each pass's worker warms its statements up as at start). Per pass: documents per second over
 * the run and from the first completed job (before it the processors load their model and the worker
 * warms up; the time to it is printed too), graph facts
 * per second of wall time and of the writer's busy time (the union of the jobs' graph stages: a job
 * waits there only while the writer writes), the graph stage's share of the summed stage times and its
 * median per document, transactions' documents, and the peak resident memory of each processor child
 * and of the worker.
 *
 *   node dist/bench/worker-concurrency.js [--concurrency 1,2,4|1+0,1+2] [--all] [--pdfs ../shared/data/real-pdfs]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Config } from '../src/config/index.js';
import { createNeo4jDriver } from '../src/graph/index.js';
import { waitForJobs } from '../src/ingest/index.js';
import { descendants } from '../src/services/process-tree.js';
import { type BenchQueue, LARGE_DOCUMENTS, withBenchQueue, withBenchServices } from './bench-pipeline.js';
import {
  allGroupDocuments,
  type BenchDocument,
  DEFAULT_GROUPS_FILE,
  DEFAULT_PDFS_DIR,
  readDealGroups,
  realPdfsAndSamples,
  submitBare,
} from './deal-groups.js';
import { wipeGraph } from './graph-generator.js';

const { values } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '1,2,4' },
    all: { type: 'boolean', default: false },
    pdfs: { type: 'string', default: DEFAULT_PDFS_DIR },
    groups: { type: 'string', default: DEFAULT_GROUPS_FILE },
  },
});

const documents: BenchDocument[] = values.all
  ? realPdfsAndSamples(values.pdfs)
  : await allGroupDocuments(readDealGroups(values.groups), values.pdfs);

interface JobResult {
  sentences: number;
  mentions: number;
  events: number;
  arguments: number;
  timings: Record<string, number>;
}

interface Pass {
  /** WORKER_CONCURRENCY, and `+WORKER_WRITE_AHEAD` when the pass sets it. */
  concurrency: string;
  completed: number;
  failed: number;
  seconds: number;
  /** From the first completed job to the last. */
  secondsAfterFirst: number;
  /** From the submissions to the first completed job (the processors' model load, the warm-up, one read). */
  firstSeconds: number;
  facts: number;
  graphSummedMs: number;
  stagesSummedMs: number;
  writerBusyMs: number;
  graphMedianMs: number;
  processorPeakMiB: number[];
  workerPeakMiB: number;
}

/** Peak resident memory (VmHWM) of a live process, MiB; 0 once it is gone. */
function peakMiB(pid: number): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return Number(kb ?? 0) / 1024;
  } catch {
    return 0;
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** Total length of the union of [start, end) intervals. */
function unionMs(intervals: [number, number][]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [from, to] = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const [start, end] of sorted) {
    if (start > to) {
      if (to > from) total += to - from;
      [from, to] = [start, end];
    } else to = Math.max(to, end);
  }
  if (to > from) total += to - from;
  return total;
}

async function runPass(concurrency: string, { queue, events, submit }: BenchQueue): Promise<Pass> {
  const started = performance.now();
  let firstDone: number | undefined;
  let lastDone = started;
  const ids = (await submitBare(submit, documents)).map((s) => s.jobId);
  const outcomes = await waitForJobs(queue, events, ids, {
    onFinished: () => {
      lastDone = performance.now();
      firstDone ??= lastDone;
    },
  });
  // Read while the worker and its processor children live (withBenchQueue stops them after the body).
  const worker = descendants(process.pid).filter((p) => commandOf(p.pid).includes('dist/workers/main.js'));
  const processors = worker.flatMap((w) =>
    descendants(w.pid).filter((p) => commandOf(p.pid).includes('bullmq')),
  );
  let facts = 0;
  let graphSummedMs = 0;
  let stagesSummedMs = 0;
  const graphMs: number[] = [];
  const graphStages: [number, number][] = [];
  let completed = 0;
  for (const outcome of outcomes.values()) {
    if (outcome.state !== 'completed') continue;
    completed++;
    const job = await queue.getJob(outcome.jobId);
    const result = job?.returnvalue as JobResult;
    facts += result.sentences + result.mentions + result.events + result.arguments;
    const graph = result.timings.graph ?? 0;
    graphSummedMs += graph;
    graphMs.push(graph);
    for (const ms of Object.values(result.timings)) stagesSummedMs += ms;
    const finishedOn = job?.finishedOn ?? 0;
    graphStages.push([finishedOn - graph, finishedOn]);
  }
  graphMs.sort((a, b) => a - b);
  return {
    concurrency,
    completed,
    failed: ids.length - completed,
    seconds: (lastDone - started) / 1000,
    secondsAfterFirst: (lastDone - (firstDone ?? lastDone)) / 1000,
    firstSeconds: ((firstDone ?? lastDone) - started) / 1000,
    facts,
    graphSummedMs,
    stagesSummedMs,
    writerBusyMs: unionMs(graphStages),
    graphMedianMs: graphMs[Math.floor(graphMs.length / 2)] ?? 0,
    processorPeakMiB: processors.map((p) => peakMiB(p.pid)),
    workerPeakMiB: worker.reduce((sum, w) => sum + peakMiB(w.pid), 0),
  };
}

const passes: Pass[] = [];
await withBenchServices(async (config: Config) => {
  const driver = createNeo4jDriver(config);
  try {
    for (const concurrency of values.concurrency.split(',')) {
      const [readers, writeAhead] = concurrency.split('+');
      await wipeGraph(driver, config.neo4jDatabase);
      await driver.executeQuery('CALL db.clearQueryCaches()', {}, { database: config.neo4jDatabase });
      console.error(
        `${documents.length} documents, WORKER_CONCURRENCY=${readers}${writeAhead ? ` WORKER_WRITE_AHEAD=${writeAhead}` : ''}…`,
      );
      passes.push(
        await withBenchQueue(
          config,
          {
            workers: 1,
            maxDocumentBytes: 1e9,
            workerEnv: {
              ...LARGE_DOCUMENTS,
              WORKER_CONCURRENCY: String(readers),
              ...(writeAhead ? { WORKER_WRITE_AHEAD: writeAhead } : {}),
            },
          },
          (bench) => runPass(concurrency, bench),
        ),
      );
    }
  } finally {
    await driver.close();
  }
});

console.log(
  '\nconcurrency  done  failed  wall s  1st done s  docs/s  docs/s after 1st  facts  facts/s wall  facts/s writer  graph share  graph median ms  processor peak MiB  worker peak MiB',
);
for (const p of passes) {
  console.log(
    [
      p.concurrency.padStart(11),
      String(p.completed).padStart(5),
      String(p.failed).padStart(7),
      p.seconds.toFixed(1).padStart(7),
      p.firstSeconds.toFixed(1).padStart(11),
      (p.completed / p.seconds).toFixed(3).padStart(7),
      ((p.completed - 1) / Math.max(p.secondsAfterFirst, 1e-3)).toFixed(3).padStart(17),
      String(p.facts).padStart(6),
      (p.facts / p.seconds).toFixed(0).padStart(13),
      (p.facts / (p.writerBusyMs / 1000)).toFixed(0).padStart(15),
      `${((100 * p.graphSummedMs) / p.stagesSummedMs).toFixed(1)} %`.padStart(12),
      String(p.graphMedianMs).padStart(16),
      p.processorPeakMiB
        .map((m) => m.toFixed(0))
        .join(',')
        .padStart(19),
      p.workerPeakMiB.toFixed(0).padStart(16),
    ].join(' '),
  );
}
process.exit(passes.every((p) => p.failed === 0) ? 0 : 1);
