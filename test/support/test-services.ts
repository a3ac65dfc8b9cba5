import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { type Config, projectRoot } from '../../src/config/index.js';
import { ensureServicesUsable, scratchConfig } from '../../src/services/index.js';

/** The variables that point integration tests at their Redis and Neo4j. */
export const TEST_SERVICE_ENV = ['TEST_REDIS_URL', 'TEST_NEO4J_URI', 'TEST_NEO4J_PASSWORD', 'TEST_DATA_DIR'];

const NO_SERVICES =
  'no test services: run tests through `npm test` or `node dist/test/run-tests.js [files]`, which start ' +
  'a Redis and a Neo4j of their own on free ports and stop them afterwards, or set TEST_REDIS_URL and ' +
  'TEST_NEO4J_URI to servers of your own (started under .data/test when not answering, left running).';

/**
 * Integration tests run against their own Redis and Neo4j, so a developer's graph is never touched. The
 * test runner (test/run-tests.ts) starts them for each run and passes them in TEST_REDIS_URL /
 * TEST_NEO4J_URI / TEST_NEO4J_PASSWORD / TEST_DATA_DIR; set those yourself to use servers managed
 * elsewhere.
 */
export function testConfig(overrides: Partial<Config> = {}, env: NodeJS.ProcessEnv = process.env): Config {
  if (!env.TEST_REDIS_URL || !env.TEST_NEO4J_URI) throw new Error(NO_SERVICES);
  const base = scratchConfig(
    {
      redisUrl: env.TEST_REDIS_URL,
      neo4jUri: env.TEST_NEO4J_URI,
      neo4jPassword: env.TEST_NEO4J_PASSWORD ?? 'finkg-test-password',
      dataDir: env.TEST_DATA_DIR ?? path.join(projectRoot, '.data', 'test'),
    },
    env,
  );
  return { ...base, ...overrides };
}

/** A queue prefix of its own for each test file, so parallel or leftover jobs never mix. */
export function uniquePrefix(): string {
  return `test-${randomUUID().slice(0, 8)}`;
}

let ready: Promise<unknown> | undefined;

/** What to do when a test server answers but cannot take a write. */
const UNUSABLE_ADVICE =
  'Stop that server, or point TEST_REDIS_URL/TEST_NEO4J_URI at working ones, or leave them unset so the ' +
  'test runner starts its own.';

/**
 * Makes sure the test Redis and Neo4j take a write. A server is started only where nothing listens on
 * its port; one that listens but cannot be used fails at once instead of hanging the first test.
 */
export function prepareTestServices(config: Config): Promise<void> {
  return ensureServicesUsable(config, UNUSABLE_ADVICE);
}

/** prepareTestServices, once per test process. */
export function ensureTestServices(config: Config = testConfig()): Promise<unknown> {
  ready ??= prepareTestServices(config);
  return ready;
}
