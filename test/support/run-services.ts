import path from 'node:path';
import { type Config, projectRoot } from '../../src/config/index.js';
import {
  freePort,
  type ScratchSettings,
  startScratchServices,
  sweepAbandonedRuns as sweepScratchRuns,
} from '../../src/services/index.js';
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
 * Starts a Redis and a Neo4j for one test run (startScratchServices under TEST_RUNS_DIR, which checks
 * that both take a write before any test runs).
 */
export async function startRunServices(): Promise<RunServices> {
  const scratch = await startScratchServices(TEST_RUNS_DIR, (settings) =>
    testConfig({}, { ...process.env, ...testEnv(settings) }),
  );
  return { env: testEnv(scratch.settings), config: scratch.config, stop: scratch.stop };
}

/** Stops the servers of earlier test runs whose runner is gone and removes their data. */
export function sweepAbandonedRuns(): Promise<string[]> {
  return sweepScratchRuns(TEST_RUNS_DIR);
}
