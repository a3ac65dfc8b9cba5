import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { EventExtractor } from '../../src/extract/index.js';
import type { ExtractionResult } from '../../src/extract/types.js';
import { createCompanyGazetteer } from '../../src/graph/company-gazetteer.js';
import {
  CompanyMirror,
  createNeo4jDriver,
  ensureGraphSchema,
  graphCompanySource,
  writeDocumentGraph,
} from '../../src/graph/index.js';
import { listEvents, searchEntities } from '../../src/graph/queries/index.js';
import { SplitRefusedError, splitCompany } from '../../src/graph/split-company.js';
import { splitPerson } from '../../src/graph/split-person.js';
import { cleanCompanyName, nameCore } from '../../src/link/company-name.js';
import { type Gazetteer, linkDocument, loadEventRoles } from '../../src/link/index.js';
import { parseDocument, sentenceModelText } from '../../src/parse/index.js';
import { readDocument } from '../../src/pipeline/index.js';
import type { DocumentJob } from '../../src/queue/index.js';
import { MODEL_DIR, missingModel } from '../extract/committed-model.js';
import { SAMPLES_DIR } from '../parse/samples-dir.js';
import { ensureTestServices, testConfig } from '../support/test-services.js';

const config = testConfig();
const eventTypes = loadEventRoles();
let driver: Driver;

// Names of their own each run, so nodes other tests left behind never meet these.
const SYLLABLES = '岚岫峤嵩崖峦巅岭峰峡';
const tag = Array.from({ length: 3 }, () => SYLLABLES[randomInt(SYLLABLES.length)]).join('');
const code = `9${String(randomInt(10_000, 99_999))}`;
const otherCode = `8${String(randomInt(10_000, 99_999))}`;
const fullName = `远山${tag}智能制造股份有限公司`;
const shortName = `远山${tag}`;

const secondText =
  `证券代码：${otherCode}    证券简称：近水${tag}    公告编号：2025-002\n关于签订合同的公告\n` +
  `公司与${shortName}签订合同。${fullName}为本次合同的甲方。公司董事张伟出席。\n`;
const secondNames: [string, string][] = [
  [shortName, 'company'],
  [fullName, 'company'],
  ['张伟', 'person'],
];

/** What the entity decoder would read: each listed name at each place it occurs in a sentence. */
function extractionsFor(sentences: readonly string[], names: [string, string][]): ExtractionResult[] {
  return sentences.map((text) => ({
    modelVersion: 'test',
    events: [],
    entities: names.flatMap(([name, type]) => {
      const found = [];
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length))
        found.push({ type, text: name, start: at, end: at + name.length, confidence: 0.9 });
      return found;
    }),
  }));
}

async function ingest(id: string, text: string, names: [string, string][]) {
  const bytes = new TextEncoder().encode(text);
  const parsed = await parseDocument(
    bytes,
    { fileName: `${id}.txt`, mimeType: 'text/plain', kind: 'announcement' },
    {
      maxBytes: 1e7,
      maxPages: 100,
    },
  );
  const texts = parsed.sentences.map((s) => sentenceModelText(parsed, s));
  const job: DocumentJob = {
    documentId: id,
    kind: 'announcement',
    fileName: `${id}.txt`,
    submittedAt: '2025-01-01T00:00:00Z',
  };
  const input = {
    job,
    parsed,
    extractions: extractionsFor(texts, names),
    modelVersion: 'test',
    eventTypes,
    processedAt: new Date().toISOString(),
  };
  const linked = await linkDocument({
    ...input,
    gazetteer: createCompanyGazetteer(driver, config.neo4jDatabase),
  });
  // A worker answers lookups from the companies it holds in memory: the same links on the same graph.
  const mirror = new CompanyMirror(graphCompanySource(driver, config.neo4jDatabase), { refreshMs: 0 });
  assert.deepEqual(
    await linkDocument({ ...input, gazetteer: mirror }),
    linked,
    'linked from memory as by the query',
  );
  await writeDocumentGraph(driver, config.neo4jDatabase, { ...linked, events: [] });
  return linked;
}

async function rows(query: string, params: Record<string, unknown>) {
  const { records } = await driver.executeQuery(query, params, { database: config.neo4jDatabase });
  return records.map((r) => r.toObject());
}

describe('entity resolution in the graph', () => {
  before(async () => {
    await ensureTestServices(config);
    driver = createNeo4jDriver(config);
    await ensureGraphSchema(driver, config.neo4jDatabase);
  });
  after(async () => {
    await driver.executeQuery(
      `MATCH (n) WHERE n.key STARTS WITH $code OR n.key STARTS WITH $otherCode OR n.name CONTAINS $tag
          OR n.id STARTS WITH $tag OR n.documentId STARTS WITH $tag OR n.key CONTAINS $tag
          OR n.key ENDS WITH '@' + $code OR n.key ENDS WITH '@' + $otherCode
       DETACH DELETE n`,
      { code, otherCode, tag },
      { database: config.neo4jDatabase },
    );
    await driver.close();
  });

  it('gives one node to a company named by header code, full name in text, short name and code elsewhere', async () => {
    // The issuer's header states code and short name only; the body names it in full.
    const first = await ingest(
      `${tag}-a`,
      `证券代码：${code}    证券简称：${shortName}    公告编号：2025-001\n关于股东股份质押的公告\n` +
        `${fullName}近日接到控股股东周建平先生通知。周建将其持有的股份质押给华夏${tag}银行股份有限公司。` +
        `股东张伟担任公司董事。\t股东\t与ST均不是公司。\n`,
      [
        [fullName, 'company'],
        [`华夏${tag}银行股份有限公司`, 'company'],
        ['周建平', 'person'],
        ['周建', 'person'],
        ['张伟', 'person'],
        ['股东', 'company'],
        ['ST', 'company'],
      ],
    );
    assert.equal(first.document.issuerKey, code);
    // Another company's filing names it by short name and in full.
    await ingest(`${tag}-b`, secondText, secondNames);

    const companies = await rows(
      `MATCH (c:Company) WHERE c.name CONTAINS $tag OR c.key = $code
       RETURN c.key AS key, c.name AS name, c.shortNames AS shortNames ORDER BY key`,
      { tag, code },
    );
    const issuer = companies.filter((c) => String(c.name).startsWith(`远山${tag}`) || c.key === code);
    assert.deepEqual(
      issuer.map((c) => c.key),
      [code],
      `one node for ${fullName}: ${JSON.stringify(companies)}`,
    );
    assert.ok(!companies.some((c) => ['ST', '股东'].includes(String(c.name))), 'no company ST or 股东');

    const reasons = await rows(
      `MATCH (c:Company {key: $code})-[m:MENTIONED_IN]->(s:Sentence) RETURN s.documentId AS doc, m.text AS text, m.resolution AS why ORDER BY doc, text`,
      { code },
    );
    assert.deepEqual(
      reasons.map((r) => `${String(r.doc).slice(-1)} ${r.why}`),
      ['a unique_short_name', 'b short_name', 'b short_name', 'b same_full_name'],
      JSON.stringify(reasons),
    );

    const people = await rows(
      `MATCH (p:Person) WHERE p.key ENDS WITH $code OR p.key ENDS WITH $otherCode
       RETURN p.name AS name, p.companyKey AS company ORDER BY name, company`,
      { code, otherCode },
    );
    assert.deepEqual(
      people.map((p) => `${p.name}@${p.company}`).sort(),
      [`周建平@${code}`, `张伟@${code}`, `张伟@${otherCode}`].sort(),
      '周建 is 周建平; the two 张伟 stay apart, each with their company',
    );
  });

  it('shows each namesake with their company in search results', async () => {
    const hits = await searchEntities({ driver, database: config.neo4jDatabase }, '张伟', {
      label: 'Person',
      limit: 100,
    });
    const ours = hits.filter((h) => h.company && [code, otherCode].includes(h.company.key));
    assert.deepEqual(
      ours.map((h) => h.company?.name).sort(),
      [`远山${tag}智能制造股份有限公司`, `近水${tag}`].sort(),
    );
  });

  it('gives the same nodes when a document is processed again', async () => {
    const before = await rows(
      'MATCH (c:Company) WHERE c.name CONTAINS $tag OR c.key IN [$code, $otherCode] RETURN c.key AS key, c.name AS name, c.shortNames AS shortNames ORDER BY key',
      { tag, code, otherCode },
    );
    await ingest(`${tag}-b`, secondText, secondNames);
    const again = await rows(
      'MATCH (c:Company) WHERE c.name CONTAINS $tag OR c.key IN [$code, $otherCode] RETURN c.key AS key, c.name AS name, c.shortNames AS shortNames ORDER BY key',
      { tag, code, otherCode },
    );
    assert.deepEqual(again, before);
    // A filing whose header gives only the code: the node keeps the name it has.
    await ingest(`${tag}-c`, `证券代码：${otherCode}\n关于签订合同的公告\n公司与${shortName}签订合同。\n`, [
      [shortName, 'company'],
    ]);
    const named = await rows('MATCH (c:Company {key: $otherCode}) RETURN c.name AS name', { otherCode });
    assert.deepEqual(named, [{ name: `近水${tag}` }]);
  });

  it('splits a wrong merge apart, and reprocessing keeps it apart', async () => {
    const result = await splitCompany(driver, config.neo4jDatabase, code, shortName);
    assert.equal(result?.to, `name:${shortName}`);
    assert.equal(result?.mentions, 3, 'two in the second filing, one in the third');
    await assert.rejects(splitCompany(driver, config.neo4jDatabase, code, fullName), SplitRefusedError);
    assert.equal(await splitCompany(driver, config.neo4jDatabase, `${code}-nobody`, shortName), null);
    await ingest(`${tag}-b`, secondText, secondNames);
    const linked = await rows(
      `MATCH (c:Company)-[m:MENTIONED_IN]->(s:Sentence {documentId: $doc}) RETURN m.text AS text, c.key AS key ORDER BY text`,
      { doc: `${tag}-b` },
    );
    assert.deepEqual(
      linked.map((r) => `${r.text} ${r.key}`),
      [`${shortName} name:${shortName}`, `${shortName} name:${shortName}`, `${fullName} ${code}`],
    );
    const [node] = await rows(
      'MATCH (c:Company {key: $code}) RETURN c.shortNames AS shortNames, c.notAliases AS notAliases',
      { code },
    );
    assert.deepEqual(node, { shortNames: [], notAliases: [shortName] });
  });

  it('splits one document’s namesake off a merged person, and reprocessing keeps them apart', async () => {
    // 张伟 of the first filing is the issuer's director; a later filing's 张伟 is taken for another man.
    const later = `证券代码：${code}    证券简称：${shortName}    公告编号：2025-012\n关于董事辞职的公告\n公司董事张伟辞职。\n`;
    await ingest(`${tag}-u`, later, [['张伟', 'person']]);
    const merged = `张伟@${code}`;
    const documentsOf = async (key: string) =>
      (
        await rows(
          'MATCH (:Person {key: $key})-[:MENTIONED_IN]->(s:Sentence) RETURN DISTINCT s.documentId AS doc ORDER BY doc',
          { key },
        )
      ).map((r) => r.doc);
    assert.deepEqual(await documentsOf(merged), [`${tag}-a`, `${tag}-u`]);

    const result = await splitPerson(
      driver,
      config.neo4jDatabase,
      merged,
      `${tag}-u`,
      'a namesake, not the director',
    );
    const alone = `张伟@document:${tag}-u`;
    assert.deepEqual(result, { from: merged, to: alone, mentions: 1, arguments: 0 });
    assert.deepEqual(await documentsOf(merged), [`${tag}-a`]);
    assert.deepEqual(await documentsOf(alone), [`${tag}-u`]);
    const [node] = await rows(
      'MATCH (p:Person {key: $alone}) RETURN p.splitFrom AS from, p.splitReason AS why',
      {
        alone,
      },
    );
    assert.deepEqual(node, { from: merged, why: 'a namesake, not the director' });

    await ingest(`${tag}-u`, later, [['张伟', 'person']]);
    assert.deepEqual(await documentsOf(merged), [`${tag}-a`], 'reprocessed, the document keeps its own 张伟');
    assert.deepEqual(await documentsOf(alone), [`${tag}-u`]);
    // The first filing's 张伟 is the company's still, and a person one document names has nothing to split.
    await ingest(`${tag}-a2`, later.replace('2025-012', '2025-013'), [['张伟', 'person']]);
    assert.deepEqual(await documentsOf(merged), [`${tag}-a`, `${tag}-a2`]);
    await assert.rejects(
      splitPerson(driver, config.neo4jDatabase, alone, `${tag}-u`, 'x'),
      SplitRefusedError,
    );
    await assert.rejects(
      splitPerson(driver, config.neo4jDatabase, merged, `${tag}-b`, 'x'),
      SplitRefusedError,
    );
    assert.equal(await splitPerson(driver, config.neo4jDatabase, `无此人@${code}`, `${tag}-u`, 'x'), null);
  });

  it('finds a pledge of a company’s shares by the company, as a choice of party, shares or any', async () => {
    // The issuer's shareholder pledges its shares: the issuer plays no role, its filing tells the event.
    const linked = await ingest(
      `${tag}-p`,
      `证券代码：${code}    证券简称：${shortName}    公告编号：2025-009\n关于股东股份质押的公告\n股东周建平质押股份。\n`,
      [['周建平', 'person']],
    );
    const person = linked.entities.find((e) => e.label === 'Person');
    assert.ok(person);
    const sentence = linked.sentences.at(-1);
    assert.ok(sentence);
    const span = {
      sentence: sentence.index,
      start: sentence.start,
      end: sentence.start + 2,
      text: '股东',
      confidence: 0.9,
    };
    await writeDocumentGraph(driver, config.neo4jDatabase, {
      ...linked,
      events: [
        {
          id: `${tag}-pledge`,
          type: '质押',
          typeKey: 'pledge',
          documentType: '质押',
          trigger: '质押',
          confidence: 0.9,
          mentions: [span],
          arguments: [
            { ...span, role: 'sub-per', roleKey: 'pledgor person', entityKey: person.key, label: 'Person' },
          ],
        },
      ],
    });
    const reader = { driver, database: config.neo4jDatabase };
    const found = async (about?: 'party' | 'shares' | 'any') =>
      (
        await listEvents(reader, { companyKey: code, type: 'pledge', limit: 10, ...(about ? { about } : {}) })
      ).items.map((e) => e.id);
    assert.deepEqual(await found('party'), []);
    assert.deepEqual(await found('shares'), [`${tag}-pledge`]);
    assert.deepEqual(await found('any'), [`${tag}-pledge`]);
    assert.deepEqual(await found(), [`${tag}-pledge`], 'any is the default');
  });

  it('finds an event of a company’s subsidiary by the parent, as the subsidiaries choice and under any', async () => {
    // The parent's filing states the subsidiary; another company's filing tells the event it takes part in.
    const subsidiary = `远山${tag}精密机械有限公司`;
    const parentFiling = await ingest(
      `${tag}-s`,
      `证券代码：${code}    证券简称：${shortName}    公告编号：2025-010\n关于子公司的公告\n` +
        `公司全资子公司${subsidiary}完成工商变更登记。\n`,
      [[subsidiary, 'company']],
    );
    const sub = parentFiling.subsidiaries?.find((s) => s.parentKey === code);
    assert.ok(sub, JSON.stringify(parentFiling.subsidiaries));
    const telling = await ingest(
      `${tag}-t`,
      `证券代码：${otherCode}    证券简称：近水${tag}    公告编号：2025-011\n关于出售资产的公告\n` +
        `${subsidiary}收购公司持有的设备。\n`,
      [[subsidiary, 'company']],
    );
    const party = telling.entities.find((e) => e.name === subsidiary);
    assert.equal(party?.key, sub.companyKey, 'the telling filing links the same subsidiary node');
    const sentence = telling.sentences.at(-1);
    assert.ok(sentence);
    const span = {
      sentence: sentence.index,
      start: sentence.start,
      end: sentence.start + subsidiary.length,
      text: subsidiary,
      confidence: 0.9,
    };
    await writeDocumentGraph(driver, config.neo4jDatabase, {
      ...telling,
      events: [
        {
          id: `${tag}-acquisition`,
          type: '收购',
          typeKey: 'acquisition',
          documentType: '收购',
          trigger: '收购',
          confidence: 0.9,
          mentions: [span],
          arguments: [
            {
              ...span,
              role: 'sub-org',
              roleKey: 'acquirer org',
              entityKey: sub.companyKey,
              label: 'Company',
            },
          ],
        },
      ],
    });
    const reader = { driver, database: config.neo4jDatabase };
    const found = async (about?: 'party' | 'shares' | 'subsidiaries' | 'any') =>
      (
        await listEvents(reader, {
          companyKey: code,
          type: 'acquisition',
          limit: 10,
          ...(about ? { about } : {}),
        })
      ).items.map((e) => e.id);
    assert.deepEqual(await found('party'), []);
    assert.deepEqual(await found('shares'), []);
    assert.deepEqual(await found('subsidiaries'), [`${tag}-acquisition`]);
    assert.deepEqual(await found(), [`${tag}-acquisition`], 'any, the default, takes in subsidiaries');
    // The subsidiary's own filter finds it as a party, not the parent's other events.
    const asParty = await listEvents(reader, { companyKey: sub.companyKey, limit: 10, about: 'party' });
    assert.deepEqual(
      asParty.items.map((e) => e.id),
      [`${tag}-acquisition`],
    );
  });

  const skip = missingModel('model.int8.onnx');
  it('links the shipped samples to one node per company', { skip }, async () => {
    const extractor = await EventExtractor.load({ modelDir: MODEL_DIR, precision: 'int8' });
    const query = createCompanyGazetteer(driver, config.neo4jDatabase);
    // Every lookup the samples make, asked again of a worker's in-memory companies at the end.
    const lookups: { names: string[]; codes: string[] }[] = [];
    const gazetteer: Gazetteer = {
      findCompanies: (q) => {
        lookups.push(q);
        return query.findCompanies(q);
      },
    };
    const files = (await readdir(SAMPLES_DIR)).filter((f) => /\.(pdf|html|txt)$/.test(f)).sort();
    const ids: string[] = [];
    for (const file of files) {
      const bytes = new Uint8Array(await readFile(path.join(SAMPLES_DIR, file)));
      const job: DocumentJob = {
        documentId: `${tag}-sample-${file}`,
        kind: 'other',
        fileName: file,
        submittedAt: '2025-01-01T00:00:00Z',
      };
      const { graph } = await readDocument(bytes, job, {
        extractor,
        gazetteer,
        eventTypes,
        limits: { maxBytes: 1e8, maxPages: 100 },
      });
      await writeDocumentGraph(driver, config.neo4jDatabase, graph);
      ids.push(job.documentId);
    }
    const companies = await rows(
      `MATCH (d:Document) WHERE d.id IN $ids
       CALL (d) {
         MATCH (d)-[:HAS_SENTENCE]->(:Sentence)<-[:MENTIONED_IN]-(c:Company) RETURN c
         UNION MATCH (d)-[:ISSUED_BY|RATES]->(c:Company) RETURN c
         UNION MATCH (d)<-[:REPORTED_IN]-(:Event)-->(c:Company) RETURN c
       }
       RETURN DISTINCT c.key AS key, c.name AS name, c.code AS code`,
      { ids },
    );
    const mirror = new CompanyMirror(graphCompanySource(driver, config.neo4jDatabase), { refreshMs: 0 });
    const keys = async (g: Gazetteer, q: { names: string[]; codes: string[] }) =>
      (await g.findCompanies(q)).map((c) => c.key).sort();
    assert.ok(lookups.length >= files.length);
    for (const q of lookups) assert.deepEqual(await keys(mirror, q), await keys(query, q), JSON.stringify(q));
    const byCore = new Map<string, string[]>();
    for (const c of companies) {
      const core = nameCore(cleanCompanyName(String(c.name)));
      byCore.set(core, [...(byCore.get(core) ?? []), String(c.key)]);
    }
    const doubled = [...byCore.entries()].filter(([, keys]) => keys.length > 1);
    assert.deepEqual(doubled, [], 'no two nodes of one name');
    const qichen = companies.filter((c) => String(c.name).includes('启辰半导体'));
    assert.equal(
      qichen.length,
      1,
      `启辰半导体 and 无锡启辰半导体有限公司 are one: ${JSON.stringify(qichen)}`,
    );
    const names = companies.map((c) => String(c.name));
    for (const generic of ['ST', '公司', '株式会社', '股东']) assert.ok(!names.includes(generic), generic);
    const people = await rows(
      `MATCH (d:Document)-[:HAS_SENTENCE]->(:Sentence)<-[:MENTIONED_IN]-(p:Person) WHERE d.id IN $ids
       RETURN DISTINCT p.key AS key, p.name AS name`,
      { ids },
    );
    const zhou = people.filter((p) => String(p.name).startsWith('周建'));
    assert.deepEqual(
      zhou.map((p) => p.name),
      ['周建平'],
      `周建平 once, no 周建: ${JSON.stringify(zhou)}`,
    );
    // The samples' nodes go too: a later run must resolve against what it writes itself.
    await driver.executeQuery(
      'MATCH (n) WHERE n.key IN $keys AND (n:Company OR n:Person OR n:Organization) DETACH DELETE n',
      { keys: [...companies.map((c) => c.key), ...people.map((p) => p.key)] },
      { database: config.neo4jDatabase },
    );
    await driver.executeQuery(
      'MATCH (d:Document) WHERE d.id IN $ids OPTIONAL MATCH (d)-[:HAS_SENTENCE]->(s) OPTIONAL MATCH (e:Event)-[:REPORTED_IN]->(d) DETACH DELETE s, e, d',
      { ids },
      { database: config.neo4jDatabase },
    );
  });
});
