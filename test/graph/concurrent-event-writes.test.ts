import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { writeDocumentGraph } from '../../src/graph/index.js';
import type { GraphDocument } from '../../src/link/graph-document.js';
import { pledgeNotice } from '../support/pledge-notice.js';
import { openTestGraph } from '../support/test-graph.js';
import { testConfig, uniquePrefix } from '../support/test-services.js';

const config = testConfig();
const prefix = uniquePrefix();
let driver: Driver;

/** A notice of a pledge on 2024-03-10, by a holder and to a bank of the round's own. */
function notice(round: number, id: string, publishedAt: string): GraphDocument {
  return pledgeNotice({
    documentId: `${prefix}-${round}-${id}`,
    title: id,
    publishedAt,
    date: '2024-03-10',
    shares: 10_000_000,
    holder: { key: `${prefix}-holder${round}`, name: `${prefix}淼垚投资${round}有限公司` },
    bank: { key: `${prefix}-bank${round}`, name: `${prefix}淼垚银行${round}` },
  });
}

describe('one event when two documents tell it at the same moment', () => {
  let closeGraph: (() => Promise<void>) | undefined;
  before(async () => {
    ({ driver, close: closeGraph } = await openTestGraph(config, prefix));
  });
  after(() => closeGraph?.());

  it('makes one event with two sources, whichever transaction commits first', async () => {
    const outcomes: number[] = [];
    for (let round = 0; round < 6; round++) {
      // Odd rounds: both parties are already in the graph (an earlier document named them).
      if (round % 2 === 1)
        await writeDocumentGraph(driver, config.neo4jDatabase, {
          ...notice(round, 'seed', '2024-01-02'),
          events: [],
        });
      await Promise.all([
        writeDocumentGraph(driver, config.neo4jDatabase, notice(round, 'notice', '2024-03-12')),
        writeDocumentGraph(driver, config.neo4jDatabase, notice(round, 'news', '2024-03-12')),
      ]);
      const { records } = await driver.executeQuery(
        `MATCH (:Company {key: $key})<-[:PLEDGOR]-(e:Event) RETURN count(DISTINCT e) AS events`,
        { key: `${prefix}-holder${round}` },
        { database: config.neo4jDatabase },
      );
      outcomes.push(Number(records[0]?.get('events')));
    }
    assert.deepEqual(outcomes, [1, 1, 1, 1, 1, 1], 'events per round');
  });
});
