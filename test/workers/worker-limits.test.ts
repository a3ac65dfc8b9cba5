import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Job, type Queue, QueueEvents } from 'bullmq';
import type { Driver } from 'neo4j-driver';
import { buildApp } from '../../src/api/app.js';
import { createNeo4jDriver } from '../../src/graph/index.js';
import { submitDocument, submitText } from '../../src/ingest/index.js';
import {
  createDocumentQueue,
  DOCUMENTS_QUEUE,
  redisConnectionOptions,
  requestCancellation,
} from '../../src/queue/index.js';
import { startWorkerProcess, stopWorkerProcess } from '../../src/services/index.js';
import { FilesystemDocumentStore } from '../../src/store/index.js';
import { operatorBombPdf } from '../support/pdf-fixtures.js';
import { ensureTestServices, testConfig, uniquePrefix } from '../support/test-services.js';

const config = testConfig({ queuePrefix: uniquePrefix() });
const store = new FilesystemDocumentStore(path.join(config.dataDir, 'documents'));
let queue: Queue;
let events: QueueEvents;
let driver: Driver;
const deps = () => ({ queue, store, maxDocumentBytes: config.maxDocumentBytes });

async function finished(jobId: string, timeoutMs = 240_000): Promise<Job> {
  const job = (await queue.getJob(jobId)) as Job;
  await job.waitUntilFinished(events, timeoutMs).catch(() => {});
  return (await queue.getJob(jobId)) as Job;
}

async function untilActive(jobId: string, stage?: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    const job = await queue.getJob(jobId);
    const reached = !stage || (job?.progress as { stage?: string } | undefined)?.stage === stage;
    if (job && (await job.getState()) === 'active' && reached) return;
    await sleep(100);
  }
  throw new Error(`job ${jobId} never became active`);
}

async function documents(documentId: string): Promise<number> {
  const { records } = await driver.executeQuery('MATCH (d:Document {id: $id}) RETURN count(d) AS n', {
    id: documentId,
  });
  return Number(records[0]?.get('n'));
}

/** Processes whose parent is `pid`. */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map(Number);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

/** Alive and not a zombie waiting to be reaped. */
function running(pid: number): boolean {
  try {
    const state = execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    return state !== '' && !state.startsWith('Z');
  } catch {
    return false;
  }
}

const shortText = () => ({
  text: `公司于近日与华东电力签署了采购合同，合同金额为${Math.floor(Math.random() * 1e6)}元。`,
  kind: 'news' as const,
});

describe('what one document may cost a worker', { timeout: 900_000 }, () => {
  before(async () => {
    await ensureTestServices(config);
    queue = createDocumentQueue(config);
    events = new QueueEvents(DOCUMENTS_QUEUE, {
      connection: redisConnectionOptions(config.redisUrl, 'worker'),
      prefix: config.queuePrefix,
    });
    await events.waitUntilReady();
    driver = createNeo4jDriver(config);
  });

  after(async () => {
    await queue.obliterate({ force: true });
    await Promise.allSettled([events.close(), queue.close(), driver.close()]);
  });

  describe('with a read limit of 4 s', () => {
    let worker: ChildProcess;
    before(() => {
      worker = startWorkerProcess(config, { DOCUMENT_READ_SECONDS: '4', KNOWLEDGE_REFRESH_SECONDS: '0' });
    });
    after(() => stopWorkerProcess(worker));

    it('fails a small PDF that takes too long to read once, with the reason, and goes on', async () => {
      const bomb = operatorBombPdf(20 * 1024 * 1024);
      assert.ok(bomb.byteLength < 200_000, 'a small file');
      const slow = await submitDocument(deps(), { bytes: bomb, fileName: 'bomb.pdf', kind: 'announcement' });
      const done = await finished(slow.jobId);
      assert.equal(await done.getState(), 'failed');
      assert.equal(done.attemptsMade, 1, 'not retried');
      assert.match(done.failedReason, /^\[document_too_slow\] .*over 4 s; stopped during parse/);
      assert.equal(await documents(slow.documentId), 0);
      const next = await submitText(deps(), shortText());
      const good = await finished(next.jobId);
      assert.equal(await good.getState(), 'completed', good.failedReason);
    });

    it('fails a deterministic error once, with its message', async (t) => {
      // The store holds a directory where the bytes should be: reading it fails the same way every time.
      const documentId = 'e'.repeat(64);
      const unreadable = path.join(config.dataDir, 'documents', 'ee', 'ee', documentId);
      await mkdir(unreadable, { recursive: true });
      t.after(() => rm(unreadable, { recursive: true, force: true }));
      const job = await queue.add('document', {
        documentId,
        storeKey: documentId,
        fileName: 'a.pdf',
        kind: 'other',
        submittedAt: new Date().toISOString(),
      });
      const done = await finished(job.id as string, 60_000);
      assert.equal(await done.getState(), 'failed');
      assert.equal(done.attemptsMade, 1, 'not retried');
      assert.match(done.failedReason, /EISDIR/);
    });
  });

  describe('with a memory limit of 96 MiB', () => {
    let worker: ChildProcess;
    before(() => {
      worker = startWorkerProcess(config, { DOCUMENT_MEMORY_MB: '96', KNOWLEDGE_REFRESH_SECONDS: '0' });
    });
    after(() => stopWorkerProcess(worker, 'SIGKILL'));

    it('fails a document that needs more memory once, with the reason, and goes on', async () => {
      const bomb = operatorBombPdf(40 * 1024 * 1024);
      const big = await submitDocument(deps(), { bytes: bomb, fileName: 'big.pdf', kind: 'announcement' });
      const done = await finished(big.jobId);
      assert.equal(await done.getState(), 'failed');
      assert.equal(done.attemptsMade, 1, 'not retried');
      assert.match(done.failedReason, /^\[document_too_large_in_memory\] .*96 MiB/);
      const next = await submitText(deps(), shortText());
      const good = await finished(next.jobId);
      assert.equal(await good.getState(), 'completed', good.failedReason);
    });

    it('lets an admin cancel an active job: it fails once, writes nothing, and the worker goes on', async () => {
      const app = buildApp({
        ...deps(),
        cancelJob: (jobId) => requestCancellation(config.redisUrl, config.queuePrefix, jobId),
      });
      try {
        const bomb = operatorBombPdf(20 * 1024 * 1024 + 4096);
        const long = await submitDocument(deps(), {
          bytes: bomb,
          fileName: 'long.pdf',
          kind: 'announcement',
        });
        await untilActive(long.jobId, 'parse');
        const response = await app.inject({ method: 'POST', url: `/v1/jobs/${long.jobId}/cancel` });
        assert.equal(response.statusCode, 200, response.body);
        const body = response.json() as { state: string; attemptsMade: number; error: { message: string } };
        assert.equal(body.state, 'failed');
        assert.equal(body.attemptsMade, 1);
        assert.match(body.error.message, /cancelled by admin/);
        assert.equal(await documents(long.documentId), 0);

        const again = await app.inject({ method: 'POST', url: `/v1/jobs/${long.jobId}/cancel` });
        assert.equal(again.statusCode, 409, 'a failed job is not active');
        const next = await submitText(deps(), shortText());
        const good = await finished(next.jobId);
        assert.equal(await good.getState(), 'completed', good.failedReason);
      } finally {
        await app.close();
      }
    });

    it('takes its processor along when it is killed with SIGKILL', async () => {
      const bomb = operatorBombPdf(20 * 1024 * 1024 + 8192);
      const slow = await submitDocument(deps(), { bytes: bomb, fileName: 'slow.pdf', kind: 'announcement' });
      await untilActive(slow.jobId, 'parse');
      const children = childrenOf(worker.pid as number);
      assert.ok(children.length >= 1, 'the worker runs the job in a child process');
      // The parent alone, not its process group: the way an OOM killer or `kill -9 <pid>` does it.
      process.kill(worker.pid as number, 'SIGKILL');
      for (let i = 0; i < 50 && children.some(running); i++) await sleep(100);
      assert.deepEqual(children.filter(running), [], 'the processor exits within 5 s of its worker');
    });
  });
});
