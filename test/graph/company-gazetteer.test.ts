import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { findCompaniesStatement, warmUpCompanyGazetteer } from '../../src/graph/company-gazetteer.js';
import { createCompanyGazetteer } from '../../src/graph/index.js';
import { explainStatement } from '../../src/graph/queries/index.js';
import type { Gazetteer } from '../../src/link/gazetteer.js';
import { type GraphFixture, openGraphFixture } from '../support/graph-fixture.js';
import { testConfig } from '../support/test-services.js';

describe('the graph as the linker’s gazetteer', () => {
  const config = testConfig();
  let driver: Driver;
  let fixture: GraphFixture;
  let gazetteer: Gazetteer;
  let close: () => Promise<void>;

  before(async () => {
    ({ driver, fixture, close } = await openGraphFixture(config));
    gazetteer = createCompanyGazetteer(driver, config.neo4jDatabase);
  });
  after(() => close?.());

  const keys = async (query: { names: string[]; codes: string[] }) =>
    (await gazetteer.findCompanies(query)).map((c) => c.key).filter((k) => k.startsWith(fixture.prefix));

  it('finds a company by code, by full name and by exact short name', async () => {
    const { company } = fixture;
    assert.deepEqual(await keys({ names: [], codes: [company.code] }), [company.key]);
    assert.deepEqual(await keys({ names: [company.name], codes: [] }), [company.key]);
    const found = await gazetteer.findCompanies({ names: [company.shortName, '不存在的公司'], codes: [] });
    const ours = found.filter((c) => c.key.startsWith(fixture.prefix));
    assert.deepEqual(
      ours.map((c) => [c.key, c.shortNames]),
      [[company.key, [company.shortName]]],
    );
  });

  it('does not take part of a short name for the name', async () => {
    assert.deepEqual(await keys({ names: [fixture.company.shortName.slice(0, 2)], codes: [] }), []);
  });

  it('looks up the names of a long filing, more than one full-text query may hold, and misses none', async () => {
    // A 381-page filing names well over a thousand companies; one query with all of them is refused
    // by Lucene (TooManyClauses, 1024 clauses at most).
    const names = Array.from({ length: 1200 }, (_, i) => `虚构${i}号实业`);
    names.push('Abc1', fixture.company.shortName);
    const found = await gazetteer.findCompanies({ names, codes: [fixture.company.code] });
    const ours = found.filter((c) => c.key.startsWith(fixture.prefix));
    assert.deepEqual(
      ours.map((c) => c.key),
      [fixture.company.key],
    );
  });

  it('reads only indexes, never every company', async () => {
    const reader = { driver, database: config.neo4jDatabase };
    for (const statement of [
      findCompaniesStatement(['淼垚矿业', '某某公司'], ['600519']),
      findCompaniesStatement([], ['600519']),
    ]) {
      const operators = (await explainStatement(reader, statement)).map((op) => op.name);
      assert.ok(
        !operators.includes('NodeByLabelScan') && !operators.includes('AllNodesScan'),
        operators.join(' < '),
      );
    }
  });

  it('sends its lists inside one map, so one plan serves a document of any number of names and codes', async () => {
    // A list parameter is planned anew for each size bucket; a list inside a map is not.
    for (const [names, codes] of [
      [['淼垚矿业'], []],
      [Array.from({ length: 150 }, (_, i) => `虚构${i}号实业`), ['600519', '00981']],
    ] as const)
      assert.deepEqual(Object.keys(findCompaniesStatement(names, codes).params), ['lookup']);
    await warmUpCompanyGazetteer(driver, config.neo4jDatabase);
    assert.deepEqual(await keys({ names: [fixture.company.shortName], codes: [] }), [fixture.company.key]);
  });
});
