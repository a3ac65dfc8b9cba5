import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import neo4j from 'neo4j-driver';
import { freePort, servicesDown, servicesStatus, servicesUp } from '../../src/services/index.js';
import { isAlive, waitFor } from '../../src/services/process-control.js';
import { testConfig } from '../support/test-services.js';

const config = testConfig();

describe('local services', () => {
  before(async () => {
    await servicesUp(config);
  });

  after(async () => {
    // Leave them running for the other test files, as they were found.
    await servicesUp(config);
  });

  it('reports Redis and Neo4j healthy once up', async () => {
    const statuses = await servicesStatus(config);
    for (const status of statuses) assert.equal(status.healthy, true, `${status.name}: ${status.detail}`);
    const neo4jStatus = statuses.find((s) => s.name === 'neo4j');
    assert.match(neo4jStatus?.version ?? '', /^5\.26\./);
  });

  it('reuses running servers on a second up', async () => {
    const first = await servicesStatus(config);
    const second = await servicesUp(config);
    for (const status of second) {
      const before = first.find((s) => s.name === status.name);
      assert.equal(status.pid, before?.pid, `${status.name} was restarted`);
    }
  });

  it('keeps queued data and graph data across a restart, and down leaves no process behind', async () => {
    const marker = `restart-${Date.now()}`;
    const redis = new Redis(config.redisUrl);
    await redis.set(`finkg-test:${marker}`, 'kept');
    await redis.quit();
    const driver = neo4j.driver(config.neo4jUri, neo4j.auth.basic(config.neo4jUser, config.neo4jPassword));
    await driver.executeQuery('CREATE (:RestartProbe {marker: $marker})', { marker });
    await driver.close();

    const pids = (await servicesStatus(config)).map((s) => s.pid).filter((p): p is number => p !== undefined);
    assert.equal(pids.length, 2, 'both servers should have been started by finkg for the tests');
    const stopped = await servicesDown(config);
    assert.deepEqual(stopped, { worker: false, redis: true, neo4j: true });
    for (const pid of pids) assert.equal(isAlive(pid), false, `process ${pid} still running after down`);
    const down = await servicesStatus(config);
    assert.ok(down.every((s) => !s.healthy));

    await servicesUp(config);
    const again = new Redis(config.redisUrl);
    assert.equal(await again.get(`finkg-test:${marker}`), 'kept');
    await again.del(`finkg-test:${marker}`);
    await again.quit();
    const driver2 = neo4j.driver(config.neo4jUri, neo4j.auth.basic(config.neo4jUser, config.neo4jPassword));
    const { records } = await driver2.executeQuery(
      'MATCH (p:RestartProbe {marker: $marker}) WITH p, count(*) AS n DETACH DELETE p RETURN sum(n) AS n',
      { marker },
    );
    await driver2.close();
    assert.equal(Number(records[0]?.get('n')), 1);
  });

  it('explains what is wrong when a service cannot be used', async () => {
    const wrongPassword = { ...config, neo4jPassword: 'not-the-password' };
    await assert.rejects(servicesUp(wrongPassword), /rejects user "neo4j" with NEO4J_PASSWORD/);
    // Neo4j locks logins for a few seconds after wrong passwords; then the server must be as it was.
    const healthy = await waitFor(async () => {
      const statuses = await servicesStatus(config);
      if (!statuses.every((s) => s.healthy)) throw new Error(statuses.map((s) => s.detail).join('; '));
      return statuses;
    }, 30_000);
    assert.equal(healthy.length, 2, 'a wrong password must not harm the server');
    // 0.0.0.0 reaches this machine but is not a loopback name: finkg must not try to start a server for it.
    const remote = { ...config, redisUrl: `redis://0.0.0.0:${await freePort()}`, startupTimeoutSeconds: 1 };
    await assert.rejects(servicesUp(remote), /only starts servers on this machine/);
  });
});
