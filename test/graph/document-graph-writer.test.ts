import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { writeDocumentGraph } from '../../src/graph/index.js';
import type { GraphDocument } from '../../src/link/graph-document.js';
import { openTestGraph } from '../support/test-graph.js';
import { testConfig, uniquePrefix } from '../support/test-services.js';

describe('graph writer: company names', () => {
  const config = testConfig();
  const prefix = uniquePrefix();
  const key = `${prefix}-co`;
  let driver: Driver;

  const mentionOf = (entityKey: string, text: string) => ({
    entityKey,
    label: 'Company' as const,
    type: 'company',
    sentence: 0,
    start: 0,
    end: text.length,
    text,
    confidence: 1,
  });
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
    mentions: [mentionOf(key, name)],
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

  let closeGraph: (() => Promise<void>) | undefined;
  before(async () => {
    ({ driver, close: closeGraph } = await openTestGraph(config, prefix));
  });
  after(() => closeGraph?.());

  it('replaces a short name with the full name when one arrives, and never the other way', async () => {
    await writeDocumentGraph(driver, config.neo4jDatabase, documentNaming('report', '淼垚矿业'));
    assert.equal(await storedName(), '淼垚矿业');
    await writeDocumentGraph(driver, config.neo4jDatabase, documentNaming('filing', '淼垚矿业股份有限公司'));
    assert.equal(await storedName(), '淼垚矿业股份有限公司');
    await writeDocumentGraph(driver, config.neo4jDatabase, documentNaming('news', '淼垚矿业'));
    assert.equal(await storedName(), '淼垚矿业股份有限公司');
  });

  it('creates no node for an entity none of its facts refers to, and still teaches a node the graph has', async () => {
    // As the chaos benchmark's document 94 (seed 1) was read: the model gave a contract both the party
    // 中和电子科技有限公司 and its cut-short tail 电子科技有限公司, the linker made an entity of each, and
    // assembly kept the full one only; the tail became a Company node without relationships.
    const tail = `${prefix}-tail`;
    const known = `${prefix}-known`;
    const id = `${prefix}-contract`;
    const text = '公司于近日与中和电子科技有限公司签署了《设备采购合同》。';
    const doc: GraphDocument = {
      document: {
        id,
        kind: 'announcement',
        modelVersion: 'test',
        pageCount: 1,
        processedAt: '2026-01-01T00:00:00Z',
      },
      sentences: [{ index: 0, page: 1, start: 0, end: text.length, text }],
      entities: [
        { key: `${prefix}-full`, label: 'Company', name: '中和电子科技有限公司' },
        { key: tail, label: 'Company', name: '电子科技有限公司' },
        { key: known, label: 'Company', name: '淼垚矿业股份有限公司', hkCode: '09999' },
      ],
      mentions: [mentionOf(`${prefix}-full`, '中和电子科技有限公司')],
      events: [],
    };
    await driver.executeQuery(
      'CREATE (:Company {key: $known, name: $name})',
      { known, name: '淼垚矿业股份有限公司' },
      { database: config.neo4jDatabase },
    );
    await writeDocumentGraph(driver, config.neo4jDatabase, doc);
    const { records } = await driver.executeQuery(
      `MATCH (c:Company) WHERE c.key IN $keys
       RETURN c.key AS key, c.hkCode AS hkCode, COUNT { (c)--() } AS relationships ORDER BY key`,
      { keys: [`${prefix}-full`, tail, known] },
      { database: config.neo4jDatabase },
    );
    assert.deepEqual(
      records.map((r) => [r.get('key'), r.get('hkCode'), Number(r.get('relationships'))]),
      [
        [`${prefix}-full`, null, 1],
        [known, '09999', 0],
      ],
      'the mentioned company is written, the unreferenced tail is not, the known node learns its code',
    );
  });
});
