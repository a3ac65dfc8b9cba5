import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import neo4j, { Neo4jError } from 'neo4j-driver';
import type { WriteSummary } from '../../src/graph/index.js';
import type { GraphDocument } from '../../src/link/graph-document.js';
import { GraphBatcher } from '../../workers/graph-batcher.js';
import { emptyDocument } from '../support/empty-document.js';

const doc = emptyDocument;

const summary = (sentences: number): WriteSummary => ({
  sentences,
  entities: 0,
  mentions: 0,
  events: 0,
  eventsJoined: 0,
  arguments: 0,
  orphansRemoved: 0,
});

/** A writer that records each transaction's ids, takes `ms`, and fails a transaction holding `bad`. */
function recordingWriter(ms = 5, failure: (ids: string[]) => Error | undefined = () => undefined) {
  const transactions: string[][] = [];
  const write = async (docs: readonly GraphDocument[]) => {
    const ids = docs.map((d) => d.document.id);
    transactions.push(ids);
    await sleep(ms);
    const error = failure(ids);
    if (error) throw error;
    return ids.map((_, i) => summary(i));
  };
  return { transactions, write };
}

describe('graph batcher', () => {
  it('writes a document at once when idle, and those that come meanwhile together, in order, up to the most', async () => {
    const { transactions, write } = recordingWriter();
    const batcher = new GraphBatcher(write, { maxDocuments: 3, maxWaitMs: 0 });
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const results = await Promise.all(ids.map((id) => batcher.write(doc(id))));
    assert.deepEqual(transactions, [['a'], ['b', 'c', 'd'], ['e', 'f']]);
    // Each caller gets its own document's summary.
    assert.deepEqual(
      results.map((r) => r.sentences),
      [0, 0, 1, 2, 0, 1],
    );
  });

  it('waits up to maxWaitMs for others when idle', async () => {
    const { transactions, write } = recordingWriter();
    const batcher = new GraphBatcher(write, { maxDocuments: 8, maxWaitMs: 50 });
    const first = batcher.write(doc('a'));
    await sleep(5);
    await Promise.all([first, batcher.write(doc('b'))]);
    assert.deepEqual(transactions, [['a', 'b']]);
  });

  it('never puts one document twice in a transaction, and keeps the order of its versions', async () => {
    const { transactions, write } = recordingWriter();
    const batcher = new GraphBatcher(write, { maxDocuments: 8, maxWaitMs: 0 });
    await Promise.all(['a', 'b', 'c', 'b', 'd', 'b'].map((id) => batcher.write(doc(id))));
    assert.deepEqual(transactions, [['a'], ['b', 'c', 'd'], ['b'], ['b']]);
  });

  it('writes each document of a failed batch alone, so only the bad one fails', async () => {
    const bad = new Error('Property values can only be of primitive types');
    const { transactions, write } = recordingWriter(5, (ids) => (ids.includes('bad') ? bad : undefined));
    const batcher = new GraphBatcher(write, { maxDocuments: 8, maxWaitMs: 0 });
    const outcomes = await Promise.allSettled(['a', 'b', 'bad', 'c'].map((id) => batcher.write(doc(id))));
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['fulfilled', 'fulfilled', 'rejected', 'fulfilled'],
    );
    assert.equal((outcomes[2] as PromiseRejectedResult).reason, bad);
    assert.deepEqual(transactions, [['a'], ['b', 'bad', 'c'], ['b'], ['bad'], ['c']]);
  });

  it('fails the whole batch at once when the server cannot be reached (the jobs are retried later)', async () => {
    const down = new Neo4jError('connection refused', neo4j.error.SERVICE_UNAVAILABLE, '', '');
    const { transactions, write } = recordingWriter(5, (ids) => (ids.length > 1 ? down : undefined));
    const batcher = new GraphBatcher(write, { maxDocuments: 8, maxWaitMs: 0 });
    const outcomes = await Promise.allSettled(['a', 'b', 'c'].map((id) => batcher.write(doc(id))));
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['fulfilled', 'rejected', 'rejected'],
    );
    assert.deepEqual(transactions, [['a'], ['b', 'c']]);
  });

  it('refuses a batch size below one', () => {
    assert.throws(() => new GraphBatcher(async () => [], { maxDocuments: 0, maxWaitMs: 0 }));
  });
});
