import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import type { ExtractionResult } from '../../src/extract/types.js';
import {
  CompanyMirror,
  createNeo4jDriver,
  ensureGraphSchema,
  graphCompanySource,
  writeDocumentGraph,
} from '../../src/graph/index.js';
import { linkDocument, loadEventRoles } from '../../src/link/index.js';
import { parseDocument, sentenceModelText } from '../../src/parse/index.js';
import { ensureTestServices, testConfig } from '../support/test-services.js';

const config = testConfig();
const eventTypes = loadEventRoles();
let driver: Driver;

const SYLLABLES = '岚岫峤嵩崖峦巅岭峰峡';
const newTag = () => Array.from({ length: 3 }, () => SYLLABLES[randomInt(SYLLABLES.length)]).join('');

/** One run's names: its own tag and codes, so two runs on one graph never meet. */
function names() {
  const tag = newTag();
  const code = `9${String(randomInt(10_000, 99_999))}`;
  const otherCode = `8${String(randomInt(10_000, 99_999))}`;
  return { tag, code, otherCode };
}
type Names = ReturnType<typeof names>;

/**
 * Three documents that name one company in its three forms (code in a header, full name, short name), a
 * counterparty by full name and by short name, and a director of each company: each one's text and what
 * the entity decoder would read.
 */
function documents({
  tag,
  code,
  otherCode,
}: Names): { id: string; text: string; spans: [string, string][] }[] {
  const full = `远山${tag}智能制造股份有限公司`;
  const short = `远山${tag}`;
  const party = `近水${tag}新材料有限公司`;
  const partyShort = `近水${tag}新材料`;
  return [
    {
      id: `${tag}-a`,
      text:
        `证券代码：${code}    证券简称：${short}    公告编号：2025-001\n关于签订合同的公告\n` +
        `${full}与${party}签订合同。公司董事长张伟出席。\n`,
      spans: [
        [full, 'company'],
        [party, 'company'],
        ['张伟', 'person'],
      ],
    },
    {
      id: `${tag}-b`,
      text:
        `证券代码：${otherCode}    证券简称：高山${tag}    公告编号：2025-002\n关于采购的公告\n` +
        `公司向${short}采购设备。${partyShort}为供应商。公司董事李强出席。\n`,
      spans: [
        [short, 'company'],
        [partyShort, 'company'],
        ['李强', 'person'],
      ],
    },
    {
      id: `${tag}-c`,
      text: `行业动态\n${partyShort}与${full}合作。${full}董事长张伟表示。\n`,
      spans: [
        [partyShort, 'company'],
        [full, 'company'],
        ['张伟', 'person'],
      ],
    },
  ];
}

function extractionsFor(sentences: readonly string[], spans: [string, string][]): ExtractionResult[] {
  return sentences.map((text) => ({
    modelVersion: 'test',
    events: [],
    entities: spans.flatMap(([name, type]) => {
      const found = [];
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length))
        found.push({ type, text: name, start: at, end: at + name.length, confidence: 0.9 });
      return found;
    }),
  }));
}

/** Links each document against the graph as a worker does (a fresh mirror) and writes it. */
async function ingest(id: string, text: string, spans: [string, string][]): Promise<void> {
  const kind = text.startsWith('证券代码') ? 'announcement' : 'other';
  const parsed = await parseDocument(
    new TextEncoder().encode(text),
    { fileName: `${id}.txt`, mimeType: 'text/plain', kind },
    { maxBytes: 1e7, maxPages: 100 },
  );
  const texts = parsed.sentences.map((s) => sentenceModelText(parsed, s));
  const linked = await linkDocument({
    job: { documentId: id, kind, fileName: `${id}.txt`, submittedAt: '2025-01-01T00:00:00Z' },
    parsed,
    extractions: extractionsFor(texts, spans),
    modelVersion: 'test',
    eventTypes,
    processedAt: '2025-01-01T00:00:00Z',
    gazetteer: new CompanyMirror(graphCompanySource(driver, config.neo4jDatabase), { refreshMs: 0 }),
  });
  await writeDocumentGraph(driver, config.neo4jDatabase, { ...linked, events: [] });
}

/** The graph a run left, its tag and codes written as placeholders so two runs compare. */
async function graphOf({ tag, code, otherCode }: Names) {
  const { records } = await driver.executeQuery(
    `MATCH (n) WHERE (n:Company OR n:Person) AND (n.key CONTAINS $tag OR n.key CONTAINS $code OR n.key CONTAINS $otherCode)
     RETURN labels(n)[0] + ' ' + n.key + ' ' + n.name + ' ' + coalesce(n.code, '-') + ' ' +
       coalesce(n.companyKey, '-') + ' [' + apoc_free_join(coalesce(n.shortNames, [])) + ']' AS node,
       COLLECT { MATCH (n)-[m:MENTIONED_IN]->(s:Sentence)
                 RETURN s.documentId + ' ' + m.text + ' ' + coalesce(m.resolution, '-') AS x ORDER BY x } AS mentions
     ORDER BY node`.replace(
      'apoc_free_join(coalesce(n.shortNames, []))',
      "reduce(s = '', x IN coalesce(n.shortNames, []) | s + x + ',')",
    ),
    { tag, code, otherCode },
    { database: config.neo4jDatabase },
  );
  const placeholders = (s: string) =>
    s.replaceAll(tag, 'T').replaceAll(code, 'CODE').replaceAll(otherCode, 'OTHER');
  return records
    .map((r) => {
      const mentions = (r.get('mentions') as string[]).map(placeholders).sort();
      return `${placeholders(String(r.get('node')))} :: ${mentions.join(' | ')}`;
    })
    .sort();
}

describe('resolution does not depend on the order documents arrive in', () => {
  const runs: Names[] = [];
  before(async () => {
    await ensureTestServices(config);
    driver = createNeo4jDriver(config);
    await ensureGraphSchema(driver, config.neo4jDatabase);
  });
  after(async () => {
    for (const { tag, code, otherCode } of runs)
      await driver.executeQuery(
        `MATCH (n) WHERE n.key CONTAINS $tag OR n.key CONTAINS $code OR n.key CONTAINS $otherCode
            OR n.name CONTAINS $tag OR n.id STARTS WITH $tag OR n.documentId STARTS WITH $tag
         DETACH DELETE n`,
        { tag, code, otherCode },
        { database: config.neo4jDatabase },
      );
    await driver.close();
  });

  const orders = [
    [0, 1, 2],
    [2, 1, 0],
    [1, 2, 0],
  ];
  const graphs: string[][] = [];
  before(async () => {
    for (const order of orders) {
      const run = names();
      runs.push(run);
      const docs = documents(run);
      for (const i of order) {
        const d = docs[i] as (typeof docs)[number];
        await ingest(d.id, d.text, d.spans);
      }
      graphs.push(await graphOf(run));
    }
  });

  it('gives one node per company and person in every order, with the same names and codes', () => {
    // Node, name, code, short names and company context, without the key (see the todo below).
    const identities = (graph: string[]) =>
      graph
        .map((line) => {
          const [label, , ...rest] = (line.split(' :: ')[0] as string).split(' ');
          return [label, ...rest].join(' ').replace(/name:远山T智能制造股份有限公司|CODE/g, 'T-ISSUER');
        })
        .sort();
    const first = identities(graphs[0] as string[]);
    assert.equal(first.filter((n) => n.includes('远山T')).length, 1, first.join('\n'));
    for (const graph of graphs.slice(1)) assert.deepEqual(identities(graph), first);
  });

  it('gives the same keys, mentions and reasons in every order', {
    todo:
      'a short name read before any document gave its full name stays a mention; a company first made ' +
      'by its full name keeps that key after its filing brings the code; reasons say what was known then',
  }, () => {
    for (const graph of graphs.slice(1)) assert.deepEqual(graph, graphs[0]);
  });
});
