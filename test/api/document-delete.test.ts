import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { writeDocumentGraph } from '../../src/graph/index.js';
import type { GraphDocument, LinkedEvent, LinkedSentence } from '../../src/link/graph-document.js';
import { type GraphApp, startGraphApp } from '../support/graph-app.js';

describe('DELETE /v1/documents/:id', () => {
  let g: GraphApp;
  let p: string;
  const holder = () => ({ key: `${p}-holder`, name: `${p}淼垚投资有限公司` });
  const bank = () => ({ key: `${p}-bank`, name: `${p}淼垚银行` });
  const guarantor = () => ({ key: `${p}-guarantor`, name: `${p}垚淼担保有限公司` });

  /**
   * A notice of the holder's pledge to the bank; the announcement also tells a guarantee only it knows,
   * by a company only it names.
   */
  function notice(id: string, shares: number, withGuarantee: boolean): GraphDocument {
    const texts = [`${holder().name}将所持股份质押给${bank().name}。`, `${guarantor().name}为其提供担保。`];
    const used = withGuarantee ? texts : texts.slice(0, 1);
    let offset = 0;
    const sentences: LinkedSentence[] = used.map((text, index) => {
      const s = { index, page: 1, start: offset, end: offset + text.length, text };
      offset += text.length;
      return s;
    });
    const span = (index: number, needle: string) => {
      const start = used[index]?.indexOf(needle) ?? -1;
      return { sentence: index, start, end: start + needle.length, text: needle, confidence: 0.9 };
    };
    const documentId = `${p}-${id}`;
    const pledge: LinkedEvent = {
      id: `${documentId}:e0`,
      type: '质押',
      typeKey: 'pledge',
      documentType: '质押',
      trigger: '质押',
      date: '2024-03-10',
      shares,
      confidence: 0.9,
      mentions: [span(0, '质押')],
      arguments: [
        {
          ...span(0, holder().name),
          role: 'sub-org',
          roleKey: 'pledgor org',
          entityKey: holder().key,
          label: 'Company',
        },
        {
          ...span(0, bank().name),
          role: 'obj-org',
          roleKey: 'pledgee org',
          entityKey: bank().key,
          label: 'Organization',
        },
      ],
    };
    const guarantee: LinkedEvent = {
      id: `${documentId}:e1`,
      type: '担保',
      typeKey: 'guarantee',
      documentType: '担保',
      trigger: '担保',
      confidence: 0.9,
      mentions: [span(1, '担保')],
      arguments: [
        {
          ...span(1, guarantor().name),
          role: 'sub-org',
          roleKey: 'guarantor',
          entityKey: guarantor().key,
          label: 'Company',
        },
      ],
    };
    return {
      document: {
        id: documentId,
        kind: 'announcement',
        title: id,
        publishedAt: withGuarantee ? '2024-03-11' : '2024-03-12',
        pageCount: 1,
        modelVersion: 'test',
        processedAt: '2026-01-01T00:00:00Z',
      },
      sentences,
      entities: [
        { key: holder().key, label: 'Company', name: holder().name },
        { key: bank().key, label: 'Organization', name: bank().name, category: 'bank' },
        ...(withGuarantee
          ? [{ key: guarantor().key, label: 'Company' as const, name: guarantor().name }]
          : []),
      ],
      mentions: [
        { ...span(0, holder().name), entityKey: holder().key, label: 'Company', type: 'company' },
        ...(withGuarantee
          ? [
              {
                ...span(1, guarantor().name),
                entityKey: guarantor().key,
                label: 'Company' as const,
                type: 'company',
              },
            ]
          : []),
      ],
      events: withGuarantee ? [pledge, guarantee] : [pledge],
    };
  }

  const remove = (id: string, key: string) =>
    g.app.inject({
      method: 'DELETE',
      url: `/v1/documents/${encodeURIComponent(id)}`,
      headers: { 'x-api-key': key },
    });
  const count = async (query: string) => {
    const { records } = await g.driver.executeQuery(query, { p }, { database: g.config.neo4jDatabase });
    return Number(records[0]?.get(0));
  };

  before(async () => {
    g = await startGraphApp();
    p = g.fixture.prefix;
    await writeDocumentGraph(g.driver, g.config.neo4jDatabase, notice('announcement', 10_000_000, true));
    await writeDocumentGraph(g.driver, g.config.neo4jDatabase, notice('news', 12_000_000, false));
  });
  after(async () => {
    await g?.close();
  });

  it('needs an admin key', async () => {
    for (const key of [g.keys.read, g.keys.submit]) {
      assert.equal((await remove(`${p}-announcement`, key)).statusCode, 403);
    }
    assert.equal(
      await count(`MATCH (d:Document) WHERE d.id IN [$p + '-announcement', $p + '-news'] RETURN count(d)`),
      2,
    );
  });

  it('takes back only what the document told', async () => {
    const pledge = `${p}-announcement:e0`;
    assert.equal(await count(`MATCH (e:Event {id: '${pledge}'})-[:REPORTED_IN]->() RETURN count(*)`), 2);

    const response = await remove(`${p}-announcement`, g.keys.admin);
    assert.equal(response.statusCode, 204, response.body);

    const read = await g.app.inject({
      method: 'GET',
      url: `/v1/documents/${encodeURIComponent(`${p}-announcement`)}`,
      headers: { 'x-api-key': g.keys.read },
    });
    assert.equal(read.statusCode, 404);
    // The pledge the news item tells too keeps that source, and its values now come from it.
    const { records } = await g.driver.executeQuery(
      `MATCH (:Company {key: $key})<-[:PLEDGOR]-(e:Event)
       RETURN e.id AS id, e.shares AS shares, e.documentId AS documentId, COUNT { (e)-[:REPORTED_IN]->() } AS sources`,
      { key: holder().key },
      { database: g.config.neo4jDatabase },
    );
    assert.deepEqual(
      records.map((r) => [r.get('id'), r.get('shares'), r.get('documentId'), Number(r.get('sources'))]),
      [[`${p}-news:e0`, 12_000_000, `${p}-news`, 1]],
    );
    // The guarantee only the announcement told, and the guarantor only it named, are gone.
    assert.equal(await count(`MATCH (e:Event) WHERE e.id = $p + '-announcement:e1' RETURN count(e)`), 0);
    assert.equal(await count(`MATCH (c:Company) WHERE c.key = $p + '-guarantor' RETURN count(c)`), 0);
    assert.equal(
      await count(`MATCH (s:Sentence) WHERE s.documentId = $p + '-announcement' RETURN count(s)`),
      0,
    );
    // What the news item names stays.
    assert.equal(await count(`MATCH (c:Company) WHERE c.key = $p + '-holder' RETURN count(c)`), 1);
    assert.equal(await count(`MATCH (o:Organization) WHERE o.key = $p + '-bank' RETURN count(o)`), 1);

    assert.equal((await remove(`${p}-announcement`, g.keys.admin)).statusCode, 404);
  });
});
