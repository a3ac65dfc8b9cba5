import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { neo4jConf, neo4jPaths } from '../../src/services/neo4j-service.js';
import { testConfig } from '../support/test-services.js';

function settings(heap: string): Map<string, string> {
  const config = testConfig({ neo4jHeap: heap });
  const lines = neo4jConf(config, neo4jPaths(config)).split('\n');
  return new Map(
    lines.filter((l) => l.includes('=') && !l.startsWith('#')).map((l) => l.split('=') as [string, string]),
  );
}

describe('generated neo4j.conf', () => {
  it('bounds the memory of one transaction and of all of them by shares of the heap', () => {
    const conf = settings('512m');
    assert.equal(conf.get('db.memory.transaction.max'), '128m');
    assert.equal(conf.get('db.memory.transaction.total.max'), '256m');
    assert.equal(conf.get('db.transaction.timeout'), '120s');
    assert.equal(settings('2g').get('db.memory.transaction.max'), '512m');
  });
});
