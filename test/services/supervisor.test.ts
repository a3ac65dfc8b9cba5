import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Config, childProcessEnv, projectRoot } from '../../src/config/index.js';
import {
  ensureNeo4j,
  ensureRedis,
  freePort,
  neo4jStatus,
  redisStatus,
  stopNeo4j,
  stopRedis,
  superviseServices,
} from '../../src/services/index.js';
import { neo4jPaths } from '../../src/services/neo4j-service.js';
import { isAlive, waitFor } from '../../src/services/process-control.js';
import { testConfig } from '../support/test-services.js';

// Servers of this file only (ports the kernel just gave, a data folder of its own), since the tests kill
// them. The other server of each config is not started by finkg, so the supervisors must leave it alone.
async function ownConfig(): Promise<Config> {
  return testConfig({
    redisUrl: `redis://127.0.0.1:${await freePort()}`,
    neo4jUri: `bolt://127.0.0.1:${await freePort()}`,
    dataDir: await mkdtemp(path.join(tmpdir(), 'finkg-supervisor-')),
  });
}

function collector(): { lines: string[]; log: never } {
  const lines: string[] = [];
  const log = { warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
  return { lines, log: log as never };
}

/**
 * A second finkg process that supervises `config`'s services from the moment it reads a line on stdin
 * (after printing 'ready'), printing what it logs, one line each.
 */
function supervisorProcess(config: Config): { child: ChildProcess; lines: string[] } {
  const dist = path.join(projectRoot, 'dist', 'src');
  const script = `
    import { loadConfig } from ${JSON.stringify(path.join(dist, 'config', 'index.js'))};
    import { superviseServices } from ${JSON.stringify(path.join(dist, 'services', 'index.js'))};
    const say = (line) => console.log(line);
    process.stdin.once('data', () => superviseServices(loadConfig(), { warn: say, error: say }, 200));
    console.log('ready');
    setInterval(() => {}, 60_000);
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    env: childProcessEnv(config, {
      NEO4J_HEAP: config.neo4jHeap,
      NEO4J_PAGECACHE: config.neo4jPageCache,
      STARTUP_TIMEOUT_SECONDS: String(config.startupTimeoutSeconds),
    }),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const parts = (pending + chunk.toString()).split('\n');
    pending = parts.pop() ?? '';
    lines.push(...parts);
  });
  return { child, lines };
}

async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

describe('superviseServices', () => {
  it('starts a managed server again when its process dies, and says so', async () => {
    const config = await ownConfig();
    const first = await ensureRedis(config);
    const { lines, log } = collector();
    const supervisor = superviseServices(config, log, 200);
    try {
      assert.ok(first.managed && first.pid !== undefined);
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
      await stopRedis(config);
      await rm(config.dataDir, { recursive: true, force: true });
    }
  });

  describe('two supervisors of one data folder, in two processes', () => {
    let config: Config;
    let other: ChildProcess | undefined;
    before(async () => {
      config = await ownConfig();
    });
    after(async () => {
      await stopChild(other);
      await stopNeo4j(config);
      await rm(config.dataDir, { recursive: true, force: true });
    });

    it('start a dead Neo4j once: one starts it, the other finds it running', async () => {
      const first = await ensureNeo4j(config);
      assert.ok(first.managed && first.pid !== undefined, first.detail);
      const second = supervisorProcess(config);
      other = second.child;
      await waitFor(async () => {
        if (!second.lines.includes('ready')) throw new Error('the second supervisor did not start');
      }, 20_000);
      const dead = first.pid;
      process.kill(dead, 'SIGKILL');
      await waitFor(async () => {
        if (isAlive(dead)) throw new Error(`Neo4j ${dead} still runs`);
      }, 10_000);
      // Both start supervising the dead server at once, so both find it gone at their first check.
      second.child.stdin?.write('go\n');
      const here = collector();
      const supervisor = superviseServices(config, here.log, 200);
      try {
        // One of the two starts it and says so. The other says another process started it, or, when its first
        // check comes after the new server wrote its pid file, never sees a dead server and says nothing.
        const seen = () => [...here.lines, ...second.lines].filter((line) => line !== 'ready');
        await waitFor(
          async () => {
            if (!seen().some((l) => /is running again|could not be started/.test(l)))
              throw new Error(`here:\n${here.lines.join('\n')}\nother:\n${second.lines.join('\n')}`);
          },
          (config.startupTimeoutSeconds + 60) * 1000,
          500,
        );
        await new Promise((resolve) => setTimeout(resolve, 5_000));
        const all = seen();
        const said = all.join('\n');
        const now = await neo4jStatus(config);
        assert.ok(now.healthy && now.managed && now.pid !== undefined, now.detail);
        assert.equal(Number((await readFile(neo4jPaths(config).pidFile, 'utf8')).trim()), now.pid);
        assert.deepEqual(
          all.filter((line) => line.endsWith('starting it again')),
          [`neo4j (pid ${first.pid}) stopped unexpectedly; starting it again`],
          said,
        );
        assert.deepEqual(
          all.filter((line) => line.startsWith('neo4j is running again')),
          [`neo4j is running again (pid ${now.pid})`],
          said,
        );
        const rest = all.filter(
          (line) => !line.endsWith('starting it again') && !line.startsWith('neo4j is running'),
        );
        for (const line of rest)
          assert.equal(
            line,
            `neo4j (pid ${first.pid}) stopped unexpectedly; another finkg process started it again (pid ${now.pid})`,
            said,
          );
      } finally {
        supervisor.stop();
      }
    });
  });
});
