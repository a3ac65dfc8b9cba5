import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { removeDocumentGraph, writeDocumentGraph, writeDocumentsGraph } from '../../src/graph/index.js';
import { buybackNews } from '../support/buyback-news.js';
import { type GraphApp, startGraphApp } from '../support/graph-app.js';

const e = encodeURIComponent;

describe('POST /v1/admin/events/:id/split', () => {
  let g: GraphApp;
  let news: ReturnType<typeof buybackNews>;
  const split = (id: string, body: object, apiKey = g.keys.admin) =>
    g.app.inject({
      method: 'POST',
      url: `/v1/admin/events/${e(id)}/split`,
      headers: { 'x-api-key': apiKey },
      payload: body,
    });
  /** Each event the documents tell, with the documents telling it, by event id. */
  const tellings = async (ids: string[]) => {
    const { records } = await g.driver.executeQuery(
      `MATCH (ev:Event)-[:REPORTED_IN]->(d:Document) WHERE d.id IN $ids
       WITH ev, d ORDER BY d.id
       RETURN ev.id AS id, collect(d.id) AS documents ORDER BY id`,
      { ids },
      { database: g.database },
    );
    return records.map((r) => `${r.get('id')} ← ${(r.get('documents') as string[]).join(', ')}`);
  };

  before(async () => {
    g = await startGraphApp();
    news = buybackNews(g.fixture.prefix);
  });
  after(() => g?.close());

  it('moves one document’s telling onto an event of its own, with the reason, and keeps it apart on reprocessing', async () => {
    const [first, second] = [news.buyback('a', true), news.buyback('b', true)];
    for (const doc of [first, second]) await writeDocumentGraph(g.driver, g.database, doc);
    const ids = [first.document.id, second.document.id];
    const joined = `${first.document.id}:e0`;
    assert.deepEqual(await tellings(ids), [`${joined} ← ${ids.join(', ')}`], 'one event before the split');

    const body = { document: second.document.id, reason: 'a second buy-back of the same size' };
    assert.equal((await split(joined, body, g.keys.read)).statusCode, 403);
    const answer = await split(joined, body);
    assert.equal(answer.statusCode, 200, answer.body);
    const own = `${second.document.id}:e0`;
    assert.deepEqual(answer.json(), { from: joined, to: own, moved: 4 });
    const apart = [`${joined} ← ${first.document.id}`, `${own} ← ${second.document.id}`];
    assert.deepEqual(await tellings(ids), apart);

    // The document's own event: its party, value, evidence and values, and why it stands alone.
    const detail = await g.app.inject({
      method: 'GET',
      url: `/v1/events/${e(own)}`,
      headers: { 'x-api-key': g.keys.read },
    });
    assert.equal(detail.statusCode, 200, detail.body);
    const { records } = await g.driver.executeQuery(
      `MATCH (n:Event {id: $own}) MATCH (j:Event {id: $joined})
       RETURN n.splitFrom AS from, n.splitReason AS reason, n.amount AS amount, n.documentId AS documentId,
              COUNT { (n)-[r]->() WHERE r.roleKey IS NOT NULL } AS arguments,
              COUNT { (n)-[:EVIDENCED_BY]->() } AS evidence,
              COUNT { (j)-[r]->() WHERE r.roleKey IS NOT NULL } AS left,
              j.splitDocuments AS splitDocuments`,
      { own, joined },
      { database: g.database },
    );
    assert.deepEqual(records[0]?.toObject(), {
      from: joined,
      reason: body.reason,
      amount: 25_985_400,
      documentId: second.document.id,
      arguments: 2,
      evidence: 1,
      left: 2,
      splitDocuments: [second.document.id],
    });

    // Reprocessed, alone and in a batch with a new document: still apart.
    await writeDocumentGraph(g.driver, g.database, second);
    assert.deepEqual(await tellings(ids), apart, 'reprocessed');
    await removeDocumentGraph(g.driver, g.database, second.document.id);
    const third = news.buyback('c', true);
    await writeDocumentsGraph(g.driver, g.database, [second, third]);
    assert.deepEqual(
      await tellings([...ids, third.document.id]),
      [`${joined} ← ${first.document.id}, ${third.document.id}`, `${own} ← ${second.document.id}`],
      'written again in a batch: the new document joins, the split one does not',
    );

    // Told by one document now: nothing merged to split. No such event; no reason.
    assert.equal((await split(own, body)).statusCode, 400);
    assert.equal((await split(joined, { ...body, document: `${g.fixture.prefix}-none` })).statusCode, 400);
    assert.equal((await split(`${g.fixture.prefix}-none:e0`, body)).statusCode, 404);
    assert.equal((await split(joined, { document: body.document })).statusCode, 400);
  });

  it('gives the event’s id to the document that stays when the one that created it is split off', async () => {
    // Another company's buy-back, so these never meet the first test's.
    const other = buybackNews(`${g.fixture.prefix}-2`);
    const [first, second] = [other.buyback('d', true), other.buyback('e', true)];
    for (const doc of [first, second]) await writeDocumentGraph(g.driver, g.database, doc);
    const ids = [first.document.id, second.document.id];
    const created = `${first.document.id}:e0`;
    assert.deepEqual(await tellings(ids), [`${created} ← ${ids.join(', ')}`]);
    const answer = await split(created, { document: first.document.id, reason: 'another buy-back' });
    assert.equal(answer.statusCode, 200, answer.body);
    assert.deepEqual(answer.json(), { from: `${second.document.id}:e0`, to: created, moved: 4 });
    assert.deepEqual(await tellings(ids), [
      `${created} ← ${first.document.id}`,
      `${second.document.id}:e0 ← ${second.document.id}`,
    ]);
  });
});
