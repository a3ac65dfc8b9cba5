import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { createNeo4jDriver, ensureGraphSchema, writeDocumentGraph } from '../../src/graph/index.js';
import type { GraphDocument } from '../../src/link/graph-document.js';
import { removeGraphFixture } from '../support/graph-fixture.js';
import { ensureTestServices, testConfig, uniquePrefix } from '../support/test-services.js';

describe('graph writer: company names', () => {
  const config = testConfig();
  const prefix = uniquePrefix();
  const key = `${prefix}-co`;
  let driver: Driver;

  /** A one-sentence document naming the company `name` (with short name 淼垚矿业). */
  const documentNaming = (id: string, name: string): GraphDocument => ({
    document: {
      id: `${prefix}-${id}`,
      kind: 'news',
      modelVersion: 'test',
      pageCount: 1,
      processedAt: '2026-01-01T00:00:00Z',
    },
    sentences: [{ index: 0, page: 1, start: 0, end: name.length, text: name }],
    entities: [{ key, label: 'Company', name, shortNames: ['淼垚矿业'] }],
    mentions: [],
    events: [],
  });
  const storedName = async () => {
    const { records } = await driver.executeQuery(
      'MATCH (c:Company {key: $key}) RETURN c.name AS name',
      { key },
      { database: config.neo4jDatabase },
    );
    return records[0]?.get('name');
  };

  before(async () => {
    await ensureTestServices(config);
    driver = createNeo4jDriver(config);
    await ensureGraphSchema(driver, config.neo4jDatabase);
  });
  after(async () => {
    await removeGraphFixture(driver, config.neo4jDatabase, prefix);
    await driver?.close();
  });

  it('replaces a short name with the full name when one arrives, and never the other way', async () => {
    await writeDocumentGraph(driver, config.neo4jDatabase, documentNaming('report', '淼垚矿业'));
    assert.equal(await storedName(), '淼垚矿业');
    await writeDocumentGraph(driver, config.neo4jDatabase, documentNaming('filing', '淼垚矿业股份有限公司'));
    assert.equal(await storedName(), '淼垚矿业股份有限公司');
    await writeDocumentGraph(driver, config.neo4jDatabase, documentNaming('news', '淼垚矿业'));
    assert.equal(await storedName(), '淼垚矿业股份有限公司');
  });
});
