import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Job, type Queue, QueueEvents, UnrecoverableError, Worker } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import { ApiKeyRing } from '../../src/api/auth/key-ring.js';
import { createDocumentQueue, DOCUMENTS_QUEUE, redisConnectionOptions } from '../../src/queue/index.js';
import { ensureRedis } from '../../src/services/index.js';
import { FilesystemDocumentStore } from '../../src/store/index.js';
import { testConfig, uniquePrefix } from '../support/test-services.js';

interface StreamedStatus {
  id: string;
  state: string;
  stage?: string;
  progress?: number;
  result?: { entities?: number };
  error?: { code: string; message: string };
}

/** Reads `job` events from an SSE response until `done` says enough. */
async function readJobEvents(
  response: Response,
  done: (seen: StreamedStatus[]) => boolean,
): Promise<StreamedStatus[]> {
  const seen: StreamedStatus[] = [];
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  while (!done(seen)) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = block.split('\n');
      const data = lines.find((l) => l.startsWith('data: '));
      if (lines.includes('event: job') && data) seen.push(JSON.parse(data.slice(6)) as StreamedStatus);
      end = buffer.indexOf('\n\n');
    }
  }
  await reader.cancel();
  return seen;
}

describe('GET /v1/jobs/stream (Server-Sent Events from QueueEvents)', () => {
  const config = testConfig({ queuePrefix: uniquePrefix() });
  let queue: Queue;
  let events: QueueEvents;
  let app: FastifyInstance;
  let worker: Worker | undefined;
  let storeRoot: string;
  let url: string;

  before(async () => {
    await ensureRedis(config);
    storeRoot = await mkdtemp(path.join(tmpdir(), 'finkg-stream-'));
    queue = createDocumentQueue(config);
    events = new QueueEvents(DOCUMENTS_QUEUE, {
      connection: redisConnectionOptions(config.redisUrl, 'worker'),
      prefix: config.queuePrefix,
    });
    await events.waitUntilReady();
    app = buildApp({
      queue,
      store: new FilesystemDocumentStore(storeRoot),
      maxDocumentBytes: 1024,
      queueEvents: events,
      keys: new ApiKeyRing([{ key: 'stream-reader', role: 'read' }]),
    });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });

  after(async () => {
    await worker?.close();
    await app?.close();
    await events?.close();
    await queue?.obliterate({ force: true });
    await queue?.close();
    await rm(storeRoot, { recursive: true, force: true });
  });

  it('needs a key', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/jobs/stream' });
    assert.equal(response.statusCode, 401);
  });

  it('sends the named jobs as they stand, then their progress, results and failures', async () => {
    const good = await queue.add('document', { fileName: 'good.pdf' });
    const bad = await queue.add('document', { fileName: 'bad.pdf' });
    const other = await queue.add('document', { fileName: 'other.pdf' });
    const ids = [good.id, bad.id].join(',');
    const response = await fetch(`${url}/v1/jobs/stream?ids=${ids}`, {
      headers: { 'x-api-key': 'stream-reader' },
    });
    assert.equal(response.status, 200);
    assert.match(String(response.headers.get('content-type')), /^text\/event-stream/);

    const finished = (seen: StreamedStatus[]) =>
      [good.id, bad.id].every((id) =>
        seen.some((s) => s.id === id && (s.state === 'completed' || s.state === 'failed')),
      );
    const reading = readJobEvents(response, finished);
    worker = new Worker(
      DOCUMENTS_QUEUE,
      async (job: Job) => {
        if (job.data.fileName === 'bad.pdf') throw new UnrecoverableError('[corrupt_pdf] The PDF is broken.');
        await job.updateProgress({ stage: 'extract', percent: 50 });
        return { pages: 1, sentences: 2, entities: 3, events: 0 };
      },
      { connection: redisConnectionOptions(config.redisUrl, 'worker'), prefix: config.queuePrefix },
    );
    const seen = await reading;

    const of = (id: string | undefined) => seen.filter((s) => s.id === id);
    assert.equal(of(good.id)[0]?.state, 'waiting', 'the snapshot on connect comes first');
    assert.ok(of(good.id).some((s) => s.state === 'active' && s.stage === 'extract' && s.progress === 50));
    const done = of(good.id).at(-1);
    assert.equal(done?.state, 'completed');
    assert.equal(done?.result?.entities, 3);
    const failed = of(bad.id).at(-1);
    assert.equal(failed?.state, 'failed');
    assert.deepEqual(failed?.error, { code: 'corrupt_pdf', message: 'The PDF is broken.' });
    assert.equal(of(other.id).length, 0, 'jobs not asked for are not sent');
  });

  it('serves many streams from one set of QueueEvents listeners', async () => {
    const before = events.listenerCount('progress');
    const streams = await Promise.all(
      Array.from({ length: 12 }, () =>
        fetch(`${url}/v1/jobs/stream`, { headers: { 'x-api-key': 'stream-reader' } }),
      ),
    );
    assert.ok(streams.every((r) => r.status === 200));
    assert.equal(events.listenerCount('progress'), before);
    await Promise.all(streams.map((r) => r.body?.cancel()));
  });

  it('refuses a malformed id list', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/v1/jobs/stream?ids=a,,b',
      headers: { 'x-api-key': 'stream-reader' },
    });
    assert.equal(response.statusCode, 400);
  });

  it('ends open streams when the server closes, so shutdown does not wait on them', async () => {
    const response = await fetch(`${url}/v1/jobs/stream`, { headers: { 'x-api-key': 'stream-reader' } });
    assert.equal(response.status, 200);
    const ended = readJobEvents(response, () => false);
    await app.close();
    assert.deepEqual(await ended, []);
  });
});
