import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import {
  CompanyIndex,
  CompanyMirror,
  createCompanyGazetteer,
  graphCompanySource,
  writeDocumentsGraph,
} from '../../src/graph/index.js';
import type { Gazetteer, KnownCompany } from '../../src/link/gazetteer.js';
import type { GraphDocument } from '../../src/link/graph-document.js';
import { type GraphFixture, openGraphFixture } from '../support/graph-fixture.js';
import { testConfig } from '../support/test-services.js';

const moutai: KnownCompany = {
  key: 'code:600519',
  name: '贵州茅台酒股份有限公司',
  code: '600519',
  shortNames: ['贵州茅台', '茅台'],
};
const ah: KnownCompany = {
  key: 'code:601988',
  name: '中国银行股份有限公司',
  code: '601988',
  hkCode: '03988',
  shortNames: ['中国银行'],
};
const byName: KnownCompany = {
  key: 'name:无锡启辰半导体有限公司',
  name: '无锡启辰半导体有限公司',
  shortNames: [],
};

const keysOf = (found: readonly KnownCompany[]) => found.map((c) => c.key);

describe('CompanyIndex: the query’s answers from memory', () => {
  const index = new CompanyIndex([moutai, ah, byName]);

  it('finds by any code, by full name and by exact short name', () => {
    assert.deepEqual(keysOf(index.find([], ['03988'])), [ah.key]);
    assert.deepEqual(keysOf(index.find(['贵州茅台酒股份有限公司'], [])), [moutai.key]);
    assert.deepEqual(keysOf(index.find(['茅台', '不存在的公司'], [])), [moutai.key]);
  });

  it('finds a name that holds a looked-up name of three characters or more, not of two', () => {
    assert.deepEqual(keysOf(index.find(['启辰半导体'], [])), [byName.key]);
    assert.deepEqual(keysOf(index.find(['启辰'], [])), []);
    assert.deepEqual(keysOf(index.find(['半导体有限公司X'], [])), []);
  });

  it('forgets a replaced company’s old names and a company no longer in the graph', () => {
    const changed = new CompanyIndex([moutai, ah]);
    changed.replace([moutai.key, ah.key], [{ ...moutai, shortNames: ['贵州茅台'] }]);
    assert.deepEqual(keysOf(changed.find(['茅台'], [])), []);
    assert.deepEqual(keysOf(changed.find(['贵州茅台'], [])), [moutai.key]);
    assert.deepEqual(keysOf(changed.find(['中国银行'], ['601988'])), []);
    assert.equal(changed.size, 1);
  });
});

describe('CompanyMirror without the graph', () => {
  it('answers from what it read before when a read fails, and fails when it never read', async () => {
    let fail = false;
    const source = {
      all: async () => {
        if (fail) throw new Error('server away');
        return [moutai];
      },
      byKeys: async () => {
        throw new Error('server away');
      },
    };
    const mirror = new CompanyMirror(source, { refreshMs: 0, onRefreshError: () => undefined });
    assert.deepEqual(keysOf(await mirror.findCompanies({ names: ['茅台'], codes: [] })), [moutai.key]);
    fail = true;
    await mirror.load().catch(() => undefined);
    mirror.noteWritten([moutai.key]);
    assert.deepEqual(keysOf(await mirror.findCompanies({ names: ['茅台'], codes: [] })), [moutai.key]);
    const never = new CompanyMirror(source, { refreshMs: 0 });
    await assert.rejects(never.findCompanies({ names: ['茅台'], codes: [] }), /server away/);
  });
});

describe('CompanyMirror: lookups wait for the worker’s own commits, not for a whole re-read', () => {
  it('keeps a commit’s re-read over an older whole read that ends after it', async () => {
    let graph: KnownCompany[] = [moutai];
    let releaseWhole: (() => void) | undefined;
    const source = {
      all: async () => {
        const snapshot = graph;
        await new Promise<void>((resolve) => {
          releaseWhole = resolve;
        });
        return snapshot;
      },
      byKeys: async (keys: readonly string[]) => graph.filter((c) => keys.includes(c.key)),
    };
    const mirror = new CompanyMirror(source, { refreshMs: 0 });
    const first = mirror.load();
    releaseWhole?.();
    await first;
    // A whole read starts (and sees the graph before the commit), then the worker commits.
    const slow = mirror.load();
    graph = [{ ...moutai, shortNames: [...moutai.shortNames, '茅台酒'] }, ah];
    mirror.noteWritten([moutai.key, ah.key]);
    // The lookup is answered while the whole read still runs, with the commit in.
    assert.deepEqual(keysOf(await mirror.findCompanies({ names: ['茅台酒', '中国银行'], codes: [] })), [
      moutai.key,
      ah.key,
    ]);
    releaseWhole?.();
    await slow;
    assert.deepEqual(keysOf(await mirror.findCompanies({ names: ['茅台酒', '中国银行'], codes: [] })), [
      moutai.key,
      ah.key,
    ]);
  });
});

describe('CompanyMirror against the graph: the same companies as the query', () => {
  const config = testConfig();
  let driver: Driver;
  let fixture: GraphFixture;
  let query: Gazetteer;
  let close: () => Promise<void>;

  before(async () => {
    ({ driver, fixture, close } = await openGraphFixture(config));
    query = createCompanyGazetteer(driver, config.neo4jDatabase);
  });
  after(async () => {
    await driver?.executeQuery(
      'MATCH (n) WHERE n.key STARTS WITH $prefix OR n.id STARTS WITH $prefix DETACH DELETE n',
      { prefix: fixture.prefix },
      { database: config.neo4jDatabase },
    );
    await close?.();
  });

  const mirrorOf = () =>
    new CompanyMirror(graphCompanySource(driver, config.neo4jDatabase), { refreshMs: 0 });
  /** The keys of this test's companies each gazetteer finds (other tests share the server). */
  const ours = async (g: Gazetteer, q: { names: string[]; codes: string[] }) =>
    keysOf(await g.findCompanies(q))
      .filter((k) => k.startsWith(fixture.prefix))
      .sort();

  const lookups = () => [
    { names: [fixture.company.shortName], codes: [] },
    { names: [fixture.company.name, fixture.subsidiary.name], codes: [] },
    { names: [], codes: [fixture.company.code] },
    { names: [`${fixture.prefix}淼垚`, '淼垚矿', '淼垚'], codes: [] },
    { names: [fixture.bank.name.slice(0, 4), '不存在的公司'], codes: ['000000'] },
  ];

  it('finds what the query finds, lookup by lookup', async () => {
    const mirror = mirrorOf();
    for (const q of lookups()) {
      const expected = await ours(query, q);
      assert.ok(expected.length > 0 || q.codes.includes('000000'), JSON.stringify(q));
      assert.deepEqual(await ours(mirror, q), expected, JSON.stringify(q));
    }
  });

  it('two workers: each sees its own commit at once, the other’s after its refresh, then both as the query', async () => {
    const workerA = mirrorOf();
    const workerB = mirrorOf();
    await Promise.all([workerA.load(), workerB.load()]);
    const newcomer = { key: `${fixture.prefix}-new`, name: `${fixture.prefix}新来科技股份有限公司` };
    const doc: GraphDocument = {
      document: {
        id: `${fixture.prefix}-mirror-doc`,
        kind: 'announcement',
        fileName: 'mirror.txt',
        pageCount: 1,
        modelVersion: 'test',
        processedAt: '2025-01-01T00:00:00Z',
      },
      sentences: [{ index: 0, page: 1, start: 0, end: 10, text: '新来科技股份有限公司。' }],
      entities: [
        { ...newcomer, label: 'Company', shortNames: ['新来科技'] },
        {
          key: fixture.company.key,
          label: 'Company',
          name: fixture.company.name,
          shortNames: ['淼垚新简称'],
        },
      ],
      mentions: [
        {
          sentence: 0,
          start: 0,
          end: 10,
          text: '新来科技股份有限公司',
          confidence: 0.9,
          entityKey: newcomer.key,
          label: 'Company',
          type: 'company',
        },
      ],
      events: [],
    };
    await writeDocumentsGraph(driver, config.neo4jDatabase, [doc]);
    workerA.noteWritten(doc.entities.map((e) => e.key));
    const asked = { names: ['新来科技', '淼垚新简称'], codes: [] };
    const expected = await ours(query, asked);
    assert.deepEqual(expected, [fixture.company.key, newcomer.key].sort());
    assert.deepEqual(await ours(workerA, asked), expected, 'the writing worker, at once');
    assert.deepEqual(await ours(workerB, asked), [], 'the other worker, before its refresh');
    await workerB.load();
    assert.deepEqual(await ours(workerB, asked), expected, 'the other worker, after its refresh');
    for (const q of lookups()) assert.deepEqual(await ours(workerB, q), await ours(query, q));
  });
});
