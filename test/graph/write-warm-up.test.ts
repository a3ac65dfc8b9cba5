import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { dumpGraph } from '../../bench/graph-dump.js';
import { observeWriteStatements } from '../../bench/observed-driver.js';
import { warmUpGraphWrites, writeDocumentGraph, writeDocumentsGraph } from '../../src/graph/index.js';
import { buildGraphFixture } from '../support/graph-fixture.js';
import { openTestGraph } from '../support/test-graph.js';
import { testConfig, uniquePrefix } from '../support/test-services.js';

describe('graph write warm-up', () => {
  const config = testConfig();
  const database = config.neo4jDatabase;
  const prefix = uniquePrefix();
  let driver: Driver;
  let closeGraph: (() => Promise<void>) | undefined;
  before(async () => {
    ({ driver, close: closeGraph } = await openTestGraph(config, prefix));
  });
  after(() => closeGraph?.());

  /** Every statement the writer runs while `write` runs, with the parameters of its first run. */
  const recorded = async (write: (recording: Driver) => Promise<unknown>) => {
    const statements = new Map<string, Record<string, unknown>>();
    const recording = observeWriteStatements(driver, (query, params) => {
      if (!statements.has(query)) statements.set(query, params);
    });
    await write(recording);
    return statements;
  };

  /** The fixture's documents by every path: set-wise together, one by one, and written again. */
  const writeEveryWay = (recording: Driver) => async () => {
    const [batched, alone] = [buildGraphFixture(`${prefix}a`), buildGraphFixture(`${prefix}b`)];
    await writeDocumentsGraph(recording, database, batched.documents);
    for (const doc of alone.documents) await writeDocumentGraph(recording, database, doc);
    await writeDocumentsGraph(recording, database, batched.documents.slice(0, 2));
  };

  it('runs every statement the writer runs, and keeps nothing', async () => {
    const warmUp = await recorded((recording) => warmUpGraphWrites(recording, database).all);
    const writer = await recorded((recording) => writeEveryWay(recording)());
    assert.ok(writer.size >= 10, `${writer.size} statements recorded`);
    const missing = [...writer.keys()].filter((query) => !warmUp.has(query));
    assert.deepEqual(missing, [], 'statements the warm-up does not plan');
    assert.deepEqual(await dumpGraph(driver, database, 'finkg-warm-up'), []);
  });

  it("gives each statement one map of rows, as lists' sizes would each make a plan of their own", async () => {
    const writer = await recorded((recording) => writeEveryWay(recording)());
    for (const [query, params] of writer) {
      const sized = Object.entries(params).filter(
        // A document id is a sha256 or a test's id: one size class for a deployment.
        ([name, value]) => Array.isArray(value) || (typeof value === 'string' && name !== 'documentId'),
      );
      assert.deepEqual(
        sized.map(([name]) => name),
        [],
        `a list or string parameter outside $args in\n${query}`,
      );
    }
  });
});
