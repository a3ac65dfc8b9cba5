/**
 * Not a test of the product: test/runner runs this file through the test runner to see which services
 * a run gave it. It writes them to RUN_PROBE_OUT and, with RUN_PROBE_HOLD set, then waits to be stopped;
 * with RUN_PROBE_WORKER set it first starts a document worker, as the worker tests do.
 */
import assert from 'node:assert/strict';
import { renameSync, writeFileSync } from 'node:fs';
import { it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../../src/config/index.js';
import { createDocumentQueue } from '../../src/queue/index.js';
import { servicesStatus, startWorkerProcess } from '../../src/services/index.js';
import { waitFor } from '../../src/services/process-control.js';
import { ensureTestServices, testConfig } from './test-services.js';

export interface RunProbe {
  redisUrl: string;
  neo4jUri: string;
  dataDir: string;
  /** Pids of the Redis and Neo4j this run started (none for servers managed elsewhere). */
  serverPids: number[];
  /** The node --test process that ran this file: the head of the run's test processes. */
  testRunnerPid: number;
  testPid: number;
  /** The worker this file started (RUN_PROBE_WORKER), in a process group of its own. */
  workerPid?: number;
}

/**
 * Starts a worker and waits until it consumes the queue: one still starting exits by itself when the run
 * stops Redis, one that started keeps trying to reconnect.
 */
async function startedWorker(config: Config): Promise<number | undefined> {
  const worker = startWorkerProcess(config);
  const queue = createDocumentQueue(config);
  try {
    await waitFor(async () => assert.ok((await queue.getWorkersCount()) > 0, 'no worker yet'), 120_000);
  } finally {
    await queue.close();
  }
  return worker.pid;
}

it('records the services of this run', { timeout: 300_000 }, async () => {
  const config = testConfig();
  await ensureTestServices(config);
  const probe: RunProbe = {
    redisUrl: config.redisUrl,
    neo4jUri: config.neo4jUri,
    dataDir: config.dataDir,
    serverPids: (await servicesStatus(config)).flatMap((s) => (s.pid === undefined ? [] : [s.pid])),
    testRunnerPid: process.ppid,
    testPid: process.pid,
    ...(process.env.RUN_PROBE_WORKER ? { workerPid: await startedWorker(config) } : {}),
  };
  const out = process.env.RUN_PROBE_OUT as string;
  writeFileSync(`${out}.partial`, JSON.stringify(probe));
  renameSync(`${out}.partial`, out);
  if (process.env.RUN_PROBE_HOLD) await sleep(240_000);
});
