/**
 * `finkg serve` keeps the servers finkg started alive: a Neo4j that exits (a read that exhausts its heap
 * does, by ExitOnOutOfMemoryError) is started again, the API answers 503 meanwhile, and says so in its log.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { childProcessEnv, projectRoot } from '../../../src/config/index.js';
import { neo4jStatus, servicesDown, servicesUp } from '../../../src/services/index.js';
import { isAlive, waitFor } from '../../../src/services/process-control.js';
import { freePort } from '../../support/run-services.js';
import { testConfig } from '../../support/test-services.js';

let config: ReturnType<typeof testConfig>;
let serve: ChildProcess | undefined;
let output = '';

before(async () => {
  // Servers of this file only (free ports, own data folder): the test kills its Neo4j.
  config = testConfig({
    redisUrl: `redis://127.0.0.1:${await freePort()}`,
    neo4jUri: `bolt://127.0.0.1:${await freePort()}`,
    dataDir: path.join(projectRoot, '.data', `test-serve-${process.pid}`),
  });
  await servicesUp(config);
});

after(async () => {
  if (serve?.pid !== undefined && serve.exitCode === null) {
    const exited = new Promise((resolve) => serve?.once('exit', resolve));
    serve.kill('SIGTERM');
    await exited;
  }
  await servicesDown(config);
  await rm(config.dataDir, { recursive: true, force: true });
});

it('starts again a managed Neo4j that died, and logs it', { timeout: 600_000 }, async () => {
  const started = await neo4jStatus(config);
  assert.ok(started.healthy && started.managed && started.pid !== undefined, started.detail);
  const cli = path.join(projectRoot, 'dist', 'src', 'cli', 'main.js');
  const port = await freePort();
  serve = spawn(process.execPath, [cli, 'serve', '--port', String(port)], {
    // Info level: the line saying it listens is what the test waits for.
    env: childProcessEnv(config, { API_KEYS: '', API_KEYS_FILE: '', LOG_FORMAT: 'json', LOG_LEVEL: 'info' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  serve.stdout?.on('data', (chunk: Buffer) => (output += chunk));
  serve.stderr?.on('data', (chunk: Buffer) => (output += chunk));
  await waitFor(async () => {
    if (!output.includes('finkg listening on')) throw new Error(output || 'serve printed nothing');
  }, 300_000);

  const lostPid = started.pid;
  process.kill(lostPid, 'SIGKILL');
  await waitFor(async () => {
    if (isAlive(lostPid)) throw new Error('still running');
  }, 10_000);
  // Until it is back, graph routes say so at once (a Neo4j start takes longer than the API's 3 s of retries).
  const meanwhile = await fetch(`http://127.0.0.1:${port}/v1/search?q=${encodeURIComponent('茅台')}`);
  assert.equal(meanwhile.status, 503, await meanwhile.clone().text());
  assert.equal(meanwhile.headers.get('retry-after'), '5');
  assert.equal(((await meanwhile.json()) as { error: string }).error, 'unavailable');

  // The supervisor looks every 10 s; a Neo4j start on a loaded machine takes minutes. Done once the
  // server answers again and the supervisor has said so.
  await waitFor(
    async () => {
      const status = await neo4jStatus(config);
      if (!status.healthy || status.pid === lostPid || !output.includes('neo4j is running again')) {
        throw new Error(`${status.detail}\n${output}`);
      }
    },
    480_000,
    2_000,
  );
  const again = await neo4jStatus(config);
  assert.equal(again.managed, true);
  assert.notEqual(again.pid, lostPid);
  assert.match(output, new RegExp(`neo4j \\(pid ${lostPid}\\) stopped unexpectedly; starting it again`));
  assert.match(output, new RegExp(`neo4j is running again \\(pid ${again.pid}\\)`));
  assert.equal(serve.exitCode, null, 'serve kept running');
});
