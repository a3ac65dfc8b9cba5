import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { type Config, loadConfig, projectRoot } from '../../src/config/index.js';
import { ensureNeo4j, ensureRedis } from '../../src/services/index.js';
import { assertServicesUsable, listening } from './service-check.js';

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
  const base = loadConfig({
    ...env,
    REDIS_URL: env.TEST_REDIS_URL,
    NEO4J_URI: env.TEST_NEO4J_URI,
    NEO4J_PASSWORD: env.TEST_NEO4J_PASSWORD ?? 'finkg-test-password',
    DATA_DIR: env.TEST_DATA_DIR ?? path.join(projectRoot, '.data', 'test'),
    LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
    NEO4J_PAGECACHE: env.NEO4J_PAGECACHE ?? '64m',
  });
  return { ...base, ...overrides };
}

/** A queue prefix of its own for each test file, so parallel or leftover jobs never mix. */
export function uniquePrefix(): string {
  return `test-${randomUUID().slice(0, 8)}`;
}

let ready: Promise<unknown> | undefined;

/**
 * Makes sure the test Redis and Neo4j take a write. A server is started only where nothing listens on
 * its port; one that listens but cannot be used fails at once instead of hanging the first test.
 */
export async function prepareTestServices(config: Config): Promise<void> {
  const starts: Promise<unknown>[] = [];
  if (!(await listening(config.redisUrl))) starts.push(ensureRedis(config));
  if (!(await listening(config.neo4jUri))) starts.push(ensureNeo4j(config));
  await Promise.all(starts);
  await assertServicesUsable(config);
}

/** prepareTestServices, once per test process. */
export function ensureTestServices(config: Config = testConfig()): Promise<unknown> {
  ready ??= prepareTestServices(config);
  return ready;
}
