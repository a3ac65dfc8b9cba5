import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Job } from 'bullmq';
import { describeJob, getJobStatus, parseFailure, readProgress } from '../../src/ingest/index.js';

const documentId = 'a'.repeat(64);

function fakeJob(fields: Partial<Job>): Job {
  return {
    id: '42',
    data: { documentId, submittedAt: '2025-01-02T03:04:05.000Z' },
    progress: 0,
    attemptsMade: 0,
    timestamp: Date.parse('2025-01-02T03:04:05.000Z'),
    ...fields,
  } as Job;
}

describe('parseFailure', () => {
  it('splits the bracketed code from the text', () => {
    assert.deepEqual(parseFailure('[corrupt_pdf] The PDF is truncated or corrupt.'), {
      code: 'corrupt_pdf',
      message: 'The PDF is truncated or corrupt.',
    });
  });

  it('calls anything else internal', () => {
    assert.deepEqual(parseFailure('connect ECONNREFUSED 127.0.0.1:7687'), {
      code: 'internal',
      message: 'connect ECONNREFUSED 127.0.0.1:7687',
    });
    assert.equal(parseFailure('').code, 'internal');
  });
});

describe('readProgress', () => {
  it('reads stage and percent, and plain numbers as percent', () => {
    assert.deepEqual(readProgress({ stage: 'extract', percent: 40 }), { stage: 'extract', percent: 40 });
    assert.deepEqual(readProgress(55), { percent: 55 });
    assert.deepEqual(readProgress(250), { percent: 100 });
    assert.deepEqual(readProgress({ stage: 7 }), {});
    assert.deepEqual(readProgress(undefined), {});
  });
});

describe('describeJob', () => {
  it('shows a waiting job as queued', () => {
    assert.deepEqual(describeJob(fakeJob({}), 'waiting'), {
      id: '42',
      state: 'waiting',
      stage: 'queued',
      progress: 0,
      attemptsMade: 0,
      documentId,
      submittedAt: '2025-01-02T03:04:05.000Z',
    });
  });

  it('shows a running job at the stage it reported', () => {
    const status = describeJob(
      fakeJob({ progress: { stage: 'link', percent: 70 }, attemptsMade: 1 }),
      'active',
    );
    assert.equal(status.stage, 'link');
    assert.equal(status.progress, 70);
    assert.equal(status.attemptsMade, 1);
  });

  it('shows the result and finish time of a completed job', () => {
    const result = { documentId, pages: 3, sentences: 40, entities: 12, events: 2 };
    const finishedOn = Date.parse('2025-01-02T03:05:00.000Z');
    const status = describeJob(fakeJob({ returnvalue: result, finishedOn }), 'completed');
    assert.equal(status.stage, 'done');
    assert.equal(status.progress, 100);
    assert.deepEqual(status.result, result);
    assert.equal(status.finishedAt, '2025-01-02T03:05:00.000Z');
  });

  it('shows why a job failed', () => {
    const status = describeJob(
      fakeJob({
        failedReason: '[encrypted_pdf] The PDF is password-protected.',
        progress: { stage: 'parse' },
      }),
      'failed',
    );
    assert.deepEqual(status.error, { code: 'encrypted_pdf', message: 'The PDF is password-protected.' });
    assert.equal(status.stage, 'parse');
    assert.equal(status.result, undefined);
  });
});

describe('getJobStatus', () => {
  it('is undefined for an unknown job', async () => {
    assert.equal(await getJobStatus({ getJob: async () => undefined }, 'nope'), undefined);
  });
});
