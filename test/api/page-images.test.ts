import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import { RenderSlots } from '../../src/api/render-slots.js';
import { createNeo4jDriver, ensureGraphSchema } from '../../src/graph/index.js';
import { createDocumentQueue } from '../../src/queue/index.js';
import { FilesystemDocumentStore } from '../../src/store/index.js';
import { imageOnlyPdf } from '../support/pdf-fixtures.js';
import { ensureTestServices, testConfig, uniquePrefix } from '../support/test-services.js';

/** Resolves when `release` is called: work that holds a render slot until the test lets it go. */
function gate(): { held: Promise<void>; release: () => void } {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { held, release };
}

describe('GET /v1/documents/:id/pages/:page/image, bounded', () => {
  const config = testConfig({ queuePrefix: uniquePrefix() });
  const driver = createNeo4jDriver(config);
  const slots = new RenderSlots({ size: 1, waiting: 1, waitMs: 3000 });
  let storeRoot = '';
  let queue: Queue;
  let app: FastifyInstance;
  let documentId = '';
  const image = (page = 1) =>
    app.inject({ method: 'GET', url: `/v1/documents/${documentId}/pages/${page}/image` });

  before(async () => {
    await ensureTestServices(config);
    await ensureGraphSchema(driver, config.neo4jDatabase);
    storeRoot = await mkdtemp(path.join(tmpdir(), 'finkg-page-images-'));
    const store = new FilesystemDocumentStore(storeRoot);
    ({ documentId } = await store.put(await imageOnlyPdf(2)));
    await driver.executeQuery('MERGE (d:Document {id: $id}) SET d.pageCount = 2', { id: documentId });
    queue = createDocumentQueue(config);
    app = buildApp({
      queue,
      store,
      maxDocumentBytes: 64 * 1024,
      graph: { driver, database: config.neo4jDatabase },
      pageImageSlots: slots,
    });
    await app.ready();
  });

  after(async () => {
    await app?.close();
    await driver.executeQuery('MATCH (d:Document {id: $id}) DETACH DELETE d', { id: documentId });
    await driver.close();
    await queue?.obliterate({ force: true });
    await queue?.close();
    if (storeRoot) await rm(storeRoot, { recursive: true, force: true });
  });

  it('draws a page when a slot is free', async () => {
    const response = await image();
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'image/png');
    assert.equal(slots.active, 0, 'the slot is given back');
  });

  it('past the slots and the waiting room: 503 with Retry-After, and nothing is left held', async () => {
    const busy = gate();
    const holding = slots.run(() => busy.held);
    const waiter = image(); // waits for the one slot
    // Let the waiter reach the queue (its graph read comes first).
    const queuedBy = Date.now() + 30_000;
    while (slots.waiting === 0) {
      assert.ok(Date.now() < queuedBy, 'a request for a page waits for the busy slot');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const refused = await image();
    assert.equal(refused.statusCode, 503);
    assert.equal(refused.headers['retry-after'], '3');
    assert.equal(refused.json().error, 'busy');
    busy.release();
    await holding;
    assert.equal((await waiter).statusCode, 200, 'a request that waited briefly is served');
    assert.equal(slots.active, 0);
    assert.equal(slots.waiting, 0);
  });

  it('a request that waits longer than the wait is refused with 503', async () => {
    const short = new RenderSlots({ size: 1, waiting: 4, waitMs: 50 });
    const busy = gate();
    const holding = short.run(() => busy.held);
    await assert.rejects(
      short.run(async () => 'never'),
      (error: Error) => error.name === 'RenderSlotsBusyError' && /try again in 1 s/.test(error.message),
    );
    assert.equal(short.waiting, 0, 'the timed-out waiter left the queue');
    busy.release();
    await holding;
    assert.equal(await short.run(async () => 'next'), 'next');
    assert.equal(short.active, 0);
  });

  it('a page past the end is 404 and frees its slot', async () => {
    // The graph says 2 pages; ask the renderer for one past what the file has through the graph's count.
    await driver.executeQuery('MATCH (d:Document {id: $id}) SET d.pageCount = 3', { id: documentId });
    try {
      assert.equal((await image(3)).statusCode, 404);
    } finally {
      await driver.executeQuery('MATCH (d:Document {id: $id}) SET d.pageCount = 2', { id: documentId });
    }
    assert.equal(slots.active, 0);
    assert.equal((await image(2)).statusCode, 200);
  });
});
