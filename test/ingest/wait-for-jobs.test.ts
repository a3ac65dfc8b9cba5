import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, it } from 'node:test';
import type { Job } from 'bullmq';
import { type JobEvents, type JobOutcome, waitForJobs } from '../../src/ingest/index.js';

function lookup(states: Record<string, Partial<Job> & { state: string }>) {
  return {
    getJob: async (id: string) => {
      const entry = states[id];
      if (!entry) return undefined;
      const { state, ...fields } = entry;
      return { ...fields, getState: async () => state } as unknown as Job;
    },
  };
}

describe('waitForJobs', () => {
  it('follows progress and finishes on completed and failed events', async () => {
    const events = new EventEmitter();
    const progress: string[] = [];
    const finished: JobOutcome[] = [];
    const waiting = waitForJobs(
      lookup({ a: { state: 'active' }, b: { state: 'waiting' } }),
      events as unknown as JobEvents,
      ['a', 'b'],
      {
        onProgress: (jobId, stage, percent) => progress.push(`${jobId}:${stage}:${percent}`),
        onFinished: (outcome) => finished.push(outcome),
      },
    );
    await new Promise((resolve) => setImmediate(resolve));
    events.emit('progress', { jobId: 'a', data: { stage: 'parse', percent: 30 } });
    events.emit('progress', { jobId: 'other', data: { stage: 'parse' } });
    events.emit('completed', { jobId: 'a', returnvalue: { entities: 2 } });
    events.emit('failed', { jobId: 'b', failedReason: '[no_text_layer] The PDF has no text layer' });
    const outcomes = await waiting;
    assert.deepEqual(progress, ['a:parse:30']);
    assert.deepEqual(outcomes.get('a'), { jobId: 'a', state: 'completed', result: { entities: 2 } });
    assert.deepEqual(outcomes.get('b'), {
      jobId: 'b',
      state: 'failed',
      error: { code: 'no_text_layer', message: 'The PDF has no text layer' },
    });
    assert.equal(finished.length, 2);
    assert.equal(events.listenerCount('completed'), 0, 'listeners are removed');
  });

  it('does not miss jobs that finished before it started listening', async () => {
    const events = new EventEmitter();
    const outcomes = await waitForJobs(
      lookup({
        done: { state: 'completed', returnvalue: { pages: 1 } },
        broke: { state: 'failed', failedReason: '[encrypted_pdf] locked' },
      }),
      events as unknown as JobEvents,
      ['done', 'broke', 'gone'],
    );
    assert.equal(outcomes.get('done')?.state, 'completed');
    assert.equal(outcomes.get('broke')?.state, 'failed');
    assert.deepEqual(outcomes.get('gone'), {
      jobId: 'gone',
      state: 'failed',
      error: { code: 'missing', message: 'the job is no longer in the queue' },
    });
  });
});
