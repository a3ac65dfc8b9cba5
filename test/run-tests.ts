/**
 * Runs the test suite: unit test files in parallel, then service and heavy test files one at a time against a
 * Redis and a Neo4j this run starts on free ports and always stops (also on failure, Ctrl-C or SIGTERM).
 * With TEST_REDIS_URL and TEST_NEO4J_URI set it uses those servers instead and leaves them running.
 *
 *   node dist/test/run-tests.js [test files...]   (default: every dist/test/**\/*.test.js)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { descendants, processTable } from '../src/services/process-tree.js';
import { type RunServices, startRunServices, sweepAbandonedRuns } from './support/run-services.js';
import { groupTestFiles } from './support/test-groups.js';
import { prepareTestServices, testConfig } from './support/test-services.js';

const testRoot = path.dirname(fileURLToPath(import.meta.url));

function findTestFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .map((file) => path.join(dir, file))
    .sort();
}

let running: ChildProcess | undefined;

/** node --test over `files`, in a process group of its own so an interrupt can end all of it. */
function runNodeTest(files: string[], concurrency: number, env: NodeJS.ProcessEnv): Promise<number> {
  const args = ['--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files];
  // Set when this runner is itself started from a test file; node --test would then run nothing.
  const { NODE_TEST_CONTEXT: _, ...ownEnv } = env;
  const child = spawn(process.execPath, args, { stdio: 'inherit', env: ownEnv, detached: true });
  running = child;
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      running = undefined;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** Sends `signal` to a process or, with a negative id, a process group; one already gone is skipped. */
function signal(id: number, sig: NodeJS.Signals): void {
  try {
    process.kill(id, sig);
  } catch {
    // already gone
  }
}

/**
 * Stops the running tests and every process they started: the node --test group, and processes a test
 * started in a group of its own (a worker, detached so the test can stop it with its children), which the
 * group's signal does not reach. They are found from the process tree before anything is signalled
 * (once their test is gone, they are init's children) and signalled by group, so their own children go
 * too. SIGTERM first; SIGKILL to whatever is left after 10 s.
 */
async function endRunning(): Promise<void> {
  const child = running;
  if (!child?.pid) return;
  const testGroup = child.pid;
  const started = descendants(testGroup);
  // Group leaders among them (a detached worker): their group holds children forked after this look.
  const groups = new Set([testGroup, ...started.filter((p) => p.pgrp === p.pid).map((p) => p.pid)]);
  const left = () => {
    const pids = new Set(started.map((p) => p.pid));
    return processTable().filter((p) => pids.has(p.pid) || groups.has(p.pgrp));
  };
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const signalAll = (sig: NodeJS.Signals) => {
    for (const group of groups) signal(-group, sig);
    for (const p of started) signal(p.pid, sig);
  };
  signalAll('SIGTERM');
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && left().length > 0) await sleep(200);
  if (left().length > 0) signalAll('SIGKILL');
  await exited;
}

async function main(): Promise<number> {
  // Arguments are test files or folders of them (`dist/test/parse`).
  const requested = process.argv
    .slice(2)
    .map((file) => path.resolve(file))
    .flatMap((file) => (statSync(file).isDirectory() ? findTestFiles(file) : [file]));
  const files = requested.length > 0 ? requested : findTestFiles(testRoot);
  const { unit, serial } = groupTestFiles(files, testRoot);
  const external = Boolean(process.env.TEST_REDIS_URL && process.env.TEST_NEO4J_URI);
  let services: RunServices | undefined;
  let starting: Promise<RunServices> | undefined;

  // Set by a signal: the exit code once the tests and this run's services are stopped.
  let interrupted: Promise<number> | undefined;
  const interrupt = (signal: NodeJS.Signals) => {
    interrupted ??= (async () => {
      console.error(`\ntest run: ${signal}, stopping the tests and this run's services`);
      await endRunning();
      // Servers still starting are stopped once up: an interrupt must not leave them behind.
      await starting?.then((started) => started.stop()).catch(() => {});
      return signal === 'SIGINT' ? 130 : 143;
    })();
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);

  let failed = 0;
  if (unit.length > 0) {
    const concurrency = availableParallelism();
    console.log(`test run: ${unit.length} unit test files, ${concurrency} at a time`);
    if ((await runNodeTest(unit, concurrency, process.env)) !== 0) failed++;
  }
  if (interrupted) return interrupted;
  if (serial.length > 0) {
    let env: NodeJS.ProcessEnv = process.env;
    try {
      if (external) {
        // Servers managed elsewhere: checked (or started where nothing listens) once, before any file.
        await prepareTestServices(testConfig());
      } else {
        const swept = await sweepAbandonedRuns();
        if (swept.length > 0) console.log(`test run: stopped servers left by ended runs ${swept.join(', ')}`);
        starting = startRunServices();
        services = await starting;
        env = { ...process.env, ...services.env };
      }
    } catch (error) {
      if (interrupted) return interrupted;
      console.error(`test run: the test services are not usable, so no service test ran.\n${error}`);
      return 1;
    }
    const where = services
      ? `own services ${services.env.TEST_REDIS_URL} ${services.env.TEST_NEO4J_URI}`
      : 'TEST_* services';
    console.log(`test run: ${serial.length} service and heavy test files, one at a time, on ${where}`);
    if (interrupted) return interrupted;
    try {
      if ((await runNodeTest(serial, 1, env)) !== 0) failed++;
    } finally {
      if (!interrupted) await services?.stop();
    }
  }
  return interrupted ?? (failed > 0 ? 1 : 0);
}

// Exit outright: a server that hangs may still hold a client's socket open.
process.exit(await main());
