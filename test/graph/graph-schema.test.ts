import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { createNeo4jDriver, ensureGraphSchema } from '../../src/graph/index.js';
import { ENTITY_LABELS } from '../../src/vocabulary/entity-labels.js';
import { ensureTestServices, testConfig } from '../support/test-services.js';

const config = testConfig();
let driver: Driver;

describe('graph schema', () => {
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

  it('gives every node the writer merges on a key a uniqueness constraint on that key', async () => {
    await ensureGraphSchema(driver, config.neo4jDatabase);
    const { records } = await driver.executeQuery(
      "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties WHERE type = 'UNIQUENESS' RETURN labelsOrTypes[0] AS label, properties[0] AS property",
    );
    const unique = new Set(records.map((r) => `${r.get('label')}.${r.get('property')}`));
    // Entities are merged on their key (src/graph/document-graph-writer.ts); without the constraint a
    // concurrent second worker would create a duplicate instead of failing over to a retry.
    for (const label of ENTITY_LABELS) assert.ok(unique.has(`${label}.key`), `${label}.key`);
    for (const key of ['Document.id', 'Sentence.id', 'Event.id', 'Analyst.key', 'Broker.name'])
      assert.ok(unique.has(key), key);
  });

  it('refuses a second company with the key of one written before', async () => {
    await driver.executeQuery('CREATE (:Company {key: $key, name: $name})', {
      key: 'schema-test:1',
      name: '测试股份',
    });
    await assert.rejects(
      driver.executeQuery('CREATE (:Company {key: $key})', { key: 'schema-test:1' }),
      /already exists|ConstraintValidationFailed/,
    );
  });
});
