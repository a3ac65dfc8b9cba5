import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { createNeo4jDriver, ensureGraphSchema } from '../../src/graph/index.js';
import { ensureTestServices, testConfig } from '../support/test-services.js';

const config = testConfig();
let driver: Driver;

describe('graph schema and a Cypher round trip', () => {
  before(async () => {
    await ensureTestServices(config);
    driver = createNeo4jDriver(config);
  });
  after(async () => {
    await driver.executeQuery('MATCH (c:Company) WHERE c.key STARTS WITH "schema-test:" DETACH DELETE c');
    await driver.close();
  });

  it('creates constraints and indexes idempotently', async () => {
    await ensureGraphSchema(driver, config.neo4jDatabase);
    await ensureGraphSchema(driver, config.neo4jDatabase);
    const { records } = await driver.executeQuery(
      'SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names',
    );
    const names = records[0]?.get('names') as string[];
    for (const name of ['document_id', 'company_key', 'event_id', 'sentence_id'])
      assert.ok(names.includes(name), name);
  });

  it('writes and reads back with parameters, and the key constraint holds', async () => {
    await driver.executeQuery('CREATE (:Company {key: $key, name: $name})', {
      key: 'schema-test:1',
      name: '测试股份',
    });
    const { records } = await driver.executeQuery('MATCH (c:Company {key: $key}) RETURN c.name AS name', {
      key: 'schema-test:1',
    });
    assert.equal(records[0]?.get('name'), '测试股份');
    await assert.rejects(
      driver.executeQuery('CREATE (:Company {key: $key})', { key: 'schema-test:1' }),
      /already exists|ConstraintValidationFailed/,
    );
  });
});
