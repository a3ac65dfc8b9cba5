/**
 * The test runner owns the services of its run: two runs at once get servers of their own, every process
 * a run started is gone when it ends (also after Ctrl-C, or after it was killed outright, by the next
 * run), and a server that answers but cannot be used fails the run at once.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { projectRoot } from '../../src/config/index.js';
import { isAlive, waitFor } from '../../src/services/process-control.js';
import { processTable } from '../../src/services/process-tree.js';
import type { RunProbe } from '../support/run-probe.js';
import { freePort, sweepAbandonedRuns } from '../support/run-services.js';
import { TEST_SERVICE_ENV } from '../support/test-services.js';

const runner = path.join(projectRoot, 'dist', 'test', 'run-tests.js');
const probeFile = path.join(projectRoot, 'dist', 'test', 'support', 'run-probe.js');

interface Run {
  child: ChildProcess;
  out: string;
  output: () => string;
  exited: Promise<number | null>;
}

let scratch: string;
const runs: Run[] = [];

/** The runner over the probe file, with the TEST_* variables of this run removed unless given. */
function startRun(name: string, extraEnv: Record<string, string> = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of TEST_SERVICE_ENV) delete env[name];
  const out = path.join(scratch, `${name}.json`);
  const child = spawn(process.execPath, [runner, probeFile], {
    env: { ...env, RUN_PROBE_OUT: out, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const run = { child, out, output: () => output, exited };
  runs.push(run);
  return run;
}

function probeOf(run: Run): Promise<RunProbe> {
  return waitFor(
    async () => {
      if (!existsSync(run.out)) {
        if (run.child.exitCode !== null) throw new Error(`run ended without a probe:\n${run.output()}`);
        throw new Error(`no probe yet from ${run.out}`);
      }
      return JSON.parse(readFileSync(run.out, 'utf8')) as RunProbe;
    },
    240_000,
    250,
    (error) => String(error).includes('run ended'),
  );
}

const processesInGroup = (pgrp: number) =>
  processTable()
    .filter((p) => p.pgrp === pgrp)
    .map((p) => p.pid);

function assertGone(probe: RunProbe): void {
  for (const pid of [...probe.serverPids, probe.testRunnerPid, probe.testPid]) {
    assert.equal(isAlive(pid), false, `process ${pid} of the run is still running`);
  }
  assert.equal(existsSync(probe.dataDir), false, `${probe.dataDir} was left behind`);
}

describe('the test runner', { timeout: 600_000 }, () => {
  before(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'finkg-runner-'));
  });
  after(async () => {
    // A failed assertion must not leave a run behind: Ctrl-C makes a runner stop all it started.
    for (const run of runs)
      if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGINT');
    await Promise.all(runs.map((run) => run.exited));
    await rm(scratch, { recursive: true, force: true });
  });

  it('gives two runs at once servers of their own and stops them, also on Ctrl-C', async () => {
    const first = startRun('first');
    const second = startRun('second', { RUN_PROBE_HOLD: '1' });
    const [one, two] = await Promise.all([probeOf(first), probeOf(second)]);
    assert.equal(one.serverPids.length, 2, 'the run should have started Redis and Neo4j itself');
    assert.equal(two.serverPids.length, 2, 'the run should have started Redis and Neo4j itself');
    assert.notEqual(one.redisUrl, two.redisUrl);
    assert.notEqual(one.neo4jUri, two.neo4jUri);
    assert.notEqual(one.dataDir, two.dataDir);

    assert.equal(await first.exited, 0, first.output());
    assertGone(one);
    assert.ok(two.serverPids.every(isAlive), 'the first run stopped the second run’s servers');

    second.child.kill('SIGINT');
    assert.equal(await second.exited, 130, second.output());
    assertGone(two);
  });

  it('stops on Ctrl-C the worker a test started in a process group of its own', async () => {
    const run = startRun('worker', { RUN_PROBE_HOLD: '1', RUN_PROBE_WORKER: '1' });
    const probe = await probeOf(run);
    const workerPid = probe.workerPid as number;
    assert.ok(workerPid > 0 && isAlive(workerPid), 'the test started a worker');
    run.child.kill('SIGINT');
    assert.equal(await run.exited, 130, run.output());
    assertGone(probe);
    // The worker leads its group: its pid and its children are all in it (zombies count as gone).
    assert.deepEqual(processesInGroup(workerPid), [], `the test's worker ${workerPid} outlived the run`);
  });

  it('stops the servers of a run that was killed outright at the next run', async () => {
    const killed = startRun('killed', { RUN_PROBE_HOLD: '1' });
    const probe = await probeOf(killed);
    killed.child.kill('SIGKILL');
    process.kill(-probe.testRunnerPid, 'SIGKILL');
    await killed.exited;
    assert.ok(probe.serverPids.every(isAlive), 'the servers outlive a killed runner until swept');

    const swept = await sweepAbandonedRuns();
    assert.ok(swept.includes(path.basename(probe.dataDir)), `swept ${swept.join(', ')}`);
    await waitFor(async () => assert.equal(isAlive(probe.testPid), false), 10_000);
    assertGone(probe);
  });

  describe('with a TEST_NEO4J_URI that accepts connections and never answers', () => {
    let silent: Server;
    let port: number;
    const sockets: Socket[] = [];
    before(async () => {
      port = await freePort();
      silent = createServer((socket) => sockets.push(socket));
      await new Promise<void>((resolve) => silent.listen(port, '127.0.0.1', resolve));
    });
    after(() => {
      for (const socket of sockets) socket.destroy();
      silent.close();
    });

    it('fails the run at once, saying which server is not usable', async () => {
      const started = Date.now();
      const run = startRun('silent', {
        TEST_REDIS_URL: process.env.TEST_REDIS_URL as string,
        TEST_NEO4J_URI: `bolt://127.0.0.1:${port}`,
        TEST_DATA_DIR: path.join(scratch, 'silent-data'),
      });
      assert.equal(await run.exited, 1, run.output());
      assert.match(run.output(), new RegExp(`Neo4j at bolt://127.0.0.1:${port} is not usable`));
      assert.ok(Date.now() - started < 60_000, 'the run should fail within the usability check’s time');
      assert.equal(existsSync(run.out), false, 'no test file should have run');
    });
  });
});
