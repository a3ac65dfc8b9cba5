import type { Driver } from 'neo4j-driver';
import type { Config } from '../../src/config/index.js';
import { createNeo4jDriver, ensureGraphSchema, writeDocumentGraph } from '../../src/graph/index.js';
import type {
  EventArgumentRow,
  GraphDocument,
  LinkedSentence,
  Provenance,
} from '../../src/link/graph-document.js';
import { buybackNews } from './buyback-news.js';
import { pledgeNotice } from './pledge-notice.js';
import { ensureTestServices, uniquePrefix } from './test-services.js';

/**
 * A small hand-built graph: two documents of one company (an announcement and a research report),
 * three events with entity and value arguments, a rating with a broker and an analyst. Every key and
 * id starts with the prefix, so the fixture can be removed exactly and never meets other tests' data.
 */
export interface GraphFixture {
  prefix: string;
  company: { key: string; code: string; name: string; shortName: string };
  subsidiary: { key: string; name: string };
  bank: { key: string; name: string };
  person: { key: string; name: string };
  broker: string;
  analystKey: string;
  announcementId: string;
  reportId: string;
  /** pledge 2024-03-10, guarantee 2023-12-01, acquisition undated. */
  events: { pledge: string; guarantee: string; acquisition: string };
  documents: GraphDocument[];
}

function sentences(texts: string[]): { text: string; sentences: LinkedSentence[] } {
  let offset = 0;
  const out = texts.map((text, index) => {
    const sentence = { index, page: 1 + index, start: offset, end: offset + text.length, text };
    offset += text.length;
    return sentence;
  });
  return { text: texts.join(''), sentences: out };
}

/** Provenance of the nth occurrence of `needle` in a sentence, in document offsets. */
function at(sentence: LinkedSentence, needle: string, confidence = 0.9, occurrence = 0): Provenance {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = sentence.text.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`"${needle}" is not in sentence ${sentence.index}`);
  return {
    sentence: sentence.index,
    start: sentence.start + index,
    end: sentence.start + index + needle.length,
    text: needle,
    confidence,
  };
}

export function buildGraphFixture(prefix: string): GraphFixture {
  const digits = String(Number.parseInt(prefix.replace(/\W/g, '').slice(-6), 36) % 100000).padStart(5, '0');
  const company = {
    key: `${prefix}-co`,
    code: `9${digits}`,
    name: `${prefix}淼垚矿业股份有限公司`,
    shortName: '淼垚矿业',
  };
  const subsidiary = { key: `${prefix}-sub`, name: `${prefix}淼垚子公司` };
  const bank = { key: `${prefix}-bank`, name: `${prefix}淼垚银行` };
  const person = { key: `${prefix}-person`, name: '张淼垚' };
  const broker = `${prefix}证券`;
  const analystKey = `${prefix}-S0001`;
  const announcementId = `${prefix}-ann`;
  const reportId = `${prefix}-rep`;
  const events = { pledge: `${prefix}-e1`, guarantee: `${prefix}-e2`, acquisition: `${prefix}-e3` };
  const modelVersion = 'fixture-1';

  const ann = sentences([
    '淼垚矿业股份有限公司关于控股股东股份质押的公告。',
    '公司于2024年3月10日将所持股份质押给淼垚银行，质押金额5亿元，占总股本8.5%。',
    '此前，公司为淼垚子公司提供担保。',
  ]);
  const [a0, a1, a2] = ann.sentences as [LinkedSentence, LinkedSentence, LinkedSentence];
  const entityArg = (
    p: Provenance,
    role: string,
    roleKey: string,
    entityKey: string,
    label: 'Company' | 'Organization',
  ): EventArgumentRow => ({ ...p, role, roleKey, entityKey, label });

  const announcement: GraphDocument = {
    document: {
      id: announcementId,
      kind: 'announcement',
      title: '关于控股股东股份质押的公告',
      publishedAt: '2024-03-15',
      fileName: 'ann.pdf',
      pageCount: 3,
      modelVersion,
      processedAt: '2024-03-16T00:00:00Z',
      issuerKey: company.key,
    },
    sentences: ann.sentences,
    entities: [
      {
        key: company.key,
        label: 'Company',
        name: company.name,
        code: company.code,
        exchange: 'SSE',
        shortNames: [company.shortName],
      },
      { key: subsidiary.key, label: 'Company', name: subsidiary.name },
      { key: bank.key, label: 'Organization', name: bank.name, category: 'bank' },
    ],
    mentions: [
      { ...at(a0, '淼垚矿业股份有限公司'), entityKey: company.key, label: 'Company', type: 'company' },
      { ...at(a1, '淼垚银行'), entityKey: bank.key, label: 'Organization', type: 'organization' },
      { ...at(a2, '淼垚子公司'), entityKey: subsidiary.key, label: 'Company', type: 'company' },
    ],
    events: [
      {
        id: events.pledge,
        type: '质押',
        documentType: '质押',
        typeKey: 'pledge',
        trigger: '质押',
        date: '2024-03-10',
        amount: 500_000_000,
        currency: 'CNY',
        ratio: 0.085,
        confidence: 0.93,
        mentions: [at(a1, '质押', 0.95)],
        arguments: [
          entityArg(at(a1, '公司'), 'sub-org', 'pledgor org', company.key, 'Company'),
          entityArg(at(a1, '淼垚银行'), 'obj-org', 'pledgee org', bank.key, 'Organization'),
          { ...at(a1, '5亿元'), role: 'money', roleKey: 'pledged value', value: '500000000 CNY' },
        ],
      },
      {
        id: events.guarantee,
        type: '担保',
        documentType: '担保',
        typeKey: 'guarantee',
        trigger: '担保',
        date: '2023-12-01',
        confidence: 0.8,
        mentions: [at(a2, '担保')],
        arguments: [
          entityArg(at(a2, '公司'), 'sub-org', 'guarantor org', company.key, 'Company'),
          entityArg(at(a2, '淼垚子公司'), 'obj-org', 'guaranteed org', subsidiary.key, 'Company'),
        ],
      },
    ],
  };

  const rep = sentences([
    '研究报告：维持淼垚矿业买入评级，目标价1900-2100元。',
    '分析师张淼垚认为公司将收购淼垚子公司。',
  ]);
  const [r0, r1] = rep.sentences as [LinkedSentence, LinkedSentence];
  const report: GraphDocument = {
    document: {
      id: reportId,
      kind: 'research_report',
      title: '淼垚矿业深度报告',
      publishedAt: '2024-05-01',
      pageCount: 2,
      modelVersion,
      processedAt: '2024-05-02T00:00:00Z',
      issuerKey: company.key,
    },
    sentences: rep.sentences,
    entities: [
      {
        key: company.key,
        label: 'Company',
        name: company.name,
        code: company.code,
        shortNames: [company.shortName],
      },
      { key: subsidiary.key, label: 'Company', name: subsidiary.name },
      { key: person.key, label: 'Person', name: person.name },
    ],
    mentions: [
      { ...at(r0, '淼垚矿业'), entityKey: company.key, label: 'Company', type: 'company' },
      { ...at(r1, '张淼垚'), entityKey: person.key, label: 'Person', type: 'person' },
    ],
    events: [
      {
        id: events.acquisition,
        type: '收购',
        documentType: '企业收购',
        typeKey: 'acquisition',
        trigger: '收购',
        confidence: 0.7,
        mentions: [at(r1, '收购')],
        arguments: [
          entityArg(at(r1, '公司'), 'sub-org', 'acquirer org', company.key, 'Company'),
          entityArg(at(r1, '淼垚子公司'), 'obj-org', 'acquired org', subsidiary.key, 'Company'),
        ],
      },
    ],
    rating: {
      companyKey: company.key,
      rating: '买入',
      change: '维持',
      targetPrice: 1900,
      targetPriceHigh: 2100,
      currency: 'CNY',
      date: '2024-05-01',
      broker,
      analysts: [{ name: '李分析', certificate: analystKey }],
      forecasts: FIXTURE_FORECASTS,
    },
  };

  return {
    prefix,
    company,
    subsidiary,
    bank,
    person,
    broker,
    analystKey,
    announcementId,
    reportId,
    events,
    documents: [announcement, report],
  };
}

/**
 * An officer of the fixture company over time, kept out of the shared fixture (whose counts other tests
 * read): appointed 总经理 by one announcement, resigning it for a seat on the board by a later one.
 */
export function buildOfficerChanges(fixture: GraphFixture): {
  person: { key: string; name: string };
  documents: GraphDocument[];
} {
  const { prefix, company } = fixture;
  const person = { key: `${prefix}-officer@${company.key}`, name: '王淼垚' };
  const told = (
    n: number,
    publishedAt: string,
    text: string,
    change: string,
    position: string,
    after?: string,
  ): GraphDocument => {
    const doc = sentences([text]);
    const [s0] = doc.sentences as [LinkedSentence];
    return {
      document: {
        id: `${prefix}-officer-${n}`,
        kind: 'announcement',
        title: `关于高级管理人员变动的公告（${n}）`,
        publishedAt,
        pageCount: 1,
        modelVersion: 'fixture-1',
        processedAt: `${publishedAt}T08:00:00Z`,
        issuerKey: company.key,
      },
      sentences: doc.sentences,
      entities: [
        {
          key: company.key,
          label: 'Company',
          name: company.name,
          code: company.code,
          shortNames: [company.shortName],
        },
        {
          key: person.key,
          label: 'Person',
          name: person.name,
          positions: after ? [position, after] : [position],
        },
      ],
      mentions: [{ ...at(s0, person.name), entityKey: person.key, label: 'Person', type: 'person' }],
      events: [
        {
          id: `${prefix}-officer-e${n}`,
          type: '高管变动',
          documentType: '高管变动',
          typeKey: 'executive change',
          trigger: change,
          date: publishedAt,
          confidence: 0.9,
          mentions: [at(s0, change)],
          arguments: [
            {
              ...at(s0, person.name),
              role: 'sub-per',
              roleKey: 'executive',
              entityKey: person.key,
              label: 'Person',
            },
            {
              ...at(s0, '公司'),
              role: 'target-company',
              roleKey: 'employer',
              entityKey: company.key,
              label: 'Company',
            },
            { ...at(s0, change), role: 'way', roleKey: 'change kind', value: change },
            { ...at(s0, position), role: 'title', roleKey: 'position' },
            ...(after ? [{ ...at(s0, after), role: 'new-title', roleKey: 'position after' }] : []),
          ],
        },
      ],
    };
  };
  return {
    person,
    documents: [
      told(1, '2024-01-05', '董事会同意聘任王淼垚为公司总经理。', '聘任', '总经理'),
      told(
        2,
        '2024-06-30',
        '王淼垚因工作调整辞去公司总经理职务，辞职后仍担任董事。',
        '辞去',
        '总经理',
        '董事',
      ),
    ],
  };
}

/** The fixture report's forecasts, as the company routes give them back. */
export const FIXTURE_FORECASTS = [
  { metric: 'revenue', year: 2024, estimate: false, value: 150_000_000_000, unit: '元' },
  { metric: 'eps', year: 2025, estimate: true, value: 60.25, unit: '元/股' },
  { metric: 'pe', year: 2025, estimate: true, value: 31.5, unit: '倍' },
];

export async function writeGraphFixture(
  driver: Driver,
  database: string,
  fixture: GraphFixture,
): Promise<void> {
  for (const doc of fixture.documents) await writeDocumentGraph(driver, database, doc);
}

/** Removes every node the fixture wrote (and their relationships). */
export async function removeGraphFixture(driver: Driver, database: string, prefix: string): Promise<void> {
  await driver.executeQuery(
    `MATCH (n) WHERE (n:Document OR n:Company OR n:Person OR n:Organization OR n:Analyst)
                 AND coalesce(n.id, n.key) STARTS WITH $prefix
        OR (n:Sentence OR n:Event) AND n.documentId STARTS WITH $prefix
        OR n:Broker AND n.name STARTS WITH $prefix
     DETACH DELETE n`,
    { prefix },
    { database },
  );
}

/** The test Neo4j with the graph schema and a fresh fixture written; `close` removes the fixture. */
export async function openGraphFixture(
  config: Config,
): Promise<{ driver: Driver; fixture: GraphFixture; close: () => Promise<void> }> {
  await ensureTestServices(config);
  const driver = createNeo4jDriver(config);
  await ensureGraphSchema(driver, config.neo4jDatabase);
  const fixture = buildGraphFixture(uniquePrefix());
  await writeGraphFixture(driver, config.neo4jDatabase, fixture);
  return {
    driver,
    fixture,
    close: async () => {
      await removeGraphFixture(driver, config.neo4jDatabase, fixture.prefix);
      await driver.close();
    },
  };
}

/**
 * The documents of the batching tests, whose order matters: the fixture's announcement and report,
 * pledge notices of one holder at one bank (`notice`: the same pledge when dates and shares agree), and
 * a buy-back a news item names in words before another brings the listed company (`buyback`).
 */
export function pledgeStream(prefix: string) {
  const fixture = buildGraphFixture(`${prefix}-f`);
  const holder = { key: `${prefix}-holder`, name: `${prefix}淼垚投资有限公司` };
  const bank = { key: `${prefix}-bank`, name: `${prefix}淼垚银行` };
  const notice = (id: string, publishedAt: string, date: string, shares: number) =>
    pledgeNotice({ documentId: `${prefix}-${id}`, title: id, publishedAt, date, shares, holder, bank });
  const { buyback } = buybackNews(prefix);
  const [announcement, report] = fixture.documents as [GraphDocument, GraphDocument];
  return { announcement, report, notice, buyback };
}
