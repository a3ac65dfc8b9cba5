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
  after(() => g?.close());

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
});
