/**
 * Chaos benchmark: generated announcements through `finkg worker` processes twice, on a Redis and a
 * Neo4j of its own (free ports, stopped at the end): a clean pass, then the same documents on the emptied
 * graph while a seeded fault script SIGKILLs a worker (and starts a replacement, as a supervisor would),
 * kills Neo4j and starts it again, and restarts Redis (SIGTERM, then start: the append-only file keeps
 * the queue). Then it checks that every job completed exactly once, that the graph equals the clean
 * pass's, and that no process it started is left. Exit code 1 when a check fails.
 *
 *   npm run bench:chaos -- [--docs 1000] [--workers 2] [--rounds 1] [--seed 1] [--timeout-minutes 60]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import type { Queue } from 'bullmq';
import type { Config } from '../src/config/index.js';
import { createNeo4jDriver } from '../src/graph/index.js';
import { submitText } from '../src/ingest/index.js';
import { createDocumentQueue } from '../src/queue/index.js';
import { ensureNeo4j, ensureRedis, stopRedis } from '../src/services/index.js';
import { neo4jPaths } from '../src/services/neo4j-service.js';
import { isAlive, readPidFile } from '../src/services/process-control.js';
import { redisPaths } from '../src/services/redis-service.js';
import {
  commandLine,
  type ScratchServices,
  scratchConfig,
  startScratchServices,
  sweepAbandonedRuns,
} from '../src/services/scratch-services.js';
import { FilesystemDocumentStore } from '../src/store/index.js';
import { BENCH_RUNS_DIR } from './bench-pipeline.js';
import { type FaultKind, type PlannedFault, planFaults, Random } from './chaos-faults.js';
import {
  emptyGraph,
  eventCount,
  type GraphFingerprint,
  graphDifferences,
  orphanCount,
  readFingerprint,
} from './chaos-graph.js';
import {
  killGroup,
  processesInGroups,
  startCliWorker,
  stopCliWorker,
  type WorkerProcess,
  waitGroupsGone,
} from './chaos-processes.js';
import { type GeneratedDocument, generateAnnouncements } from './generated-announcements.js';

const { values: args } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000' },
    workers: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    'timeout-minutes': { type: 'string', default: '60' },
  },
});
const documentCount = Number(args.docs);
const workerCount = Number(args.workers);
const rounds = Number(args.rounds);
const seed = Number(args.seed);
const timeoutMs = Number(args['timeout-minutes']) * 60_000;
for (const [name, value] of Object.entries({ documentCount, workerCount, rounds, seed })) {
  if (!Number.isInteger(value) || value < (name === 'rounds' || name === 'seed' ? 0 : 1)) {
    console.error(`bench:chaos: ${name} must be a whole number (got ${value})`);
    process.exit(2);
  }
}

interface FaultRecord {
  kind: FaultKind;
  plannedAt: number;
  /** ms since the pass started. */
  at: number;
  completedAtFault: number;
  /** ms from the fault until the server answered again (service faults). */
  serviceBackMs?: number;
  /** ms from the fault until the next job completed. */
  recoveryMs?: number;
  detail: string;
}

interface PassResult {
  name: string;
  completed: number;
  failed: number;
  seconds: number;
  /** Seconds from submission to the first completed job: mostly the processors loading the model. */
  firstSeconds: number;
  /** Median milliseconds per completed job: in the queue, processing, and each stage of processing. */
  medians: Record<string, number>;
  retriedAttempts: number;
  faults: FaultRecord[];
  unfinished: string[];
}

/** Every pid this run started (worker process groups and server processes), for the final check. */
const startedGroups = new Set<number>();
const serverPids = new Map<number, RegExp>();
const liveWorkers: WorkerProcess[] = [];
let logDir = '';

function log(message: string): void {
  console.error(`[chaos] ${message}`);
}

async function recordServerPids(config: Config): Promise<void> {
  const redis = await readPidFile(redisPaths(config).pidFile);
  const neo = await readPidFile(neo4jPaths(config).pidFile);
  if (redis !== undefined) serverPids.set(redis, /redis-server/);
  if (neo !== undefined) serverPids.set(neo, /CommunityEntryPoint/);
}

function startWorker(config: Config): WorkerProcess {
  const worker = startCliWorker(config, path.join(logDir, `worker-${config.queuePrefix}.log`));
  startedGroups.add(worker.pid);
  liveWorkers.push(worker);
  void worker.exited.then(() => liveWorkers.splice(liveWorkers.indexOf(worker), 1));
  return worker;
}

async function jobCounts(queue: Queue): Promise<{ completed: number; failed: number } | undefined> {
  try {
    const counts = await Promise.race([
      queue.getJobCounts('completed', 'failed'),
      sleep(2000).then(() => undefined),
    ]);
    return counts ? { completed: counts.completed ?? 0, failed: counts.failed ?? 0 } : undefined;
  } catch {
    return undefined; // Redis away: the next poll tries again
  }
}

async function injectFault(kind: FaultKind, config: Config, rnd: Random, record: FaultRecord): Promise<void> {
  const started = performance.now();
  if (kind === 'kill-worker') {
    const victim = liveWorkers[rnd.int(0, liveWorkers.length - 1)] as WorkerProcess;
    const children = processesInGroups(new Set([victim.pid])).filter((pid) => pid !== victim.pid);
    process.kill(victim.pid, 'SIGKILL');
    await victim.exited;
    startWorker(config);
    record.detail = `SIGKILL worker ${victim.pid} (its processor children ${children.join(', ') || 'none'}), replacement started`;
    return;
  }
  if (kind === 'restart-neo4j') {
    const pid = (await readPidFile(neo4jPaths(config).pidFile)) as number;
    process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await sleep(50);
    await ensureNeo4j(config);
    record.detail = `SIGKILL Neo4j ${pid}, started again`;
  } else {
    const pid = await readPidFile(redisPaths(config).pidFile);
    await stopRedis(config);
    await ensureRedis(config);
    record.detail = `SIGTERM Redis ${pid}, started again`;
  }
  await recordServerPids(config);
  record.serviceBackMs = performance.now() - started;
}

async function runPass(
  name: string,
  base: Config,
  documents: GeneratedDocument[],
  plan: PlannedFault[],
  rnd: Random,
): Promise<PassResult> {
  const config: Config = { ...base, queuePrefix: `chaos-${name}` };
  const queue = createDocumentQueue(config);
  queue.on('error', () => {}); // Redis restarts are part of the plan
  const workers = Array.from({ length: workerCount }, () => startWorker(config));
  try {
    while ((await queue.getWorkersCount()) < workerCount) {
      if (workers.some((w) => w.child.exitCode !== null))
        throw new Error(`a worker exited at start; see ${logDir}`);
      await sleep(250);
    }
    const deps = {
      queue,
      store: new FilesystemDocumentStore(path.join(config.dataDir, 'documents')),
      maxDocumentBytes: base.maxDocumentBytes,
    };
    const started = performance.now();
    const submittedAt = Date.now();
    const jobIds: string[] = [];
    for (const doc of documents)
      jobIds.push((await submitText(deps, { text: doc.text, kind: 'announcement' })).jobId);
    log(`${name}: ${jobIds.length} documents submitted to ${workerCount} workers`);

    const faults: FaultRecord[] = [];
    let pending: Promise<void> | undefined;
    let completed = 0;
    let failed = 0;
    let lastCompletion = started;
    let lastReport = 0;
    let faultError: Error | undefined;
    while (completed + failed < documents.length) {
      if (faultError) throw new Error(`${name}: a fault could not be carried out`, { cause: faultError });
      const now = performance.now();
      if (now - started > timeoutMs) throw new Error(`${name}: not done after ${timeoutMs / 60_000} minutes`);
      const counts = await jobCounts(queue);
      if (counts) {
        if (counts.completed > completed) {
          lastCompletion = performance.now();
          for (const f of faults)
            if (f.recoveryMs === undefined && counts.completed > f.completedAtFault)
              f.recoveryMs = lastCompletion - started - f.at;
        }
        ({ completed, failed } = counts);
      }
      const next = plan[faults.length];
      const previous = faults.at(-1);
      if (
        next &&
        !pending &&
        completed >= next.afterCompleted &&
        (!previous || previous.recoveryMs !== undefined)
      ) {
        const record: FaultRecord = {
          kind: next.kind,
          plannedAt: next.afterCompleted,
          at: performance.now() - started,
          completedAtFault: completed,
          detail: '',
        };
        faults.push(record);
        log(`${name}: fault ${faults.length} ${next.kind} at ${completed} completed`);
        pending = injectFault(next.kind, config, rnd, record)
          .catch((error) => {
            faultError = error as Error;
          })
          .finally(() => {
            pending = undefined;
          });
      }
      if (now - lastReport > 10_000) {
        log(`${name}: ${completed} completed, ${failed} failed of ${documents.length}`);
        lastReport = now;
      }
      await sleep(200);
    }
    await pending;
    let retriedAttempts = 0;
    const unfinished: string[] = [];
    const times: Record<string, number[]> = {};
    const add = (what: string, ms: number | undefined) => {
      if (ms === undefined || !Number.isFinite(ms)) return;
      times[what] ??= [];
      times[what].push(ms);
    };
    let firstFinished = Number.POSITIVE_INFINITY;
    for (const id of jobIds) {
      const job = await queue.getJob(id);
      const state = job ? await job.getState() : 'missing';
      if (state !== 'completed')
        unfinished.push(`${id} ${state}${job?.failedReason ? `: ${job.failedReason}` : ''}`);
      retriedAttempts += Math.max(0, (job?.attemptsMade ?? 1) - 1) + (job?.stalledCounter ?? 0);
      if (state !== 'completed' || !job?.processedOn || !job.finishedOn) continue;
      firstFinished = Math.min(firstFinished, job.finishedOn);
      add('queued', job.processedOn - job.timestamp);
      add('processing', job.finishedOn - job.processedOn);
      const stages = (job.returnvalue as { timings?: Record<string, number> } | undefined)?.timings ?? {};
      for (const [stage, ms] of Object.entries(stages)) add(stage, ms);
    }
    const medians = Object.fromEntries(Object.entries(times).map(([what, list]) => [what, median(list)]));
    const unfired = plan
      .slice(faults.length)
      .map((f) => `${f.kind} (planned at ${f.afterCompleted}) never fired`);
    return {
      name,
      completed,
      failed,
      seconds: (lastCompletion - started) / 1000,
      firstSeconds: (firstFinished - submittedAt) / 1000,
      medians,
      retriedAttempts,
      faults,
      unfinished: [...unfinished, ...unfired],
    };
  } finally {
    await Promise.all([...liveWorkers].map((w) => stopCliWorker(w)));
    await queue.close().catch(() => {});
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

/** Documents per minute after the first job completed, when every processor has its model loaded. */
function steadyRate(r: PassResult): number {
  const seconds = r.seconds - r.firstSeconds;
  return seconds > 0 ? ((r.completed - 1) / seconds) * 60 : 0;
}

async function fingerprint(config: Config): Promise<GraphFingerprint> {
  const driver = createNeo4jDriver(config);
  try {
    return await readFingerprint(driver, config.neo4jDatabase);
  } finally {
    await driver.close();
  }
}

async function leftBehind(): Promise<string[]> {
  const workers = await waitGroupsGone(startedGroups, 10_000);
  const servers = [...serverPids].filter(([pid, program]) => isAlive(pid) && program.test(commandLine(pid)));
  return [
    ...workers.map((pid) => `pid ${pid} (${commandLine(pid).slice(0, 80)})`),
    ...servers.map(([pid]) => `server pid ${pid}`),
  ];
}

function cleanUpAfterFailure(): void {
  for (const group of startedGroups) killGroup(group);
}

async function main(): Promise<number> {
  await sweepAbandonedRuns(BENCH_RUNS_DIR);
  logDir = await mkdtemp(path.join(tmpdir(), 'finkg-chaos-'));
  const documents = generateAnnouncements(documentCount, seed);
  const plan = planFaults(seed, documentCount, rounds);
  log(`starting Redis and Neo4j (runs in ${BENCH_RUNS_DIR}, worker logs in ${logDir})`);
  let scratch: ScratchServices | undefined;
  const interrupt = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping workers and servers`);
    cleanUpAfterFailure();
    void (scratch?.stop() ?? Promise.resolve()).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  process.once('unhandledRejection', (error) => {
    console.error(`bench:chaos failed: ${(error as Error)?.stack ?? error}`);
    interrupt('SIGTERM');
  });
  scratch = await startScratchServices(BENCH_RUNS_DIR, (s) =>
    scratchConfig(s, {
      ...process.env,
      LOG_LEVEL: 'warn',
      // A loaded machine can take minutes to bring Neo4j back; the fault script waits that long.
      STARTUP_TIMEOUT_SECONDS: process.env.STARTUP_TIMEOUT_SECONDS ?? '600',
    }),
  );
  const { config } = scratch;
  await recordServerPids(config);
  let results: PassResult[] = [];
  let clean: GraphFingerprint;
  let chaos: GraphFingerprint;
  try {
    const cleanPass = await runPass('clean', config, documents, [], new Random(seed));
    clean = await fingerprint(config);
    const driver = createNeo4jDriver(config);
    try {
      await emptyGraph(driver, config.neo4jDatabase);
    } finally {
      await driver.close();
    }
    const faultPass = await runPass('faults', config, documents, plan, new Random(seed));
    chaos = await fingerprint(config);
    results = [cleanPass, faultPass];
  } catch (error) {
    cleanUpAfterFailure();
    await scratch.stop();
    throw error;
  }
  await scratch.stop();
  const left = await leftBehind();
  if (left.length > 0) cleanUpAfterFailure();
  return report(results, clean, chaos, left, plan);
}

function report(
  results: PassResult[],
  clean: GraphFingerprint,
  chaos: GraphFingerprint,
  left: string[],
  plan: PlannedFault[],
): number {
  const [cleanPass, faultPass] = results as [PassResult, PassResult];
  console.log(
    `\nchaos benchmark: ${documentCount} generated documents, ${workerCount} workers (finkg worker), seed ${seed}, ${plan.length} faults`,
  );
  console.log('\npass          completed  failed  retried  wall s  docs/min  first s  after first docs/min');
  for (const r of results)
    console.log(
      [
        r.name.padEnd(12),
        String(r.completed).padStart(10),
        String(r.failed).padStart(7),
        String(r.retriedAttempts).padStart(8),
        r.seconds.toFixed(1).padStart(7),
        ((r.completed / r.seconds) * 60).toFixed(1).padStart(9),
        r.firstSeconds.toFixed(1).padStart(8),
        steadyRate(r).toFixed(1).padStart(21),
      ].join(' '),
    );
  console.log(
    `(faults pass at ${((faultPass.completed / faultPass.seconds / (cleanPass.completed / cleanPass.seconds)) * 100).toFixed(0)} % of the clean pass's rate; retried = attempts after the first plus stalled restarts; first s = submission to the first completed job, mostly the processors loading the model)`,
  );
  const columns = [...new Set(results.flatMap((r) => Object.keys(r.medians)))];
  console.log(`\nmedian ms per document  ${columns.map((c) => c.padStart(10)).join(' ')}`);
  for (const r of results)
    console.log(
      `${r.name.padEnd(22)}  ${columns.map((c) => String(Math.round(r.medians[c] ?? 0)).padStart(10)).join(' ')}`,
    );
  console.log('\n#  fault           at s  at completed  server back s  next job completed s');
  for (const [i, f] of faultPass.faults.entries())
    console.log(
      [
        String(i + 1).padEnd(2),
        f.kind.padEnd(14),
        (f.at / 1000).toFixed(1).padStart(5),
        String(f.completedAtFault).padStart(13),
        (f.serviceBackMs === undefined ? '-' : (f.serviceBackMs / 1000).toFixed(1)).padStart(14),
        (f.recoveryMs === undefined ? 'never' : (f.recoveryMs / 1000).toFixed(1)).padStart(21),
        ` ${f.detail}`,
      ].join(' '),
    );
  const differences = graphDifferences(clean, chaos);
  const lost = documentCount - faultPass.completed;
  const checks: [string, boolean, string[]][] = [
    [
      `every job completed (lost ${lost}: ${faultPass.completed} of ${documentCount} completed, ${faultPass.failed} failed for good)`,
      faultPass.unfinished.length === 0 && faultPass.completed === documentCount && faultPass.failed === 0,
      faultPass.unfinished,
    ],
    [
      `clean pass completed every job too (${cleanPass.completed} of ${documentCount})`,
      cleanPass.unfinished.length === 0 && cleanPass.completed === documentCount,
      cleanPass.unfinished,
    ],
    [
      `no duplicated document (${chaos.duplicateDocuments.length} duplicated; ${chaos.documents.size} Document nodes for ${documentCount} documents)`,
      chaos.duplicateDocuments.length === 0 && chaos.documents.size === documentCount,
      chaos.duplicateDocuments,
    ],
    [
      `graph equals the clean pass's (${chaos.documents.size} documents, ${eventCount(chaos)} events, ${chaos.entities.size} entities; ${differences.length} differences)`,
      differences.length === 0,
      differences,
    ],
    [
      `no orphan nodes (${orphanCount(chaos)} with faults, ${orphanCount(clean)} clean)`,
      orphanCount(chaos) === 0 && orphanCount(clean) === 0,
      [...chaos.orphans].map(([label, n]) => `${n} orphan ${label} nodes`),
    ],
    [
      `no process left behind (${left.length} of ${startedGroups.size} worker groups and ${serverPids.size} servers)`,
      left.length === 0,
      left,
    ],
    [
      `every planned fault fired and was recovered from (${faultPass.faults.filter((f) => f.recoveryMs !== undefined).length} of ${plan.length})`,
      faultPass.faults.length === plan.length && faultPass.faults.every((f) => f.recoveryMs !== undefined),
      [],
    ],
  ];
  console.log('\nchecks');
  let failures = 0;
  for (const [what, ok, details] of checks) {
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) {
      failures++;
      for (const line of details.slice(0, 10)) console.log(`         ${line}`);
      if (details.length > 10) console.log(`         … ${details.length - 10} more`);
    }
  }
  console.log(
    failures === 0 ? '\nall checks passed' : `\n${failures} checks failed; worker logs in ${logDir}`,
  );
  return failures === 0 ? 0 : 1;
}

const code = await main().catch((error) => {
  console.error(`bench:chaos failed: ${(error as Error).stack ?? error}`);
  return 1;
});
if (code === 0) await rm(logDir, { recursive: true, force: true });
process.exit(code);
