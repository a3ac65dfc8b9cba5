import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { EventExtractor } from '../../src/extract/index.js';
import { createCompanyGazetteer } from '../../src/graph/company-gazetteer.js';
import { removeDocumentGraph, writeDocumentGraph } from '../../src/graph/index.js';
import {
  getCompanyProfile,
  getCompanyTimeline,
  getDocumentDetail,
  getEventDetail,
  getNeighbourhood,
} from '../../src/graph/queries/index.js';
import type { GraphDocument } from '../../src/link/graph-document.js';
import { loadEventRoles } from '../../src/link/index.js';
import { readDocument } from '../../src/pipeline/index.js';
import type { DocumentJob } from '../../src/queue/index.js';
import { MODEL_DIR, missingModel } from '../extract/committed-model.js';
import { SAMPLES_DIR } from '../parse/samples-dir.js';
import { buybackNews } from '../support/buyback-news.js';
import { pledgeNotice } from '../support/pledge-notice.js';
import { openTestGraph } from '../support/test-graph.js';
import { testConfig, uniquePrefix } from '../support/test-services.js';

const config = testConfig();
const prefix = uniquePrefix();
const firstHolder = { key: `${prefix}-holder`, name: `${prefix}淼垚投资有限公司` };
const secondHolder = { key: `${prefix}-holder2`, name: `${prefix}垚淼投资有限公司` };
const bank = { key: `${prefix}-bank`, name: `${prefix}淼垚银行` };
let driver: Driver;
const reader = () => ({ driver, database: config.neo4jDatabase });

/** A notice of a pledge by the holder to the bank, on `date`, of `shares` shares. */
function notice(
  id: string,
  publishedAt: string,
  date: string,
  shares: number,
  holder = firstHolder,
): GraphDocument {
  return pledgeNotice({ documentId: `${prefix}-${id}`, title: id, publishedAt, date, shares, holder, bank });
}

async function rows(query: string, params: Record<string, unknown> = {}) {
  const result = await driver.executeQuery(query, params, { database: config.neo4jDatabase });
  return result.records.map((r) => r.toObject());
}

const holderEvents = (holder = firstHolder) =>
  rows(
    `MATCH (:Company {key: $key})<-[:PLEDGOR]-(e:Event)
     RETURN DISTINCT e.id AS id, e.shares AS shares, e.documentId AS documentId,
       COUNT { (e)-[:REPORTED_IN]->() } AS sources ORDER BY id`,
    { key: holder.key },
  );

describe('one event told by several documents', () => {
  let closeGraph: (() => Promise<void>) | undefined;
  before(async () => {
    ({ driver, close: closeGraph } = await openTestGraph(config, prefix));
  });
  after(() => closeGraph?.());

  it('joins a follow-up to the event, keeps each value with its document, and takes back only what a deleted document told', async () => {
    await writeDocumentGraph(
      driver,
      config.neo4jDatabase,
      notice('first', '2024-03-12', '2024-03-10', 10_000_000),
    );
    // The follow-up states another share count for the same pledge: kept beside the first, not over it.
    await writeDocumentGraph(
      driver,
      config.neo4jDatabase,
      notice('follow', '2024-03-20', '2024-03-11', 12_000_000),
    );
    const joined = await holderEvents();
    assert.equal(joined.length, 1, JSON.stringify(joined));
    assert.equal(Number(joined[0]?.sources), 2);
    const id = String(joined[0]?.id);
    assert.equal(id, `${prefix}-first:e0`);

    const detail = await getEventDetail(reader(), id);
    assert.deepEqual(
      detail?.sources.map((s) => [s.document.id, s.shares, s.date, s.conflicting]),
      [
        [`${prefix}-first`, 10_000_000, '2024-03-10', false],
        [`${prefix}-follow`, 12_000_000, '2024-03-11', true],
      ],
    );
    assert.match(String(detail?.sources[1]?.match), /same parties .*figures differ \(shares\)/);
    assert.equal(detail?.event.sourceCount, 2);
    assert.equal(detail?.event.shares, 10_000_000, 'the first source states the event’s own values');
    assert.equal(detail?.event.participants.length, 2, 'each party once, though both documents name it');
    assert.deepEqual([...new Set(detail?.arguments.map((a) => a.documentId))].sort(), [
      `${prefix}-first`,
      `${prefix}-follow`,
    ]);
    // A document's page marks only the spans read in it.
    const page = await getDocumentDetail(reader(), `${prefix}-follow`);
    assert.ok(
      page?.spans
        .filter((s) => s.kind !== 'entity')
        .every((s) => s.sentenceId.startsWith(`${prefix}-follow:`)),
    );

    // Reprocessing the follow-up gives the same event, with the same two sources.
    await writeDocumentGraph(
      driver,
      config.neo4jDatabase,
      notice('follow', '2024-03-20', '2024-03-11', 12_000_000),
    );
    assert.deepEqual(await holderEvents(), joined);

    // Deleting the first keeps the event with the follow-up's values; deleting that too removes it all.
    assert.equal(await removeDocumentGraph(driver, config.neo4jDatabase, `${prefix}-first`), true);
    const left = await holderEvents();
    assert.deepEqual(
      left.map((e) => [e.id, e.shares, e.documentId, Number(e.sources)]),
      [[`${prefix}-follow:e0`, 12_000_000, `${prefix}-follow`, 1]],
    );
    const [{ roles } = { roles: -1 }] = await rows(
      'MATCH (e:Event {id: $id})-[r]->() WHERE r.roleKey IS NOT NULL RETURN count(r) AS roles',
      { id: `${prefix}-follow:e0` },
    );
    assert.equal(Number(roles), 3, 'only the follow-up’s arguments are left');
    assert.equal(await removeDocumentGraph(driver, config.neo4jDatabase, `${prefix}-follow`), true);
    assert.deepEqual(await holderEvents(), []);
    const [{ left: nodes } = { left: -1 }] = await rows(
      'MATCH (n) WHERE n.key IN $keys OR n.documentId STARTS WITH $prefix OR n.id STARTS WITH $prefix RETURN count(n) AS left',
      { keys: [firstHolder.key, bank.key], prefix },
    );
    assert.equal(Number(nodes), 0, 'no orphan left behind');
    assert.equal(await removeDocumentGraph(driver, config.neo4jDatabase, `${prefix}-first`), false);
  });

  it('keeps two pledges by the same holder on different dates as two events', async () => {
    const pledge = (id: string, published: string, date: string) =>
      notice(id, published, date, 10_000_000, secondHolder);
    await writeDocumentGraph(driver, config.neo4jDatabase, pledge('march', '2024-03-12', '2024-03-10'));
    await writeDocumentGraph(driver, config.neo4jDatabase, pledge('april', '2024-04-22', '2024-04-20'));
    const events = await holderEvents(secondHolder);
    assert.deepEqual(
      events.map((e) => [e.id, Number(e.sources)]),
      [
        [`${prefix}-april:e0`, 1],
        [`${prefix}-march:e0`, 1],
      ],
    );
    for (const id of ['march', 'april'])
      await removeDocumentGraph(driver, config.neo4jDatabase, `${prefix}-${id}`);
  });

  it('links a party an earlier news item named only in words once a document brings the listed company, and joins their event', async () => {
    const { company, name, buyback } = buybackNews(prefix);
    const ids = [`${prefix}-worded`, `${prefix}-coded`];
    await writeDocumentGraph(driver, config.neo4jDatabase, buyback('worded', false));
    await writeDocumentGraph(driver, config.neo4jDatabase, buyback('coded', true));
    try {
      const events = await rows(
        `MATCH (e:Event {type: '股份回购'})-[:REPORTED_IN]->(d:Document) WHERE d.id IN $ids
         RETURN e.id AS id, collect(d.id) AS sources,
           COLLECT { MATCH (e)-[r:BUYER_BACK]->(:Company {key: $key}) RETURN r.documentId } AS buyers,
           COUNT { (e)-[h:HAS_ARGUMENT]->() WHERE h.text = $name } AS worded`,
        { ids, key: company.key, name },
      );
      assert.equal(events.length, 1, JSON.stringify(events));
      const [event] = events as [{ sources: string[]; buyers: string[]; worded: unknown }];
      assert.deepEqual([...event.sources].sort(), [...ids].sort());
      // Each document's party stays its own: the worded one keeps the document that named it.
      assert.deepEqual([...event.buyers].sort(), [...ids].sort());
      assert.equal(Number(event.worded), 0);
      // Taking back the coded document leaves the earlier item's party linked, as its own.
      await removeDocumentGraph(driver, config.neo4jDatabase, ids[1] as string);
      const left = await rows(
        `MATCH (e:Event)-[r:BUYER_BACK]->(:Company {key: $key}) RETURN r.documentId AS documentId`,
        { key: company.key },
      );
      assert.deepEqual(
        left.map((r) => r.documentId),
        [ids[0]],
      );
    } finally {
      for (const id of ids) await removeDocumentGraph(driver, config.neo4jDatabase, id);
    }
  });

  const skip = missingModel('model.int8.onnx');
  it('reads the same acquisition in a news item and the buyer’s announcement as one event, counted once on the company page', {
    skip,
  }, async () => {
    const extractor = await EventExtractor.load({ modelDir: MODEL_DIR, precision: 'int8' });
    const gazetteer = createCompanyGazetteer(driver, config.neo4jDatabase);
    const eventTypes = loadEventRoles();
    const ids: string[] = [];
    for (const file of ['ann-001238-acquisition.pdf', 'news-001238-acquisition.html']) {
      const job: DocumentJob = {
        documentId: `${prefix}-${file}`,
        kind: 'other',
        fileName: file,
        submittedAt: '2025-01-01T00:00:00Z',
      };
      const bytes = new Uint8Array(await readFile(path.join(SAMPLES_DIR, file)));
      const { graph } = await readDocument(bytes, job, {
        extractor,
        gazetteer,
        eventTypes,
        limits: { maxBytes: 1e8, maxPages: 100 },
      });
      await writeDocumentGraph(driver, config.neo4jDatabase, graph);
      ids.push(job.documentId);
    }
    try {
      const acquisitions = await rows(
        `MATCH (e:Event {type: '收购'})-[:REPORTED_IN]->(d:Document) WHERE d.id IN $ids
         RETURN e.id AS id, collect(d.id) AS sources,
           COLLECT { MATCH (e)-[:ACQUIRER]->(c:Company) RETURN DISTINCT c.key } AS buyers`,
        { ids },
      );
      assert.equal(acquisitions.length, 1, JSON.stringify(acquisitions));
      const [acquisition] = acquisitions as [{ id: string; sources: string[]; buyers: string[] }];
      assert.deepEqual([...acquisition.sources].sort(), [...ids].sort());
      assert.equal(acquisition.buyers.length, 1);
      const buyer = acquisition.buyers[0] as string;

      // The company page: header counts, timeline and graph agree on one acquisition.
      const profile = await getCompanyProfile(reader(), buyer);
      assert.equal(
        profile?.eventCounts.find((c) => c.type === '收购')?.count,
        1,
        JSON.stringify(profile?.eventCounts),
      );
      const timeline = await getCompanyTimeline(reader(), buyer, 200);
      const inTimeline = timeline?.days.flatMap((d) => d.events).filter((e) => e.type === '收购') ?? [];
      assert.deepEqual(
        inTimeline.map((e) => [e.id, e.sourceCount]),
        [[acquisition.id, 2]],
      );
      const graph = await getNeighbourhood(reader(), 'Company', buyer, { hops: 1, maxNodes: 100 });
      const inGraph =
        graph?.nodes.filter((n) => n.label === 'Event' && (n as { type?: string }).type === '收购') ?? [];
      assert.deepEqual(
        inGraph.map((n) => n.id),
        [`Event:${acquisition.id}`],
      );
    } finally {
      for (const id of ids) await removeDocumentGraph(driver, config.neo4jDatabase, id);
    }
  });
});
