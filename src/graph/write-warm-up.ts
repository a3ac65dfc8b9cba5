import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { EventArgumentRow, GraphDocument, LinkedEvent, Provenance } from '../link/graph-document.js';
import { writeNewDocuments } from './batch-writer.js';
import { writeDocumentByDocument } from './document-graph-writer.js';

/** Thrown at the end of the warm-up's transaction so that nothing of it is kept. */
class WarmedUp extends Error {}

/** Keys no document yields (a document id is a sha256, an entity key a code, a name or name@context). */
const KEY = 'finkg-warm-up';
const COMPANY = `${KEY}:company`;
const SUBSIDIARY = `${KEY}:subsidiary`;
const ORGANIZATION = `${KEY}:organization`;
const PERSON = `${KEY}:person@${COMPANY}`;

function provenance(sentence: number, text: string): Provenance {
  return { sentence, start: 0, end: text.length, text, confidence: 1 };
}

/** A pledge with two parties, a value and a party named only in words: every kind of argument row. */
function pledge(id: string): LinkedEvent {
  const party = (role: string, roleKey: string, entityKey: string, label: 'Company' | 'Organization') => ({
    ...provenance(0, entityKey),
    role,
    roleKey,
    documentRole: role === 'sub-org' ? '质押方' : '质权方',
    entityKey,
    label,
  });
  const args: EventArgumentRow[] = [
    party('sub-org', 'pledgor org', COMPANY, 'Company'),
    party('obj-org', 'pledgee org', ORGANIZATION, 'Organization'),
    { ...provenance(0, '1000万股'), role: 'number', roleKey: 'pledged quantity', value: '10000000' },
    { ...provenance(0, `${KEY} worded party`), role: 'obj-org', roleKey: 'pledgee org', inferred: true },
  ];
  return {
    id,
    type: '质押',
    typeKey: 'pledge',
    documentType: '质押',
    trigger: '质押',
    date: '2000-01-01',
    shares: 10_000_000,
    confidence: 1,
    mentions: [provenance(0, '质押')],
    arguments: args,
  };
}

/**
 * Documents that exercise every write statement: an announcement, a report that tells its event and
 * rates its issuer, a news item that tells it too.
 */
function warmUpDocuments(): [GraphDocument, GraphDocument, GraphDocument] {
  const sentences = [0, 1].map((index) => ({ index, page: 1, start: 0, end: 2, text: '预热' }));
  const document = (id: string, kind: GraphDocument['document']['kind']) => ({
    id: `${KEY}:${id}`,
    kind,
    title: KEY,
    publishedAt: '2000-01-01',
    pageCount: 1,
    modelVersion: KEY,
    processedAt: '2000-01-01T00:00:00Z',
    issuerKey: COMPANY,
  });
  const entities: GraphDocument['entities'] = [
    { key: COMPANY, label: 'Company', name: `${KEY} company`, code: KEY, shortNames: [`${KEY} short`] },
    { key: SUBSIDIARY, label: 'Company', name: `${KEY} subsidiary` },
    { key: ORGANIZATION, label: 'Organization', name: `${KEY} organization`, category: 'bank' },
    { key: PERSON, label: 'Person', name: `${KEY} person`, companyKey: COMPANY, positions: ['董事长'] },
  ];
  const mentions = entities.map((e, i) => ({
    ...provenance(i % 2, e.name),
    entityKey: e.key,
    label: e.label,
    type: e.label.toLowerCase(),
    ...(i === 0 ? { resolution: 'same_code' } : {}),
  }));
  const announcement: GraphDocument = {
    document: document('announcement', 'announcement'),
    sentences: sentences.map((s, i) => (i === 0 ? { ...s, ocrBoxes: [0, 0, 1, 1] } : s)),
    entities,
    mentions,
    events: [pledge(`${KEY}:event:1`)],
    subsidiaries: [{ companyKey: SUBSIDIARY, parentKey: COMPANY, kind: 'wholly_owned' }],
  };
  const report: GraphDocument = {
    document: document('report', 'research_report'),
    sentences,
    entities: entities.slice(0, 1),
    mentions: mentions.slice(0, 1),
    events: [pledge(`${KEY}:event:2`)],
    rating: {
      companyKey: COMPANY,
      rating: '买入',
      targetPrice: 1,
      currency: 'CNY',
      date: '2000-01-01',
      broker: `${KEY} broker`,
      analysts: [{ name: `${KEY} analyst`, certificate: `${KEY}:certificate` }],
      forecasts: [{ metric: 'eps', year: 2000, estimate: true, value: 1, unit: '元/股' }],
    },
  };
  const news: GraphDocument = {
    document: document('news', 'news'),
    sentences,
    entities: entities.slice(2, 3),
    mentions: mentions.slice(2, 3),
    events: [pledge(`${KEY}:event:3`)],
  };
  return [announcement, report, news];
}

/** The warm-up's two steps: statements of new documents first, then the rest. */
export interface GraphWriteWarmUp {
  /** Resolves once the statements that write new documents are planned (what a worker writes most). */
  newDocuments: Promise<void>;
  /** Resolves once every statement is planned. */
  all: Promise<void>;
}

/**
 * Runs every statement of the graph writer, in transactions that are rolled back, so the first
 * documents a worker writes do not wait for the server to plan them: on a fresh server that took
 * seconds per statement (bench/graph-stage.ts). First new documents written set-wise in a fresh
 * transaction, as every new document is written. Then the rest: the server keeps a plan per statement
 * and per state of the transaction (nothing written yet, or something), so a third document after
 * them, two of them again with their own statements, as documents written before are (their earlier
 * extraction taken back, late parties, the event match), and that path once more at the start of a
 * transaction. Nothing is kept; the keys are ones no document yields, so it locks nothing a document's
 * write needs.
 */
export function warmUpGraphWrites(driver: Driver, database: string): GraphWriteWarmUp {
  const [announcement, report, news] = warmUpDocuments();
  const newDocuments = rolledBack(driver, database, (tx) => writeNewDocuments(tx, [announcement, report]));
  const all = newDocuments.then(async () => {
    await rolledBack(driver, database, async (tx) => {
      await writeNewDocuments(tx, [announcement, report]);
      await writeNewDocuments(tx, [news]);
      await writeDocumentByDocument(tx, [announcement, news]);
    });
    await rolledBack(driver, database, (tx) => writeDocumentByDocument(tx, [announcement, report]));
  });
  return { newDocuments, all };
}

async function rolledBack(
  driver: Driver,
  database: string,
  work: (tx: ManagedTransaction) => Promise<unknown>,
): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    await session.executeWrite(async (tx) => {
      await work(tx);
      throw new WarmedUp();
    });
  } catch (error) {
    if (!(error instanceof WarmedUp)) throw error;
  } finally {
    await session.close();
  }
}
