/**
 * A read query that exhausts Neo4j's heap with values its memory pools do not track (a list built inside
 * one expression) fails alone with 422, and the same server answers the next query: no restart.
 * Runs on a Neo4j of its own with a small heap, since it drives that server out of memory.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { buildApp } from '../../src/api/app.js';
import { loadConfig } from '../../src/config/index.js';
import { createNeo4jDriver } from '../../src/graph/index.js';
import { createDocumentQueue } from '../../src/queue/index.js';
import { neo4jPaths } from '../../src/services/neo4j-service.js';
import { isAlive, readPidFile } from '../../src/services/process-control.js';
import { type ScratchServices, startScratchServices } from '../../src/services/scratch-services.js';
import { FilesystemDocumentStore } from '../../src/store/index.js';
import { TEST_RUNS_DIR } from '../support/run-services.js';
import { type TestAuth, testAuth } from '../support/test-auth.js';

const BOMB = 'WITH [x IN range(1,30000000) | toString(x)] AS l RETURN size(l)';
const READ_KEY = 'memory-bomb-test-read-key-0123456789';

describe('a query that exhausts the heap', () => {
  let scratch: ScratchServices;
  let driver: Driver;
  let cypherDriver: Driver;
  let auth: TestAuth;
  let app: FastifyInstance;
  let storeRoot: string;
  let neo4jPid: number | undefined;
  const queues: { close(): Promise<void> }[] = [];

  before(async () => {
    scratch = await startScratchServices(TEST_RUNS_DIR, (s) =>
      loadConfig({
        ...process.env,
        REDIS_URL: s.redisUrl,
        NEO4J_URI: s.neo4jUri,
        NEO4J_PASSWORD: s.neo4jPassword,
        DATA_DIR: s.dataDir,
        NEO4J_HEAP: '512m',
        NEO4J_PAGECACHE: '32m',
        STARTUP_TIMEOUT_SECONDS: '600',
        LOG_LEVEL: 'warn',
      }),
    );
    const { config } = scratch;
    neo4jPid = await readPidFile(neo4jPaths(config).pidFile);
    driver = createNeo4jDriver(config);
    cypherDriver = createNeo4jDriver(config, { losslessIntegers: true });
    auth = testAuth(config, [{ key: READ_KEY, role: 'read' }]);
    storeRoot = await mkdtemp(path.join(tmpdir(), 'finkg-memory-bomb-'));
    const queue = createDocumentQueue(config);
    queues.push(queue);
    app = buildApp({
      queue,
      store: new FilesystemDocumentStore(storeRoot),
      maxDocumentBytes: 64 * 1024,
      auth,
      graph: {
        driver,
        cypherDriver,
        database: config.neo4jDatabase,
        // Longer than the query takes to exhaust the heap: the deadline may end it first (504) otherwise.
        cypherTimeoutMs: 110_000,
        cypherMaxRows: 50,
      },
    });
    await app.ready();
  });

  after(async () => {
    await app?.close();
    await auth?.sessions.close();
    await Promise.all(queues.map((q) => q.close()));
    await driver?.close();
    await cypherDriver?.close();
    await scratch?.stop();
    if (storeRoot) await rm(storeRoot, { recursive: true, force: true });
  });

  const cypher = (query: string) =>
    app.inject({
      method: 'POST',
      url: '/v1/cypher',
      headers: { 'x-api-key': READ_KEY },
      payload: { query },
    });

  it('answers 422 memory_limit, and the same Neo4j answers the next query', {
    timeout: 10 * 60_000,
  }, async () => {
    const bomb = await cypher(BOMB);
    assert.equal(bomb.statusCode, 422, bomb.body);
    assert.equal(bomb.json().error, 'memory_limit');
    assert.match(bomb.json().message, /more memory than one query may use/);

    const next = await cypher('RETURN 1 AS one');
    assert.equal(next.statusCode, 200, next.body);
    assert.deepEqual(next.json().rows, [{ one: 1 }]);
    assert.ok(neo4jPid !== undefined && isAlive(neo4jPid), 'the server that ran the query still runs');
    assert.equal(await readPidFile(neo4jPaths(scratch.config).pidFile), neo4jPid, 'and was not restarted');
  });
});
