import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { projectRoot } from '../../src/config/index.js';
import { ensureRedis, redisStatus, stopRedis, superviseServices } from '../../src/services/index.js';
import { isAlive, waitFor } from '../../src/services/process-control.js';
import { testConfig } from '../support/test-services.js';

// A Redis of this file only (own port and data folder), since the test kills it. No Neo4j runs at this
// URI and none was started by finkg, so the supervisor must leave it alone.
const config = testConfig({
  redisUrl: 'redis://127.0.0.1:26412',
  neo4jUri: 'bolt://127.0.0.1:27712',
  dataDir: path.join(projectRoot, '.data', 'test-supervisor'),
});

describe('superviseServices', () => {
  after(async () => {
    await stopRedis(config);
    await rm(config.dataDir, { recursive: true, force: true });
  });

  it('starts a managed server again when its process dies, and says so', async () => {
    const first = await ensureRedis(config);
    assert.ok(first.managed && first.pid !== undefined);
    const lines: string[] = [];
    const log = { warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
    const supervisor = superviseServices(config, log as never, 200);
    try {
      process.kill(first.pid, 'SIGKILL');
      // Done once the supervisor has logged the restart it waited for.
      await waitFor(async () => {
        if (!lines.some((line) => line.startsWith('redis is running again')))
          throw new Error(lines.join('\n'));
      }, 20_000);
      const again = await redisStatus(config);
      assert.ok(again.healthy && again.pid !== first.pid, again.detail);
      assert.equal(again.managed, true);
      assert.equal(isAlive(first.pid), false);
      assert.ok(
        lines.includes(`redis (pid ${first.pid}) stopped unexpectedly; starting it again`),
        lines.join('\n'),
      );
      assert.ok(lines.includes(`redis is running again (pid ${again.pid})`), lines.join('\n'));
      assert.ok(!lines.some((line) => line.startsWith('neo4j')), lines.join('\n'));
    } finally {
      supervisor.stop();
    }
  });
});
