import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { type Config, projectRoot } from '../../src/config/index.js';
import { freePort, servicesDown, servicesStatus, servicesUp } from '../../src/services/index.js';
import { isAlive, waitFor } from '../../src/services/process-control.js';
import { testConfig } from '../support/test-services.js';

const run = promisify(execFile);

// Servers of this file only (ports the kernel just gave, a data folder of its own): it kills them, which the
// shared ones must not see.
let config: Config;

async function cliStatus(): Promise<string> {
  const env = {
    ...process.env,
    DATA_DIR: config.dataDir,
    REDIS_URL: config.redisUrl,
    NEO4J_URI: config.neo4jUri,
    NEO4J_PASSWORD: config.neo4jPassword,
  };
  const cli = path.join(projectRoot, 'dist', 'src', 'cli', 'main.js');
  try {
    return (await run(process.execPath, [cli, 'services', 'status'], { env })).stdout;
  } catch (error) {
    return (error as { stdout: string }).stdout; // exit code 1: a server is down
  }
}

describe('a managed server that died', () => {
  before(async () => {
    config = testConfig({
      redisUrl: `redis://127.0.0.1:${await freePort()}`,
      neo4jUri: `bolt://127.0.0.1:${await freePort()}`,
      dataDir: await mkdtemp(path.join(tmpdir(), 'finkg-unexpected-exit-')),
    });
    await servicesUp(config);
  });
  after(async () => {
    if (!config) return;
    await servicesDown(config);
    await rm(config.dataDir, { recursive: true, force: true });
  });

  it('is reported as stopped unexpectedly, and up starts it again', async () => {
    const started = await servicesStatus(config);
    const pids = started.map((s) => s.pid).filter((p): p is number => p !== undefined);
    assert.equal(pids.length, 2, 'both servers should have been started by finkg');
    for (const pid of pids) process.kill(pid, 'SIGKILL');
    await waitFor(async () => {
      if (pids.some(isAlive)) throw new Error('still running');
    }, 10_000);

    const statuses = await servicesStatus(config);
    for (const status of statuses) {
      const pid = started.find((s) => s.name === status.name)?.pid;
      assert.equal(status.healthy, false, status.name);
      assert.equal(status.lostPid, pid, status.name);
      assert.match(status.detail, new RegExp(`stopped unexpectedly \\(pid ${pid} gone\\)`));
    }
    const text = await cliStatus();
    assert.match(text, /redis .*DOWN.*started by finkg; stopped unexpectedly/);
    assert.match(text, /neo4j .*DOWN.*started by finkg; stopped unexpectedly/);
    assert.doesNotMatch(text, /not started by finkg/);

    const restarted = await servicesUp(config);
    for (const status of restarted) {
      assert.equal(status.healthy, true, `${status.name}: ${status.detail}`);
      assert.equal(status.managed, true);
      assert.ok(status.pid !== undefined && !pids.includes(status.pid), `${status.name} has a new process`);
    }
  });
});
