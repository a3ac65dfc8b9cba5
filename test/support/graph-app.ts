import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { buildApp } from '../../src/api/app.js';
import type { Config } from '../../src/config/index.js';
import { createNeo4jDriver, ensureGraphSchema } from '../../src/graph/index.js';
import { createDocumentQueue } from '../../src/queue/index.js';
import { FilesystemDocumentStore } from '../../src/store/index.js';
import {
  buildGraphFixture,
  type GraphFixture,
  removeGraphFixture,
  writeGraphFixture,
} from './graph-fixture.js';
import { type TestAuth, testAuth } from './test-auth.js';
import { ensureTestServices, testConfig, uniquePrefix } from './test-services.js';

export interface GraphApp {
  app: FastifyInstance;
  driver: Driver;
  database: string;
  fixture: GraphFixture;
  /** One key per role. */
  keys: { read: string; submit: string; admin: string };
  auth: TestAuth;
  config: Config;
  queue: Queue;
  close(): Promise<void>;
}

/** The API with keys and the graph routes, over the test Redis and Neo4j, with the fixture written. */
export async function startGraphApp(
  options: { rateLimit?: { max: number; timeWindowMs: number }; sessionTtlSeconds?: number } = {},
): Promise<GraphApp> {
  const prefix = uniquePrefix();
  const config = testConfig({ queuePrefix: prefix });
  await ensureTestServices(config);
  const driver = createNeo4jDriver(config);
  // As the server does: /v1/cypher reads integers losslessly.
  const cypherDriver = createNeo4jDriver(config, { losslessIntegers: true });
  const database = config.neo4jDatabase;
  await ensureGraphSchema(driver, database);
  const fixture = buildGraphFixture(prefix);
  await removeGraphFixture(driver, database, prefix);
  await writeGraphFixture(driver, database, fixture);

  const keys = { read: `${prefix}-read-key`, submit: `${prefix}-submit-key`, admin: `${prefix}-admin-key` };
  const storeRoot = await mkdtemp(path.join(tmpdir(), 'finkg-graph-api-'));
  const queue = createDocumentQueue(config);
  const auth = testAuth(
    config,
    [
      { key: keys.read, role: 'read' },
      { key: keys.submit, role: 'submit' },
      { key: keys.admin, role: 'admin' },
    ],
    options.sessionTtlSeconds === undefined ? {} : { ttlSeconds: options.sessionTtlSeconds },
  );
  const app = buildApp({
    queue,
    store: new FilesystemDocumentStore(storeRoot),
    maxDocumentBytes: 64 * 1024,
    auth,
    graph: { driver, cypherDriver, database, cypherTimeoutMs: 5000, cypherMaxRows: 50 },
    adminQueues: [queue],
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
  });
  await app.ready();

  return {
    app,
    driver,
    database,
    fixture,
    keys,
    auth,
    config,
    queue,
    async close() {
      await app.close();
      await auth.sessions.close();
      await removeGraphFixture(driver, database, prefix);
      await driver.close();
      await cypherDriver.close();
      await queue.obliterate({ force: true });
      await queue.close();
      await rm(storeRoot, { recursive: true, force: true });
    },
  };
}
