import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { createNeo4jDriver, ensureGraphSchema } from '../../../src/graph/index.js';
import {
  companyProfileStatement,
  companyTimelineStatement,
  ratingHistoryStatement,
} from '../../../src/graph/queries/companies.js';
import { encodeCursor } from '../../../src/graph/queries/cursor.js';
import {
  documentDetailStatement,
  documentListStatement,
  undatedDocumentListStatement,
} from '../../../src/graph/queries/documents.js';
import { eventDetailStatement } from '../../../src/graph/queries/event-detail.js';
import { eventListStatement, undatedEventListStatement } from '../../../src/graph/queries/events.js';
import { explainStatement, type GraphReader, type Statement } from '../../../src/graph/queries/index.js';
import {
  neighbourhoodHopStatement,
  neighbourhoodStartStatement,
} from '../../../src/graph/queries/neighbourhood.js';
import { searchStatement } from '../../../src/graph/queries/search.js';
import { ensureTestServices, testConfig } from '../../support/test-services.js';

const FULL_SCANS = ['NodeByLabelScan', 'AllNodesScan'];
const cursor = encodeCursor({ sortKey: '2024-01-01', id: 'x' });

/** Every query the API runs, in each shape its filters give it. */
const statements: Record<string, Statement> = {
  search: searchStatement('淼垚', undefined, 10),
  'search by label': searchStatement('600519', 'Company', 10),
  'company profile': companyProfileStatement('k'),
  'company timeline': companyTimelineStatement('k', 100),
  'rating history': ratingHistoryStatement('k', 100),
  'events, no filter': eventListStatement({ limit: 20 }),
  'events, next page': eventListStatement({ limit: 20, cursor }),
  'events, undated tail': undatedEventListStatement({ limit: 20 }, 21),
  'events by company': eventListStatement({ companyKey: 'k', limit: 20 }),
  'events by company and role': eventListStatement({ companyKey: 'k', role: 'PLEDGOR', limit: 20 }),
  'events by company, type, dates, kind': eventListStatement({
    companyKey: 'k',
    type: 'pledge',
    from: '2024',
    to: '2024-06',
    documentKind: 'announcement',
    limit: 20,
  }),
  'events by type': eventListStatement({ type: '质押', limit: 20 }),
  'events by type and dates': eventListStatement({
    type: 'pledge',
    from: '2024-01-01',
    to: '2024-12',
    limit: 20,
  }),
  'events by dates': eventListStatement({ from: '2024-01-01', limit: 20 }),
  'events until a date': eventListStatement({ to: '2024-01-01', limit: 20 }),
  'events by role': eventListStatement({ role: 'ACQUIRER', limit: 20 }),
  'events by role and type': eventListStatement({ role: 'ACQUIRER', type: 'acquisition', limit: 20 }),
  'events by document kind': eventListStatement({ documentKind: 'news', limit: 20 }),
  'event detail': eventDetailStatement('e'),
  'neighbourhood start': neighbourhoodStartStatement('Company', 'k'),
  'neighbourhood hop': neighbourhoodHopStatement({ Company: ['k'], Event: ['e'], Broker: ['b'] }),
  'documents, no filter': documentListStatement({ limit: 20 }),
  'documents, next page': documentListStatement({ limit: 20, cursor }),
  'documents, undated tail': undatedDocumentListStatement({ limit: 20 }, 21),
  'documents by issuer': documentListStatement({ issuerKey: 'k', kind: 'announcement', limit: 20 }),
  'documents by dates': documentListStatement({ from: '2024-01-01', to: '2024-02-01', limit: 20 }),
  'documents by kind': documentListStatement({ kind: 'research_report', limit: 20 }),
  'document detail': documentDetailStatement('d', 100),
};

describe('query plans of the graph API', () => {
  const config = testConfig();
  let driver: Driver;
  let reader: GraphReader;

  before(async () => {
    await ensureTestServices(config);
    driver = createNeo4jDriver(config);
    await ensureGraphSchema(driver, config.neo4jDatabase);
    reader = { driver, database: config.neo4jDatabase };
  });
  after(async () => {
    await driver?.close();
  });

  it('the check itself sees a label scan, also inside a subquery', async () => {
    for (const text of [
      'MATCH (c:Company) RETURN c',
      'MATCH (d:Document {id: $id}) RETURN COLLECT { MATCH (e:Event) WHERE e.trigger = d.title RETURN e.id } AS ids',
    ]) {
      const operators = await explainStatement(reader, { text, params: { id: 'x' } });
      assert.ok(
        operators.some((op) => FULL_SCANS.includes(op.name)),
        text,
      );
    }
  });

  for (const [name, statement] of Object.entries(statements)) {
    it(`${name}: starts from an index, never a label or all-nodes scan`, async () => {
      const operators = await explainStatement(reader, statement);
      assert.ok(operators.length > 0);
      const scans = operators.filter((op) => FULL_SCANS.includes(op.name));
      assert.deepEqual(scans, [], `${name} plan: ${operators.map((op) => op.name).join(' < ')}`);
    });
  }

  // Unnarrowed lists read an index in order and stop at the page: a Top (or a Sort before the
  // limit) would mean reading and sorting every event or document first.
  for (const name of [
    'events, no filter',
    'events, next page',
    'events by document kind',
    'events, undated tail',
    'documents, no filter',
    'documents by kind',
    'documents, undated tail',
  ]) {
    it(`${name}: reads in index order and stops at the page`, async () => {
      const operators = (await explainStatement(reader, statements[name] as Statement)).map((op) => op.name);
      assert.ok(
        operators.includes('PartialTop') || operators.includes('Limit'),
        `${name} plan: ${operators.join(' < ')}`,
      );
      assert.ok(!operators.includes('Top'), `${name} plan: ${operators.join(' < ')}`);
    });
  }
});
