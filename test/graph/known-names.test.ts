import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { KNOWN_NAMES_QUERY, readKnownNames } from '../../src/graph/index.js';
import { explainStatement } from '../../src/graph/queries/index.js';
import { type GraphFixture, openGraphFixture } from '../support/graph-fixture.js';
import { testConfig } from '../support/test-services.js';

describe('the graph’s known names, for the model’s knowledge input', () => {
  const config = testConfig();
  let driver: Driver;
  let fixture: GraphFixture;
  let close: () => Promise<void>;

  before(async () => {
    ({ driver, fixture, close } = await openGraphFixture(config));
  });
  after(() => close?.());

  it('lists companies by full and short name, organisations and people, with their kinds', async () => {
    const names = await readKnownNames(driver, config.neo4jDatabase);
    const kindOf = (name: string) => names.filter((n) => n.name === name).map((n) => n.kind);
    const { company, subsidiary, bank, person } = fixture;
    assert.deepEqual(kindOf(company.name), ['org']);
    assert.deepEqual(kindOf(company.shortName), ['org']);
    assert.deepEqual(kindOf(subsidiary.name), ['org']);
    assert.deepEqual(kindOf(bank.name), ['org']);
    assert.ok(kindOf(person.name).includes('person'));
  });

  it('reads name indexes, not label stores', async () => {
    const operators = (
      await explainStatement(
        { driver, database: config.neo4jDatabase },
        { text: KNOWN_NAMES_QUERY, params: {} },
      )
    ).map((op) => op.name);
    assert.ok(
      !operators.includes('NodeByLabelScan') && !operators.includes('AllNodesScan'),
      operators.join(' < '),
    );
  });
});
