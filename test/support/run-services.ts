import path from 'node:path';
import { type Config, projectRoot } from '../../src/config/index.js';
import {
  freePort,
  type ScratchSettings,
  startScratchServices,
  sweepAbandonedRuns as sweepScratchRuns,
} from '../../src/services/scratch-services.js';
import { assertServicesUsable } from './service-check.js';
import { testConfig } from './test-services.js';

export { freePort };

/**
 * Each test run keeps its servers' data in a folder of its own here, named `<runner pid>-<random>` and
 * removed when the run ends; the pid in the name tells a later run whether its owner is still alive.
 */
export const TEST_RUNS_DIR = path.join(projectRoot, '.data', 'test-runs');

export interface RunServices {
  /** TEST_* variables that point test processes at this run's servers. */
  env: Record<string, string>;
  config: Config;
  /** Stops both servers (by the pids in their pid files) and removes the run's data. */
  stop(): Promise<void>;
}

function testEnv(settings: ScratchSettings): Record<string, string> {
  return {
    TEST_REDIS_URL: settings.redisUrl,
    TEST_NEO4J_URI: settings.neo4jUri,
    TEST_NEO4J_PASSWORD: settings.neo4jPassword,
    TEST_DATA_DIR: settings.dataDir,
  };
}

/**
 * Starts a Redis and a Neo4j for one test run (startScratchServices under TEST_RUNS_DIR) and checks
 * that both take a write before any test runs.
 */
export async function startRunServices(): Promise<RunServices> {
  const scratch = await startScratchServices(TEST_RUNS_DIR, (settings) =>
    testConfig({}, { ...process.env, ...testEnv(settings) }),
  );
  try {
    await assertServicesUsable(scratch.config);
  } catch (error) {
    await scratch.stop();
    throw error;
  }
  return { env: testEnv(scratch.settings), config: scratch.config, stop: scratch.stop };
}

/** Stops the servers of earlier test runs whose runner is gone and removes their data. */
export function sweepAbandonedRuns(): Promise<string[]> {
  return sweepScratchRuns(TEST_RUNS_DIR);
}

/**
 * Runs `body` against the TEST_* servers when they are set, else against a Redis and a Neo4j started for
 * it with startRunServices and stopped afterwards, also on Ctrl-C or SIGTERM (benchmarks use this).
 */
export async function withRunServices<T>(body: () => Promise<T>): Promise<T> {
  if (process.env.TEST_REDIS_URL && process.env.TEST_NEO4J_URI) return body();
  await sweepAbandonedRuns();
  const services = await startRunServices();
  Object.assign(process.env, services.env);
  const onSignal = (signal: NodeJS.Signals) =>
    void services.stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await body();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await services.stop();
  }
}
