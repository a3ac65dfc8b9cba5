import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Job, type Queue, QueueEvents, UnrecoverableError, Worker } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import { createDocumentQueue, DOCUMENTS_QUEUE, redisConnectionOptions } from '../../src/queue/index.js';
import { ensureRedis } from '../../src/services/index.js';
import { FilesystemDocumentStore } from '../../src/store/index.js';
import { testAuth } from '../support/test-auth.js';
import { testConfig, uniquePrefix } from '../support/test-services.js';

interface StreamedStatus {
  id: string;
  state: string;
  stage?: string;
  progress?: number;
  result?: { entities?: number };
  error?: { code: string; message: string };
}

/** The `job` events of an SSE response, read as far as a test asks. */
class JobEventReader {
  readonly seen: StreamedStatus[] = [];
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = '';

  constructor(response: Response) {
    this.reader = (response.body as ReadableStream<Uint8Array>).getReader();
  }

  /** Reads until `done` holds for what was seen so far, or the stream ends. */
  async until(done: (seen: StreamedStatus[]) => boolean): Promise<StreamedStatus[]> {
    while (!done(this.seen)) {
      const { value, done: ended } = await this.reader.read();
      if (ended) break;
      this.buffer += this.decoder.decode(value, { stream: true });
      let end = this.buffer.indexOf('\n\n');
      while (end >= 0) {
        const lines = this.buffer.slice(0, end).split('\n');
        this.buffer = this.buffer.slice(end + 2);
        const data = lines.find((l) => l.startsWith('data: '));
        if (lines.includes('event: job') && data) this.seen.push(JSON.parse(data.slice(6)) as StreamedStatus);
        end = this.buffer.indexOf('\n\n');
      }
    }
    return this.seen;
  }

  close(): Promise<void> {
    return this.reader.cancel();
  }
}

describe('GET /v1/jobs/stream (Server-Sent Events from QueueEvents)', () => {
  const config = testConfig({ queuePrefix: uniquePrefix() });
  let queue: Queue;
  let events: QueueEvents;
  let app: FastifyInstance;
  let worker: Worker | undefined;
  let storeRoot: string;
  let url: string;
  const auth = testAuth(config, [{ key: 'stream-reader', role: 'read' }]);

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
      auth,
    });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });

  after(async () => {
    await worker?.close();
    await app?.close();
    await auth.sessions.close();
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

    const stream = new JobEventReader(response);
    // Both jobs as they stand, before any worker runs.
    const snapshot = await stream.until((seen) => seen.length >= 2);
    assert.deepEqual(
      snapshot.map((x) => [x.id, x.state]),
      [
        [good.id, 'waiting'],
        [bad.id, 'waiting'],
      ],
    );
    worker = new Worker(
      DOCUMENTS_QUEUE,
      async (job: Job) => {
        if (job.data.fileName === 'bad.pdf') throw new UnrecoverableError('[corrupt_pdf] The PDF is broken.');
        await job.updateProgress({ stage: 'extract', percent: 50 });
        return { pages: 1, sentences: 2, entities: 3, events: 0 };
      },
      { connection: redisConnectionOptions(config.redisUrl, 'worker'), prefix: config.queuePrefix },
    );
    const seen = await stream.until((all) =>
      [good.id, bad.id].every((id) =>
        all.some((x) => x.id === id && (x.state === 'completed' || x.state === 'failed')),
      ),
    );
    await stream.close();

    const of = (id: string | undefined) => seen.filter((x) => x.id === id);
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
    const ended = new JobEventReader(response).until(() => false);
    await app.close();
    assert.deepEqual(await ended, []);
  });
});
