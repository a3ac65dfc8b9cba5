/**
 * Not a test of the product: test/runner runs this file through the test runner to see which services
 * a run gave it. It writes them to RUN_PROBE_OUT and, with RUN_PROBE_HOLD set, then waits to be stopped.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { servicesStatus } from '../../src/services/index.js';
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
  };
  const out = process.env.RUN_PROBE_OUT as string;
  writeFileSync(`${out}.partial`, JSON.stringify(probe));
  renameSync(`${out}.partial`, out);
  if (process.env.RUN_PROBE_HOLD) await sleep(240_000);
});
