import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { createNeo4jDriver, ensureGraphSchema, writeDocumentGraph } from '../../src/graph/index.js';
import type { GraphDocument, LinkedSentence } from '../../src/link/graph-document.js';
import { removeGraphFixture } from '../support/graph-fixture.js';
import { ensureTestServices, testConfig, uniquePrefix } from '../support/test-services.js';

const config = testConfig();
const prefix = uniquePrefix();
let driver: Driver;

/** A one-sentence notice of a pledge on 2024-03-10, by a holder and to a bank of the round's own. */
function pledgeNotice(round: number, id: string, publishedAt: string): GraphDocument {
  const holder = { key: `${prefix}-holder${round}`, name: `${prefix}淼垚投资${round}有限公司` };
  const bank = { key: `${prefix}-bank${round}`, name: `${prefix}淼垚银行${round}` };
  const text = `${holder.name}将所持股份质押给${bank.name}。`;
  const sentence: LinkedSentence = { index: 0, page: 1, start: 0, end: text.length, text };
  const span = (needle: string) => {
    const start = text.indexOf(needle);
    return { sentence: 0, start, end: start + needle.length, text: needle, confidence: 0.9 };
  };
  const documentId = `${prefix}-${round}-${id}`;
  return {
    document: {
      id: documentId,
      kind: 'announcement',
      title: id,
      publishedAt,
      pageCount: 1,
      modelVersion: 'test',
      processedAt: '2026-01-01T00:00:00Z',
    },
    sentences: [sentence],
    entities: [
      { key: holder.key, label: 'Company', name: holder.name },
      { key: bank.key, label: 'Organization', name: bank.name, category: 'bank' },
    ],
    mentions: [],
    events: [
      {
        id: `${documentId}:e0`,
        type: '质押',
        typeKey: 'pledge',
        documentType: '质押',
        trigger: '质押',
        date: '2024-03-10',
        shares: 10_000_000,
        confidence: 0.9,
        mentions: [span('质押')],
        arguments: [
          {
            ...span(holder.name),
            role: 'sub-org',
            roleKey: 'pledgor org',
            entityKey: holder.key,
            label: 'Company',
          },
          {
            ...span(bank.name),
            role: 'obj-org',
            roleKey: 'pledgee org',
            entityKey: bank.key,
            label: 'Organization',
          },
        ],
      },
    ],
  };
}

describe('one event when two documents tell it at the same moment', () => {
  before(async () => {
    await ensureTestServices(config);
    driver = createNeo4jDriver(config);
    await ensureGraphSchema(driver, config.neo4jDatabase);
  });
  after(async () => {
    await removeGraphFixture(driver, config.neo4jDatabase, prefix);
    await driver?.close();
  });

  it('makes one event with two sources, whichever transaction commits first', async () => {
    const outcomes: number[] = [];
    for (let round = 0; round < 6; round++) {
      // Odd rounds: both parties are already in the graph (an earlier document named them).
      if (round % 2 === 1)
        await writeDocumentGraph(driver, config.neo4jDatabase, {
          ...pledgeNotice(round, 'seed', '2024-01-02'),
          events: [],
        });
      await Promise.all([
        writeDocumentGraph(driver, config.neo4jDatabase, pledgeNotice(round, 'notice', '2024-03-12')),
        writeDocumentGraph(driver, config.neo4jDatabase, pledgeNotice(round, 'news', '2024-03-12')),
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
