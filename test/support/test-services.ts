import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { type Config, loadConfig, projectRoot } from '../../src/config/index.js';
import { servicesUp } from '../../src/services/index.js';

/**
 * Integration tests run against their own Redis and Neo4j (other ports, data under .data/test), started
 * by the project's own service code, so a developer's graph is never touched. Set TEST_REDIS_URL /
 * TEST_NEO4J_URI (and TEST_NEO4J_PASSWORD) to run them against servers managed elsewhere.
 */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const env = process.env;
  const base = loadConfig({
    ...env,
    REDIS_URL: env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6399',
    NEO4J_URI: env.TEST_NEO4J_URI ?? 'bolt://127.0.0.1:7699',
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

/** Starts (or reuses) the test Redis and Neo4j once per test process. */
export function ensureTestServices(config: Config = testConfig()): Promise<unknown> {
  ready ??= servicesUp(config);
  return ready;
}
