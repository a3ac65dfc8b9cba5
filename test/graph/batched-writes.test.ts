import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Job } from 'bullmq';
import type { Driver } from 'neo4j-driver';
import { dumpDifference, dumpGraph } from '../../bench/graph-dump.js';
import { observeWriteStatements } from '../../bench/observed-driver.js';
import { writeDocumentGraph, writeDocumentsGraph } from '../../src/graph/index.js';
import type { GraphDocument } from '../../src/link/graph-document.js';
import type { Logger } from '../../src/log/logger.js';
import { GraphBatcher } from '../../workers/graph-batcher.js';
import { ReadSlots } from '../../workers/read-slots.js';
import { readThenWrite } from '../../workers/read-then-write.js';
import { buybackNews } from '../support/buyback-news.js';
import { pledgeStream, removeGraphFixture } from '../support/graph-fixture.js';
import { openTestGraph } from '../support/test-graph.js';
import { testConfig, uniquePrefix } from '../support/test-services.js';

const config = testConfig();
const prefix = uniquePrefix();
let driver: Driver;

/**
 * Documents whose order matters: a company's announcement and report, one pledge told by a notice, its
 * follow-up and news items, a buy-back a news item names in words before another brings the listed
 * company, and two documents written again (reprocessed) later in the stream. In batches of four the
 * follow-up joins the notice's event and the listed company takes the worded party within a batch.
 */
function stream(): GraphDocument[] {
  const { announcement, report, notice, buyback } = pledgeStream(prefix);
  return [
    announcement,
    notice('first', '2024-03-12', '2024-03-10', 10_000_000),
    buyback('worded', false),
    notice('follow', '2024-03-20', '2024-03-11', 12_000_000),
    buyback('coded', true),
    report,
    notice('news', '2024-03-13', '2024-03-10', 10_000_000),
    { ...announcement, sentences: announcement.sentences.slice(0, 2) },
    notice('late', '2024-03-14', '2024-03-12', 10_000_000),
    notice('first', '2024-03-12', '2024-03-10', 9_000_000),
  ];
}

const dump = () => dumpGraph(driver, config.neo4jDatabase, prefix);
const removeAll = () => removeGraphFixture(driver, config.neo4jDatabase, prefix);

describe('several documents in one transaction', () => {
  let closeGraph: (() => Promise<void>) | undefined;
  before(async () => {
    ({ driver, close: closeGraph } = await openTestGraph(config, prefix));
  });
  after(() => closeGraph?.());

  it('leaves the graph that writing them one by one leaves, cross-document events and rewrites included', async () => {
    const docs = stream();
    for (const doc of docs) await writeDocumentGraph(driver, config.neo4jDatabase, doc, { setWise: false });
    const oneByOne = await dump();
    const pledges = await driver.executeQuery(
      `MATCH (:Company {key: $key})<-[:PLEDGOR]-(e:Event) RETURN e.id AS id, COUNT { (e)-[:REPORTED_IN]->() } AS sources`,
      { key: `${prefix}-holder` },
      { database: config.neo4jDatabase },
    );
    // The stream does what it is for: documents of one batch join each other's events.
    assert.ok(
      pledges.records.some((r) => Number(r.get('sources')) >= 3),
      JSON.stringify(pledges.records.map((r) => r.toObject())),
    );
    await removeAll();
    assert.deepEqual(await dump(), [], 'the stream is removed between the passes');

    const batches: string[][] = [];
    const batcher = new GraphBatcher(
      (some) => {
        batches.push(some.map((d) => d.document.id.slice(prefix.length)));
        return writeDocumentsGraph(driver, config.neo4jDatabase, some);
      },
      { maxDocuments: 4, maxWaitMs: 0 },
    );
    const summaries = await Promise.all(docs.map((doc) => batcher.write(doc)));
    const batched = await dump();
    assert.ok(
      batches.some((b) => b.length > 1),
      `documents shared a transaction: ${JSON.stringify(batches)}`,
    );
    assert.deepEqual(
      batches.flat(),
      docs.map((d) => d.document.id.slice(prefix.length)),
      'written in the order they came',
    );
    assert.equal(summaries.length, docs.length);
    assert.ok(oneByOne.length > 50, `${oneByOne.length} lines`);
    assert.ok(
      oneByOne.length === batched.length && oneByOne.every((line, i) => line === batched[i]),
      dumpDifference(oneByOne, batched),
    );
    await removeAll();
  });

  it('writes set-wise in two parts a batch whose later document takes a worded party of an earlier one', async () => {
    const { buyback, company } = buybackNews(`${prefix}-split`);
    const { notice } = pledgeStream(`${prefix}-split`);
    // The listed company of `coded` takes the party `worded` names in words (late-parties.ts).
    const docs = [
      notice('first', '2024-03-12', '2024-03-10', 10_000_000),
      buyback('worded', false),
      notice('news', '2024-03-13', '2024-03-10', 10_000_000),
      buyback('coded', true),
      notice('late', '2024-03-14', '2024-03-12', 10_000_000),
    ];
    for (const doc of docs) await writeDocumentGraph(driver, config.neo4jDatabase, doc, { setWise: false });
    const oneByOne = await dump();
    const taken = await driver.executeQuery(
      'MATCH (:Event)-[r]->(:Company {key: $key}) WHERE r.documentId = $worded RETURN count(r) AS n',
      { key: company.key, worded: `${prefix}-split-worded` },
      { database: config.neo4jDatabase },
    );
    assert.equal(
      Number(taken.records[0]?.get('n')),
      1,
      'the worded party became a role of the listed company',
    );
    await removeAll();

    const byDocument: string[] = [];
    const recording = observeWriteStatements(driver, (query, params) => {
      // Only the one-by-one path takes a document's id on its own (its earlier extraction's removal).
      if ('documentId' in params) byDocument.push(query);
    });
    await writeDocumentsGraph(recording, config.neo4jDatabase, docs);
    assert.deepEqual(byDocument, [], 'no document of the batch was written with its own statements');
    const batched = await dump();
    assert.ok(
      oneByOne.length === batched.length && oneByOne.every((line, i) => line === batched[i]),
      dumpDifference(oneByOne, batched),
    );
    await removeAll();
  });

  it('writes the good documents of a batch a bad one fails, and nothing of the bad one', async () => {
    const { buyback } = buybackNews(`${prefix}-bad`);
    const good = [buyback('one', false), buyback('two', true)] as [GraphDocument, GraphDocument];
    // A property Neo4j refuses (a map inside a list): the server fails the statement.
    const bad: GraphDocument = {
      ...buyback('three', false),
      sentences: [{ index: 0, page: 1, start: 0, end: 1, text: 'x', ocrBoxes: [{ x: 1 }] as never }],
    };
    const calls: number[] = [];
    const batcher = new GraphBatcher(
      (some) => {
        calls.push(some.length);
        return writeDocumentsGraph(driver, config.neo4jDatabase, some);
      },
      { maxDocuments: 8, maxWaitMs: 20 },
    );
    const outcomes = await Promise.allSettled([good[0], bad, good[1]].map((d) => batcher.write(d)));
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.deepEqual(calls, [3, 1, 1, 1], 'the batch of three, then each alone');
    const { records } = await driver.executeQuery(
      'MATCH (d:Document) WHERE d.id STARTS WITH $p RETURN d.id AS id ORDER BY id',
      { p: `${prefix}-bad` },
      { database: config.neo4jDatabase },
    );
    assert.deepEqual(
      records.map((r) => r.get('id')),
      [`${prefix}-bad-one`, `${prefix}-bad-two`],
    );
    const sentences = await driver.executeQuery(
      'MATCH (s:Sentence) WHERE s.documentId = $id RETURN count(s) AS n',
      { id: `${prefix}-bad-three` },
      { database: config.neo4jDatabase },
    );
    assert.equal(Number(sentences.records[0]?.get('n')), 0);
  });

  it('through a worker reading one job at a time: the next jobs are read while one is written and share the next transaction; a bad one fails alone, each job completes once its document is in the graph', async () => {
    const { buyback } = buybackNews(`${prefix}-ahead`);
    const bad: GraphDocument = {
      ...buyback('bad', false),
      sentences: [{ index: 0, page: 1, start: 0, end: 1, text: 'x', ocrBoxes: [{ x: 1 }] as never }],
    };
    const docs = [buyback('a', false), buyback('b', true), bad, buyback('c', false), buyback('d', true)];
    const byId = new Map(docs.map((d) => [d.document.id, d]));
    const transactions: number[] = [];
    const batcher = new GraphBatcher(
      (some) => {
        transactions.push(some.length);
        return writeDocumentsGraph(driver, config.neo4jDatabase, some);
      },
      { maxDocuments: 8, maxWaitMs: 0 },
    );
    let reading = 0;
    const read = async (job: Job) => {
      assert.equal(++reading, 1, 'one read at a time');
      await new Promise((resolve) => setTimeout(resolve, 2));
      reading--;
      return { result: { documentId: job.id, timings: {} }, graph: byId.get(job.id as string) };
    };
    const held = async (id: string) => {
      const { records } = await driver.executeQuery(
        'MATCH (d:Document {id: $id}) RETURN count(d) AS n',
        { id },
        { database: config.neo4jDatabase },
      );
      return Number(records[0]?.get('n'));
    };
    const processor = readThenWrite(read, new ReadSlots(1), batcher, { info() {} } as unknown as Logger);
    const outcomes = await Promise.allSettled(
      docs.map(async (d) => {
        const id = d.document.id;
        await processor({ id, data: {}, updateProgress: async () => {} } as unknown as Job);
        // Completed: the document is committed.
        assert.equal(await held(id), 1, `${id} in the graph when its job completes`);
      }),
    );
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled'],
    );
    assert.ok(
      transactions.some((n) => n > 1),
      `transactions: ${transactions.join(', ')}`,
    );
    assert.equal(await held(bad.document.id), 0);
    await removeGraphFixture(driver, config.neo4jDatabase, `${prefix}-ahead`);
  });
});
