import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Job, UnrecoverableError } from 'bullmq';
import type { WriteSummary } from '../../src/graph/index.js';
import type { Logger } from '../../src/log/logger.js';
import { GraphBatcher } from '../../workers/graph-batcher.js';
import { LeftBeforeReading, ReadSlots } from '../../workers/read-slots.js';
import { afterWrites, readThenWrite } from '../../workers/read-then-write.js';
import { emptyDocument } from '../support/empty-document.js';

const doc = emptyDocument;

const summary: WriteSummary = {
  sentences: 0,
  entities: 0,
  mentions: 0,
  events: 0,
  eventsJoined: 0,
  arguments: 0,
  orphansRemoved: 0,
};

const quiet = { info() {} } as unknown as Logger;

const job = (id: string) =>
  ({ id, data: { documentId: id }, updateProgress: async () => {} }) as unknown as Job;

/** What happened, in order: `read <id>`, `read done <id>`, `write <ids>`, `committed <ids>`. */
function trace(
  readMs: number,
  writeMs: number,
  failing: (ids: string[]) => Error | undefined = () => undefined,
) {
  const steps: string[] = [];
  let reading = 0;
  let mostReading = 0;
  const read = async (j: Job) => {
    reading++;
    mostReading = Math.max(mostReading, reading);
    steps.push(`read ${j.id}`);
    await sleep(readMs);
    reading--;
    steps.push(`read done ${j.id}`);
    return { result: { documentId: j.id, timings: {} }, graph: doc(j.id as string) };
  };
  const transactions: string[][] = [];
  const batcher = new GraphBatcher(
    async (docs) => {
      const ids = docs.map((d) => d.document.id);
      transactions.push(ids);
      steps.push(`write ${ids.join(',')}`);
      await sleep(writeMs);
      const error = failing(ids);
      if (error) throw error;
      steps.push(`committed ${ids.join(',')}`);
      return ids.map(() => summary);
    },
    { maxDocuments: 16, maxWaitMs: 0 },
  );
  return { steps, transactions, read, batcher, mostReading: () => mostReading };
}

describe('reading while the graph is written', () => {
  it('reads the next job while the previous one is written, one read at a time, and completes a job only once committed', async () => {
    const t = trace(20, 60);
    const processor = readThenWrite(t.read, new ReadSlots(1), t.batcher, quiet);
    const done: string[] = [];
    const jobs = ['a', 'b', 'c', 'd'].map((id) =>
      processor(job(id)).then(() => {
        done.push(id);
        // A job completes after its transaction committed, never before.
        assert.ok(t.steps.some((s) => s.startsWith('committed') && s.split(' ')[1]?.split(',').includes(id)));
      }),
    );
    await Promise.all(jobs);
    assert.equal(t.mostReading(), 1);
    // b is read while a is written; b, c and d, read meanwhile, share the next transactions.
    assert.ok(t.steps.indexOf('read b') < t.steps.indexOf('committed a'));
    assert.ok(t.transactions.length < 4, `transactions: ${JSON.stringify(t.transactions)}`);
    assert.deepEqual(t.transactions.flat(), ['a', 'b', 'c', 'd']);
    assert.deepEqual(done.sort(), ['a', 'b', 'c', 'd']);
  });

  it('fails only the bad job of a shared transaction; the others are written and complete', async () => {
    const bad = new Error('Property values can only be of primitive types');
    const t = trace(5, 40, (ids) => (ids.includes('bad') ? bad : undefined));
    const processor = readThenWrite(t.read, new ReadSlots(1), t.batcher, quiet);
    const outcomes = await Promise.allSettled(['a', 'b', 'bad', 'c'].map((id) => processor(job(id))));
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['fulfilled', 'fulfilled', 'rejected', 'fulfilled'],
    );
    // The shared transaction held the bad document and others; each was then written alone.
    assert.ok(t.transactions.some((ids) => ids.length > 1 && ids.includes('bad')));
    assert.deepEqual(t.transactions, [['a'], ['b', 'bad', 'c'], ['b'], ['bad'], ['c']]);
  });

  it('fails a job cancelled while it waits for its read without reading it', async () => {
    const t = trace(40, 5);
    const processor = readThenWrite(t.read, new ReadSlots(1), t.batcher, quiet);
    const first = processor(job('a'));
    const abort = new AbortController();
    const second = processor(job('b'), undefined, abort.signal);
    await sleep(5);
    abort.abort('[cancelled] cancelled by admin');
    await assert.rejects(
      second,
      (error: Error) => error instanceof UnrecoverableError && /cancelled/.test(error.message),
    );
    await first;
    assert.ok(!t.steps.includes('read b'));
    // The slot it waited for was not lost.
    await processor(job('c'));
    assert.ok(t.steps.includes('read c'));
  });
});

describe('company lookups of a document read while others are written', () => {
  it('wait for the documents handed to the writer before them, failed ones included, and no others', async () => {
    const t = trace(0, 40, (ids) => (ids.includes('bad') ? new Error('refused') : undefined));
    const answered: string[] = [];
    const lookups = afterWrites(
      {
        findCompanies: async () => {
          answered.push(`answered after ${t.steps.filter((s) => s.startsWith('committed')).length} commits`);
          return [];
        },
      },
      t.batcher,
    );
    await lookups.findCompanies({ names: [], codes: [] });
    const a = t.batcher.write(doc('a'));
    const bad = t.batcher.write(doc('bad')).catch(() => 'failed');
    const lookup = lookups.findCompanies({ names: ['x'], codes: [] });
    // Handed over after the lookup: not waited for.
    const later = t.batcher.write(doc('later'));
    await lookup;
    assert.equal(await bad, 'failed');
    await Promise.all([a, later]);
    assert.deepEqual(answered, ['answered after 0 commits', 'answered after 1 commits']);
    assert.ok(t.steps.indexOf('committed later') > 0);
  });
});

describe('read slots', () => {
  it('hands a freed slot to the oldest waiter and never runs more than its size', async () => {
    const slots = new ReadSlots(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4].map((i) =>
        slots.hold(async () => {
          running++;
          most = Math.max(most, running);
          order.push(i);
          await sleep(10);
          running--;
        }),
      ),
    );
    assert.equal(most, 2);
    assert.deepEqual(order, [0, 1, 2, 3, 4]);
  });

  it('gives its slot back when the read fails, and refuses an already aborted signal', async () => {
    const slots = new ReadSlots(1);
    await assert.rejects(
      slots.hold(async () => Promise.reject(new Error('bad pdf'))),
      /bad pdf/,
    );
    assert.equal(await slots.hold(async () => 'next'), 'next');
    const abort = new AbortController();
    abort.abort();
    await assert.rejects(
      slots.hold(async () => 'never', abort.signal),
      LeftBeforeReading,
    );
    assert.throws(() => new ReadSlots(0));
  });
});
