import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { writeDocumentGraph } from '../../src/graph/index.js';
import { type GraphApp, startGraphApp } from '../support/graph-app.js';
import { buildOfficerChanges } from '../support/graph-fixture.js';

const e = encodeURIComponent;

describe('GET /v1/people/:key', () => {
  let g: GraphApp;
  let officer: ReturnType<typeof buildOfficerChanges>;
  const get = async (url: string, key = g.keys.read) => {
    const response = await g.app.inject({ method: 'GET', url, headers: { 'x-api-key': key } });
    return { status: response.statusCode, body: response.json() };
  };

  before(async () => {
    g = await startGraphApp();
    officer = buildOfficerChanges(g.fixture);
    // The later announcement first: the history is ordered by date, not by arrival.
    for (const doc of [...officer.documents].reverse()) await writeDocumentGraph(g.driver, g.database, doc);
  });
  after(async () => {
    // The person split off is known by its document, outside the fixture's prefix.
    await g?.driver.executeQuery('MATCH (p:Person) WHERE p.key ENDS WITH $suffix DETACH DELETE p', {
      suffix: `@document:${g.fixture.prefix}-officer-2`,
    });
    await g?.close();
  });

  it('gives the person’s company and each stated position with its date, change and document', async () => {
    const { status, body } = await get(`/v1/people/${e(officer.person.key)}`);
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.name, '王淼垚');
    assert.deepEqual(body.company, { key: g.fixture.company.key, name: g.fixture.company.name });
    assert.deepEqual([...body.positions].sort(), ['总经理', '董事'].sort());
    assert.deepEqual(
      body.positionHistory.map(
        (s: { date: string; change: string; positions: string[]; positionsAfter: string[] }) =>
          `${s.date} ${s.change} ${s.positions.join('、')} → ${s.positionsAfter.join('、')}`,
      ),
      ['2024-01-05 聘任 总经理 → ', '2024-06-30 辞去 总经理 → 董事'],
    );
    const [first, second] = body.positionHistory;
    assert.deepEqual(
      first.documents.map((d: { id: string }) => d.id),
      [`${g.fixture.prefix}-officer-1`],
    );
    assert.equal(second.documents[0].title, '关于高级管理人员变动的公告（2）');
    assert.equal(second.company.key, g.fixture.company.key);
    assert.equal(second.eventType, '高管变动');
  });

  it('gives a person no document stated a position for an empty history', async () => {
    const { status, body } = await get(`/v1/people/${e(g.fixture.person.key)}`);
    assert.equal(status, 200);
    assert.deepEqual(body.positionHistory, []);
    assert.equal(body.company, null);
  });

  it('answers 404 for an unknown person and 401 without a key', async () => {
    assert.equal((await get(`/v1/people/${e(`${g.fixture.prefix}-nobody`)}`)).status, 404);
    assert.equal((await get(`/v1/people/${e(officer.person.key)}`, 'wrong-key')).status, 401);
  });

  it('splits one document’s namesake off a person (admin only), with the reason kept', async () => {
    const split = (key: string, body: object, apiKey = g.keys.admin) =>
      g.app.inject({
        method: 'POST',
        url: `/v1/admin/people/${e(key)}/split`,
        headers: { 'x-api-key': apiKey },
        payload: body,
      });
    const body = { document: `${g.fixture.prefix}-officer-2`, reason: 'another 王淼垚, of a subsidiary' };
    assert.equal((await split(officer.person.key, body, g.keys.read)).statusCode, 403);
    const answer = await split(officer.person.key, body);
    assert.equal(answer.statusCode, 200, answer.body);
    const to = `王淼垚@document:${g.fixture.prefix}-officer-2`;
    assert.deepEqual(answer.json(), { from: officer.person.key, to, mentions: 1, arguments: 1 });
    const left = await get(`/v1/people/${e(officer.person.key)}`);
    assert.deepEqual(
      left.body.positionHistory.map((s: { date: string }) => s.date),
      ['2024-01-05'],
    );
    const moved = await get(`/v1/people/${e(to)}`);
    assert.deepEqual(
      moved.body.positionHistory.map((s: { date: string }) => s.date),
      ['2024-06-30'],
    );
    assert.equal(moved.body.company, null);
    // Only one document names the person now: nothing is merged to split.
    const again = await split(officer.person.key, { ...body, document: `${g.fixture.prefix}-officer-1` });
    assert.equal(again.statusCode, 400);
    assert.equal((await split(`${g.fixture.prefix}-nobody@x`, body)).statusCode, 404);
    assert.equal((await split(officer.person.key, { document: body.document })).statusCode, 400);
  });
});
