import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Queue } from 'bullmq';
import { createDocumentQueue } from '../../src/queue/index.js';
import { startBackgroundWorker, stopBackgroundWorker } from '../../src/services/index.js';
import { isAlive } from '../../src/services/process-control.js';
import { ensureTestServices, testConfig, uniquePrefix } from '../support/test-services.js';

describe('the background worker of a data dir', { timeout: 300_000 }, () => {
  const config = testConfig({ queuePrefix: uniquePrefix() });
  const env = {
    REDIS_URL: config.redisUrl,
    QUEUE_PREFIX: config.queuePrefix,
    NEO4J_URI: config.neo4jUri,
    NEO4J_PASSWORD: config.neo4jPassword,
    DATA_DIR: config.dataDir,
  };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  let queue: Queue;

  before(async () => {
    await ensureTestServices(config);
    // The worker is configured as its starter is: through the environment.
    Object.assign(process.env, env);
    queue = createDocumentQueue(config);
  });

  after(async () => {
    await stopBackgroundWorker(config);
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await queue.obliterate({ force: true });
    await queue.close();
  });

  it('is consuming the queue once started, is reused while it runs, and stops on request', async () => {
    const first = await startBackgroundWorker(config);
    assert.equal(first.started, true);
    assert.ok(isAlive(first.pid));
    assert.equal(await queue.getWorkersCount(), 1, 'connected to the queue when start returns');
    const again = await startBackgroundWorker(config);
    assert.deepEqual(again, { ...first, started: false });
    assert.equal(await stopBackgroundWorker(config), true);
    assert.equal(isAlive(first.pid), false);
    assert.equal(await queue.getWorkersCount(), 0);
    assert.equal(await stopBackgroundWorker(config), false, 'nothing left to stop');
  });
});
