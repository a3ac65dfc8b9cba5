import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import { GRAPH_RETRY_MS } from '../../src/api/server.js';
import { createNeo4jDriver } from '../../src/graph/index.js';
import { createDocumentQueue, documentJobProblems } from '../../src/queue/index.js';
import { ensureRedis, freePort } from '../../src/services/index.js';
import { FilesystemDocumentStore } from '../../src/store/index.js';
import { testConfig, uniquePrefix } from '../support/test-services.js';
import { multipartBody } from './multipart-body.js';

const MAX_BYTES = 64 * 1024;
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
// Just enough of a PDF for the API, which never parses it.
const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n贵州茅台关于回购股份的公告\n%%EOF\n', 'utf8');

describe('HTTP API', () => {
  const config = testConfig({ queuePrefix: uniquePrefix(), maxDocumentBytes: MAX_BYTES });
  let queue: Queue;
  let app: FastifyInstance;
  let storeRoot: string;
  let store: FilesystemDocumentStore;

  before(async () => {
    // Only Redis is needed here; the test helper's Neo4j is not started for these tests.
    await ensureRedis(config);
    storeRoot = await mkdtemp(path.join(tmpdir(), 'finkg-api-'));
    store = new FilesystemDocumentStore(storeRoot);
    queue = createDocumentQueue(config);
    app = buildApp({ queue, store, maxDocumentBytes: MAX_BYTES });
    await app.ready();
  });

  after(async () => {
    await app?.close();
    await queue?.obliterate({ force: true });
    await queue?.close();
    await rm(storeRoot, { recursive: true, force: true });
  });

  describe('POST /v1/documents', () => {
    it('queues a JSON text submission with a valid payload', async () => {
      const text = '贵州茅台公告：公司拟以不超过 30 亿元回购股份。';
      const response = await app.inject({
        method: 'POST',
        url: '/v1/documents',
        payload: { text, kind: 'news', title: '回购', publishedAt: '2025-01-02', source: { name: '上交所' } },
      });
      assert.equal(response.statusCode, 202, response.body);
      const body = response.json();
      assert.deepEqual(Object.keys(body).sort(), ['documentId', 'duplicate', 'jobId', 'workersRunning']);
      assert.equal(body.documentId, sha256(text));
      assert.equal(body.duplicate, false);
      assert.equal(body.workersRunning, 0, 'no worker consumes this queue: the answer says so');

      const job = await queue.getJob(body.jobId);
      assert.ok(job, 'the job is in the queue');
      assert.equal(await job.getState(), 'waiting');
      assert.deepEqual(documentJobProblems(job.data), []);
      assert.equal(job.data.text, text);
      assert.equal(job.data.kind, 'news');
      assert.deepEqual(job.data.source, { name: '上交所' });
    });

    it('queues a multipart PDF upload and stores its bytes', async () => {
      const bytes = Buffer.concat([pdf, Buffer.from('upload')]);
      const response = await app.inject({
        method: 'POST',
        url: '/v1/documents',
        ...multipartBody(
          {
            kind: 'announcement',
            title: '关于回购股份的公告',
            publishedAt: '2025-03-01',
            sourceUrl: 'https://x.test/a.pdf',
          },
          { name: 'ann-600519.pdf', type: 'application/pdf', bytes },
        ),
      });
      assert.equal(response.statusCode, 202, response.body);
      const { jobId, documentId, duplicate } = response.json();
      assert.equal(documentId, sha256(bytes));
      assert.equal(duplicate, false);
      assert.deepEqual(Buffer.from(await store.get(documentId)), bytes);

      const job = await queue.getJob(jobId);
      assert.ok(job);
      assert.deepEqual(documentJobProblems(job.data), []);
      assert.equal(job.data.storeKey, documentId);
      assert.equal(job.data.fileName, 'ann-600519.pdf');
      assert.equal(job.data.mimeType, 'application/pdf');
      assert.equal(job.data.kind, 'announcement');
      assert.equal(job.data.publishedAt, '2025-03-01');
      assert.deepEqual(job.data.source, { url: 'https://x.test/a.pdf' });
    });

    it('reads the form fields whether they come before or after the file', async () => {
      const bytes = Buffer.concat([pdf, Buffer.from('fields after')]);
      const response = await app.inject({
        method: 'POST',
        url: '/v1/documents',
        ...multipartBody(
          { kind: 'news', title: '标题' },
          { name: 'x.pdf', type: 'application/pdf', bytes },
          'file-first',
        ),
      });
      assert.equal(response.statusCode, 202, response.body);
      const job = await queue.getJob(response.json().jobId);
      assert.equal(job?.data.kind, 'news');
      assert.equal(job?.data.title, '标题');
    });

    it('gives the same bytes the same documentId and does not queue them twice', async () => {
      const bytes = Buffer.concat([pdf, Buffer.from('twice')]);
      const upload = () =>
        app.inject({
          method: 'POST',
          url: '/v1/documents',
          ...multipartBody({}, { name: '研报-茅台.pdf', type: 'application/pdf', bytes }),
        });
      const first = (await upload()).json();
      const second = (await upload()).json();
      assert.equal(second.documentId, first.documentId);
      assert.equal(first.duplicate, false);
      assert.equal(second.duplicate, true);
      assert.equal(second.jobId, first.jobId);
      // Without a kind field, the file name decides.
      assert.equal((await queue.getJob(first.jobId))?.data.kind, 'research_report');
    });

    it('answers 413 for a file over the limit', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/documents',
        ...multipartBody(
          { kind: 'other' },
          { name: 'big.pdf', type: 'application/pdf', bytes: Buffer.alloc(MAX_BYTES + 1, 1) },
        ),
      });
      assert.equal(response.statusCode, 413, response.body);
      assert.equal(response.json().error, 'too_large');
      assert.equal(await store.has(sha256(Buffer.alloc(MAX_BYTES + 1, 1))), false);
    });

    it('answers 413 for an inline text over the limit', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/documents',
        payload: { text: '字'.repeat(MAX_BYTES / 3 + 1), kind: 'other' },
      });
      assert.equal(response.statusCode, 413, response.body);
      assert.deepEqual(Object.keys(response.json()).sort(), ['error', 'message']);
    });

    it('answers 400 naming the field for a bad kind', async () => {
      const json = await app.inject({
        method: 'POST',
        url: '/v1/documents',
        payload: { text: '正文', kind: 'memo' },
      });
      assert.equal(json.statusCode, 400);
      assert.equal(json.json().error, 'bad_request');
      assert.match(
        json.json().message,
        /body\.kind must be one of announcement, research_report, news, other/,
      );

      const form = await app.inject({
        method: 'POST',
        url: '/v1/documents',
        ...multipartBody({ kind: 'memo' }, { name: 'a.pdf', type: 'application/pdf', bytes: pdf }),
      });
      assert.equal(form.statusCode, 400);
      assert.equal(form.json().error, 'invalid_submission');
      assert.match(form.json().message, /^kind: must be one of/);
    });

    it('answers 400 for missing or unknown fields and malformed dates', async () => {
      const cases: [unknown, RegExp][] = [
        [{ kind: 'news' }, /body\.text is required/],
        [{ text: 'x', kind: 'news', author: 'me' }, /body\.author is not an accepted field/],
        [{ text: 'x', kind: 'news', publishedAt: '2025/01/02' }, /body\.publishedAt must match pattern/],
        [
          { text: 'x', kind: 'news', publishedAt: '2025-02-30' },
          /^body\.publishedAt is not a date that exists$/,
        ],
        [{ text: 'x', kind: 'news', publishedAt: '2025-13-01T08:00Z' }, /body\.publishedAt is not a date/],
      ];
      for (const [payload, message] of cases) {
        const response = await app.inject({
          method: 'POST',
          url: '/v1/documents',
          payload: payload as object,
        });
        assert.equal(response.statusCode, 400, JSON.stringify(payload));
        assert.match(response.json().message, message);
      }
      const noFile = await app.inject({
        method: 'POST',
        url: '/v1/documents',
        ...multipartBody({ kind: 'news' }),
      });
      assert.equal(noFile.statusCode, 400);
      assert.match(noFile.json().message, /no file field named "file"/);
      const badField = await app.inject({
        method: 'POST',
        url: '/v1/documents',
        ...multipartBody({ category: 'x' }, { name: 'a.pdf', type: 'application/pdf', bytes: pdf }),
      });
      assert.equal(badField.statusCode, 400);
      assert.match(badField.json().message, /form field category is not accepted/);
    });

    it('refuses a form field with a date that does not exist', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/documents',
        ...multipartBody(
          { publishedAt: '2023-02-29' },
          { name: 'a.pdf', type: 'application/pdf', bytes: pdf },
        ),
      });
      assert.equal(response.statusCode, 400, response.body);
      assert.match(response.json().message, /publishedAt/);
    });

    it('answers 415 for a text/plain body, saying what to send', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/documents',
        headers: { 'content-type': 'text/plain' },
        payload: '贵州茅台公告',
      });
      assert.equal(response.statusCode, 415, response.body);
      assert.deepEqual(response.json(), {
        error: 'unsupported_media_type',
        message:
          'text/plain bodies are not accepted; send application/json (or multipart/form-data to upload a file)',
      });
    });

    it('answers 400 for a multipart body that cannot be read', async () => {
      const cut = multipartBody({ kind: 'news' }, { name: 'a.pdf', type: 'application/pdf', bytes: pdf });
      for (const [name, request] of [
        ['no boundary', { headers: { 'content-type': 'multipart/form-data' }, payload: 'not a form' }],
        ['cut short', { headers: cut.headers, payload: cut.payload.subarray(0, cut.payload.length - 40) }],
      ] as const) {
        const response = await app.inject({ method: 'POST', url: '/v1/documents', ...request });
        assert.equal(response.statusCode, 400, `${name}: ${response.body}`);
        assert.equal(response.json().error, 'bad_request');
        assert.match(response.json().message, /^the multipart body cannot be read: /, name);
      }
    });

    it('answers 400 "one file per request" to two files, and queues neither', async () => {
      const first = multipartBody({ kind: 'news' }, { name: 'a.pdf', type: 'application/pdf', bytes: pdf });
      const boundary = /boundary=(.*)$/.exec(first.headers['content-type'] ?? '')?.[1];
      const second = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="b.pdf"\r\n` +
          `Content-Type: application/pdf\r\n\r\n${pdf.toString('utf8')}second\r\n`,
        'utf8',
      );
      const end = Buffer.from(`--${boundary}--\r\n`, 'utf8');
      const payload = Buffer.concat([
        first.payload.subarray(0, first.payload.length - end.length),
        second,
        end,
      ]);
      const waiting = await queue.getJobCountByTypes('waiting');
      const response = await app.inject({
        method: 'POST',
        url: '/v1/documents',
        headers: first.headers,
        payload,
      });
      assert.equal(response.statusCode, 400, response.body);
      assert.deepEqual(response.json(), {
        error: 'bad_request',
        message: 'one file per request: send a single file in the form field "file"',
      });
      assert.equal(await queue.getJobCountByTypes('waiting'), waiting);
    });

    it('answers 400 for a body that is not JSON, without a stack trace', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/documents',
        headers: { 'content-type': 'application/json' },
        payload: '{"text": ',
      });
      assert.equal(response.statusCode, 400);
      assert.deepEqual(Object.keys(response.json()).sort(), ['error', 'message']);
      assert.doesNotMatch(response.body, /at .*\.js:\d+/);
    });
  });

  describe('GET /v1/jobs/:id', () => {
    it('shows a queued job', async () => {
      const submitted = await app.inject({
        method: 'POST',
        url: '/v1/documents',
        payload: { text: '一条快讯。', kind: 'news' },
      });
      const { jobId, documentId } = submitted.json();
      const response = await app.inject({ method: 'GET', url: `/v1/jobs/${jobId}` });
      assert.equal(response.statusCode, 200);
      const status = response.json();
      assert.equal(status.id, jobId);
      assert.equal(status.state, 'waiting');
      assert.equal(status.stage, 'queued');
      assert.equal(status.progress, 0);
      assert.equal(status.attemptsMade, 0);
      assert.equal(status.documentId, documentId);
      assert.ok(!Number.isNaN(Date.parse(status.submittedAt)));
      assert.equal(status.result, undefined);
    });

    it('answers 404 for an unknown job', async () => {
      const response = await app.inject({ method: 'GET', url: '/v1/jobs/no-such-job' });
      assert.equal(response.statusCode, 404);
      assert.equal(response.json().error, 'not_found');
    });
  });

  describe('health', () => {
    it('GET /healthz answers while the process is up', async () => {
      const response = await app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.json(), { status: 'ok' });
    });

    it('GET /readyz checks Redis', async () => {
      const response = await app.inject({ method: 'GET', url: '/readyz' });
      assert.equal(response.statusCode, 200, response.body);
      assert.deepEqual(response.json(), { status: 'ready', checks: { redis: { ok: true } } });
    });

    it('GET /readyz answers 503 when Neo4j does not', async () => {
      const withNeo4j = buildApp({
        queue,
        store,
        maxDocumentBytes: MAX_BYTES,
        checkNeo4j: async () => {
          throw new Error('connection refused');
        },
      });
      try {
        const response = await withNeo4j.inject({ method: 'GET', url: '/readyz' });
        assert.equal(response.statusCode, 503);
        assert.deepEqual(response.json(), {
          status: 'unavailable',
          checks: { redis: { ok: true }, neo4j: { ok: false, message: 'connection refused' } },
        });
      } finally {
        await withNeo4j.close();
      }
    });

    it('answers 500 without details when something inside fails', async () => {
      const broken = buildApp({
        queue: Object.assign(Object.create(queue) as Queue, {
          add: async () => {
            throw new Error('READONLY You can not write against a read only replica. at 10.0.0.7:6379');
          },
        }),
        store,
        maxDocumentBytes: MAX_BYTES,
      });
      try {
        const response = await broken.inject({
          method: 'POST',
          url: '/v1/documents',
          payload: { text: '正文', kind: 'news' },
        });
        assert.equal(response.statusCode, 500);
        assert.deepEqual(response.json(), { error: 'internal', message: 'internal server error' });
      } finally {
        await broken.close();
      }
    });

    it('answers 503 instead of hanging when Redis is unreachable', async () => {
      // A port the kernel just gave and that was closed again: nothing listens there.
      const unreachable = createDocumentQueue({
        ...config,
        redisUrl: `redis://127.0.0.1:${await freePort()}`,
      });
      unreachable.on('error', () => {});
      const cut = buildApp({ queue: unreachable, store, maxDocumentBytes: MAX_BYTES, queueTimeoutMs: 300 });
      try {
        const post = await cut.inject({
          method: 'POST',
          url: '/v1/documents',
          payload: { text: '正文', kind: 'news' },
        });
        assert.equal(post.statusCode, 503);
        assert.equal(post.json().error, 'unavailable');
        assert.equal(post.headers['retry-after'], '5');
        const job = await cut.inject({ method: 'GET', url: '/v1/jobs/1' });
        assert.equal(job.statusCode, 503);
        const ready = await cut.inject({ method: 'GET', url: '/readyz' });
        assert.equal(ready.statusCode, 503);
        assert.equal(ready.json().checks.redis.ok, false);
        const metrics = await cut.inject({ method: 'GET', url: '/metrics' });
        assert.equal(metrics.statusCode, 200);
        assert.match(metrics.body, /^finkg_queue_up 0$/m);
      } finally {
        await cut.close();
        await unreachable.close();
      }
    });

    it('answers 503 with Retry-After on graph routes when Neo4j does not answer', async () => {
      // A port where nothing listens (the kernel just gave it), rather than stopping the shared test server.
      const driver = createNeo4jDriver(
        { ...config, neo4jUri: `bolt://127.0.0.1:${await freePort()}` },
        { retryForMs: GRAPH_RETRY_MS },
      );
      const cut = buildApp({
        queue,
        store,
        maxDocumentBytes: MAX_BYTES,
        graph: { driver, database: 'neo4j' },
      });
      try {
        for (const request of [
          { method: 'GET' as const, url: '/v1/search?q=茅台' },
          { method: 'POST' as const, url: '/v1/cypher', payload: { query: 'RETURN 1 AS one' } },
        ]) {
          const response = await cut.inject(request);
          assert.equal(response.statusCode, 503, `${request.url}: ${response.body}`);
          assert.equal(response.headers['retry-after'], '5');
          assert.deepEqual(response.json(), {
            error: 'unavailable',
            message: 'the graph database is not reachable; try again shortly',
          });
        }
      } finally {
        await cut.close();
        await driver.close();
      }
    });

    it('answers an oversized header with 431 in the usual error shape', async () => {
      const url = await app.listen({ host: '127.0.0.1', port: 0 });
      const response = await fetch(`${url}/healthz`, { headers: { 'x-padding': 'a'.repeat(64 * 1024) } });
      assert.equal(response.status, 431);
      assert.match(String(response.headers.get('content-type')), /^application\/json/);
      assert.deepEqual(await response.json(), {
        error: 'headers_too_large',
        message: 'the request headers are larger than the server accepts',
      });
    });

    it('answers unknown routes with a JSON 404', async () => {
      const response = await app.inject({ method: 'GET', url: '/v2/nothing' });
      assert.equal(response.statusCode, 404);
      assert.equal(response.json().error, 'not_found');
    });
  });
});
