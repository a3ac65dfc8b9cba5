import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { dumpDifference, dumpGraph } from '../../bench/graph-dump.js';
import { NeedsDocumentByDocument, writeNewDocuments } from '../../src/graph/batch-writer.js';
import { type WriteSummary, writeDocumentGraph } from '../../src/graph/index.js';
import type { GraphDocument } from '../../src/link/graph-document.js';
import { buybackNews } from '../support/buyback-news.js';
import { pledgeStream, removeGraphFixture } from '../support/graph-fixture.js';
import { openTestGraph } from '../support/test-graph.js';
import { testConfig, uniquePrefix } from '../support/test-services.js';

const config = testConfig();
const prefix = uniquePrefix();
let driver: Driver;

/**
 * New documents in two batches: the first holds a pledge notice and its follow-up (the follow-up joins
 * the event the notice creates in the same batch) and a news item naming a buy-back's company in words;
 * the second the news item that brings the listed company (it takes the worded party written before),
 * a report, and two more items telling the pledge (they join a stored event whose values they change).
 */
function batches(): [GraphDocument[], GraphDocument[]] {
  const { announcement, report, notice, buyback } = pledgeStream(prefix);
  return [
    [
      announcement,
      notice('first', '2024-03-12', '2024-03-10', 10_000_000),
      notice('follow', '2024-03-20', '2024-03-11', 12_000_000),
      buyback('worded', false),
    ],
    [
      buyback('coded', true),
      report,
      notice('news', '2024-03-08', '2024-03-10', 10_000_000),
      notice('late', '2024-03-14', '2024-03-12', 10_000_000),
    ],
  ];
}

const dump = () => dumpGraph(driver, config.neo4jDatabase, prefix);
const removeAll = () => removeGraphFixture(driver, config.neo4jDatabase, prefix);

async function setWise(docs: readonly GraphDocument[]): Promise<WriteSummary[]> {
  const session = driver.session({ database: config.neo4jDatabase, defaultAccessMode: 'WRITE' });
  try {
    return await session.executeWrite((tx) => writeNewDocuments(tx, docs));
  } finally {
    await session.close();
  }
}

describe('new documents written set-wise', () => {
  let closeGraph: (() => Promise<void>) | undefined;
  before(async () => {
    ({ driver, close: closeGraph } = await openTestGraph(config, prefix));
  });
  after(() => closeGraph?.());

  it('leave the graph their own statements leave, one document after another', async () => {
    const [first, second] = batches();
    const oneByOne: WriteSummary[] = [];
    for (const doc of [...first, ...second])
      oneByOne.push(await writeDocumentGraph(driver, config.neo4jDatabase, doc, { setWise: false }));
    const expected = await dump();
    const taken = await driver.executeQuery(
      'MATCH (:Event)-[r]->(:Company {key: $key}) WHERE r.documentId = $worded RETURN count(r) AS n',
      { key: `${prefix}-hk`, worded: `${prefix}-worded` },
      { database: config.neo4jDatabase },
    );
    await removeAll();
    assert.deepEqual(await dump(), [], 'the documents are removed between the passes');

    const written = [...(await setWise(first)), ...(await setWise(second))];
    const actual = await dump();
    assert.deepEqual(written, oneByOne, 'the same summaries');
    // The stream does what it is for: joins inside a batch and across batches, a worded party taken.
    assert.ok((written[2]?.eventsJoined ?? 0) > 0, 'the follow-up joins the notice of its batch');
    assert.ok((written[6]?.eventsJoined ?? 0) > 0 && (written[7]?.eventsJoined ?? 0) > 0);
    assert.equal(Number(taken.records[0]?.get('n')), 1, 'the listed company took the worded party');
    assert.ok((written[4]?.eventsJoined ?? 0) > 0, 'the coded item joins the worded one through it');
    assert.ok(expected.length > 50, `${expected.length} lines`);
    assert.ok(
      expected.length === actual.length && expected.every((line, i) => line === actual[i]),
      dumpDifference(expected, actual),
    );
    await removeAll();
  });

  it('refuse, keeping nothing, a batch whose listed company may take a worded party of an earlier document of it', async () => {
    const { buyback } = buybackNews(`${prefix}-pair`);
    await assert.rejects(
      setWise([buyback('worded', false), buyback('coded', true)]),
      NeedsDocumentByDocument,
    );
    assert.deepEqual(await dumpGraph(driver, config.neo4jDatabase, `${prefix}-pair`), []);
    // The other order has nothing to take: set-wise.
    await setWise([buyback('coded2', true), buyback('worded2', false)]);
    await removeGraphFixture(driver, config.neo4jDatabase, `${prefix}-pair`);
  });

  it('refuse, keeping nothing, a batch that holds a document the graph holds already', async () => {
    const [first] = batches();
    const [announcement, notice] = first as [GraphDocument, GraphDocument];
    await writeDocumentGraph(driver, config.neo4jDatabase, notice, { setWise: false });
    const before = await dump();
    await assert.rejects(setWise([announcement, notice]), NeedsDocumentByDocument);
    assert.deepEqual(await dump(), before);
    await removeAll();
  });
});
