import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { createNeo4jDriver } from '../../../src/graph/index.js';
import { refusal, withoutExplainOffset } from '../../../src/graph/queries/cypher.js';
import { QueryTimeoutError, runUserCypher } from '../../../src/graph/queries/index.js';
import { ensureTestServices, testConfig } from '../../support/test-services.js';

describe('runUserCypher', () => {
  it('refuses plans that read files, URLs, settings or other transactions', () => {
    assert.match(refusal([{ name: 'LoadCSV', details: 'line' }]) ?? '', /LOAD CSV/);
    assert.match(refusal([{ name: 'ProcedureCall', details: 'dbms.listConfig() :: (name)' }]) ?? '', /dbms/);
    assert.match(refusal([{ name: 'ShowSettings', details: '' }]) ?? '', /administration/);
    assert.match(refusal([{ name: 'TerminateTransactions', details: '' }]) ?? '', /administration/);
    assert.equal(refusal([{ name: 'ShowIndexes', details: '' }]), null);
    assert.equal(refusal([{ name: 'ProcedureCall', details: 'db.labels() :: (label)' }]), null);
  });

  it('points error positions at the client’s text, not at the EXPLAIN in front of it', () => {
    assert.equal(
      withoutExplainOffset("Invalid input '': expected an expression (line 1, column 19 (offset: 18))"),
      "Invalid input '': expected an expression (line 1, column 11 (offset: 10))",
    );
    assert.equal(
      withoutExplainOffset('x (line 2, column 3 (offset: 30))'),
      'x (line 2, column 3 (offset: 22))',
    );
  });

  describe('against Neo4j', () => {
    const config = testConfig();
    let driver: Driver;
    before(async () => {
      await ensureTestServices(config);
      driver = createNeo4jDriver(config);
    });
    after(async () => {
      await driver?.close();
    });

    it('stops a query at its deadline', async () => {
      await assert.rejects(
        runUserCypher(
          { driver, database: config.neo4jDatabase },
          'UNWIND range(1, 10000000000) AS i WITH i WHERE i % 7 = 3 RETURN count(i) AS n',
          {},
          { timeoutMs: 300, maxRows: 10 },
        ),
        QueryTimeoutError,
      );
    });

    it('stops reading at the row cap instead of buffering the whole result', async () => {
      const result = await runUserCypher(
        { driver, database: config.neo4jDatabase },
        'UNWIND range(1, 100000000) AS i RETURN i',
        {},
        { timeoutMs: 5000, maxRows: 5 },
      );
      assert.equal(result.rows.length, 5);
      assert.equal(result.truncated, true);
    });
  });
});
