import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Job, type Queue, QueueEvents, UnrecoverableError, Worker } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import { ApiMetrics } from '../../src/api/metrics.js';
import { createDocumentQueue, DOCUMENTS_QUEUE, redisConnectionOptions } from '../../src/queue/index.js';
import { ensureRedis } from '../../src/services/index.js';
import { FilesystemDocumentStore } from '../../src/store/index.js';
import { testConfig, uniquePrefix } from '../support/test-services.js';

/** The value of one sample line (`name{labels} value`) in the exposition text. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('ApiMetrics', () => {
  const idleQueue = {
    getJobCounts: async () => ({ waiting: 2, active: 1 }),
    getRanges: async () => [] as string[],
    getJob: async () => undefined,
  };

  it('turns worker timings into stage histograms and ignores unknown stages', async () => {
    const metrics = new ApiMetrics(idleQueue);
    metrics.recordCompleted({ timings: { parse: 1500, extract: 4000, link: 20, graph: 80, wobble: 5 } });
    metrics.recordCompleted({ pages: 1 });
    metrics.recordCompleted(null);
    const text = await metrics.render();
    assert.equal(sample(text, 'finkg_jobs_completed_total'), 3);
    assert.equal(sample(text, 'finkg_stage_duration_seconds_count{stage="parse"}'), 1);
    assert.equal(sample(text, 'finkg_stage_duration_seconds_sum{stage="extract"}'), 4);
    assert.equal(sample(text, 'finkg_stage_duration_seconds_bucket{le="5",stage="parse"}'), 1);
    assert.equal(sample(text, 'finkg_document_duration_seconds_sum'), 5.6);
    assert.doesNotMatch(text, /wobble/);
    assert.equal(sample(text, 'finkg_queue_jobs{state="waiting"}'), 2);
    assert.equal(sample(text, 'finkg_queue_jobs{state="failed"}'), 0);
    assert.equal(sample(text, 'finkg_queue_up'), 1);
  });

  it('counts failures by reason code', async () => {
    const metrics = new ApiMetrics(idleQueue);
    metrics.recordFailed('[corrupt_pdf] The PDF is truncated');
    metrics.recordFailed('[corrupt_pdf] The PDF is truncated');
    metrics.recordFailed('socket hang up');
    const text = await metrics.render();
    assert.equal(sample(text, 'finkg_jobs_failed_total{code="corrupt_pdf"}'), 2);
    assert.equal(sample(text, 'finkg_jobs_failed_total{code="internal"}'), 1);
  });

  it('still renders, with finkg_queue_up 0, when Redis does not answer', async () => {
    const down = new Error('Connection is closed.');
    const metrics = new ApiMetrics({
      getJobCounts: async () => Promise.reject(down),
      getRanges: async () => Promise.reject(down),
      getJob: async () => undefined,
    });
    assert.equal(sample(await metrics.render(), 'finkg_queue_up'), 0);
  });
});

describe('GET /metrics with a worker running jobs', () => {
  const config = testConfig({ queuePrefix: uniquePrefix() });
  let queue: Queue;
  let events: QueueEvents;
  let worker: Worker;
  let app: FastifyInstance;
  let storeRoot: string;

  before(async () => {
    await ensureRedis(config);
    storeRoot = await mkdtemp(path.join(tmpdir(), 'finkg-metrics-'));
    queue = createDocumentQueue(config);
    const connection = redisConnectionOptions(config.redisUrl, 'worker');
    events = new QueueEvents(DOCUMENTS_QUEUE, { connection, prefix: config.queuePrefix });
    await events.waitUntilReady();
    app = buildApp({
      queue,
      store: new FilesystemDocumentStore(storeRoot),
      maxDocumentBytes: 1024,
      queueEvents: events,
    });
    // Stands in for the real worker: same progress and result shapes, no parsing.
    worker = new Worker(
      DOCUMENTS_QUEUE,
      async (job: Job) => {
        if (String(job.data.text).includes('损坏'))
          throw new UnrecoverableError('[corrupt_pdf] The PDF is truncated');
        for (const stage of ['load', 'parse', 'extract', 'link', 'graph']) {
          await job.updateProgress({ stage, percent: 50 });
        }
        return {
          documentId: job.data.documentId,
          pages: 1,
          sentences: 2,
          entities: 3,
          events: 1,
          timings: { parse: 120, extract: 900, link: 15, graph: 40 },
        };
      },
      { connection, prefix: config.queuePrefix },
    );
  });

  after(async () => {
    await app?.close();
    await worker?.close();
    await events?.close();
    await queue?.obliterate({ force: true });
    await queue?.close();
    await rm(storeRoot, { recursive: true, force: true });
  });

  async function submitAndWait(text: string): Promise<string> {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/documents',
      payload: { text, kind: 'news' },
    });
    assert.equal(response.statusCode, 202, response.body);
    const { jobId } = response.json();
    const job = await queue.getJob(jobId);
    assert.ok(job);
    await job.waitUntilFinished(events, 20_000).catch(() => undefined);
    return jobId;
  }

  it('shows stage latencies, failures by code and queue depth', async () => {
    const done = await submitAndWait('公司发布年度报告。');
    const failed = await submitAndWait('损坏的文件');

    const completedStatus = (await app.inject({ method: 'GET', url: `/v1/jobs/${done}` })).json();
    assert.equal(completedStatus.state, 'completed');
    assert.equal(completedStatus.stage, 'done');
    assert.equal(completedStatus.result.entities, 3);
    assert.ok(completedStatus.finishedAt);
    const failedStatus = (await app.inject({ method: 'GET', url: `/v1/jobs/${failed}` })).json();
    assert.equal(failedStatus.state, 'failed');
    assert.deepEqual(failedStatus.error, { code: 'corrupt_pdf', message: 'The PDF is truncated' });

    const response = await app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/plain/);
    const text = response.body;
    assert.equal(sample(text, 'finkg_stage_duration_seconds_count{stage="extract"}'), 1);
    assert.equal(sample(text, 'finkg_stage_duration_seconds_sum{stage="parse"}'), 0.12);
    assert.equal(sample(text, 'finkg_jobs_completed_total'), 1);
    assert.equal(sample(text, 'finkg_jobs_failed_total{code="corrupt_pdf"}'), 1);
    assert.equal(sample(text, 'finkg_failed_jobs{code="corrupt_pdf"}'), 1);
    assert.equal(sample(text, 'finkg_queue_jobs{state="completed"}'), 1);
    assert.equal(sample(text, 'finkg_queue_jobs{state="failed"}'), 1);
    assert.equal(sample(text, 'finkg_queue_jobs{state="waiting"}'), 0);
    assert.match(text, /# HELP finkg_queue_jobs /);
  });
});
