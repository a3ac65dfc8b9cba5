import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';
import { type Config, projectRoot } from '../../src/config/index.js';
import { servicesDown, servicesUp } from '../../src/services/index.js';
import { isAlive, readPidFile, stopProcess } from '../../src/services/process-control.js';
import { assertServicesUsable } from './service-check.js';
import { testConfig } from './test-services.js';

/**
 * Each test run keeps its servers' data in a folder of its own here, named `<runner pid>-<random>` and
 * removed when the run ends; the pid in the name tells a later run whether its owner is still alive.
 */
export const TEST_RUNS_DIR = path.join(projectRoot, '.data', 'test-runs');

/** A TCP port nothing listens on at this moment (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

export interface RunServices {
  /** TEST_* variables that point test processes at this run's servers. */
  env: Record<string, string>;
  config: Config;
  /** Stops both servers (by the pids in their pid files) and removes the run's data. */
  stop(): Promise<void>;
}

async function redisProcessId(url: string): Promise<number> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    return Number(/process_id:(\d+)/.exec(await client.info('server'))?.[1]);
  } finally {
    client.disconnect();
  }
}

/**
 * Starts a Redis and a Neo4j for one test run, on free ports, with data under TEST_RUNS_DIR/<runId> and a
 * Neo4j password of its own, and proves they are the ones it started: the Redis reports the pid this
 * run's pid file holds, and only this run's Neo4j knows the password.
 */
export async function startRunServices(): Promise<RunServices> {
  const dataDir = path.join(TEST_RUNS_DIR, `${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(dataDir, { recursive: true });
  const env = {
    TEST_REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
    TEST_NEO4J_URI: `bolt://127.0.0.1:${await freePort()}`,
    TEST_NEO4J_PASSWORD: randomBytes(12).toString('hex'),
    TEST_DATA_DIR: dataDir,
  };
  const config = testConfig({}, { ...process.env, ...env });
  const stop = async () => {
    await servicesDown(config);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const [redis] = await servicesUp(config);
    const ownPid = await readPidFile(path.join(dataDir, 'redis', 'redis.pid'));
    if (!redis?.managed || ownPid === undefined || (await redisProcessId(config.redisUrl)) !== ownPid) {
      throw new Error(`another Redis took ${config.redisUrl} while this run started its own; run again`);
    }
    await assertServicesUsable(config);
  } catch (error) {
    await stop();
    throw error;
  }
  return { env, config, stop };
}

/** The command line of a live process, to tell a server's pid from one the system has since reused. */
function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/**
 * Stops the servers of earlier runs whose runner is gone (killed before it could stop them) and removes
 * their data, so no run leaves servers behind for long.
 */
export async function sweepAbandonedRuns(): Promise<string[]> {
  let runIds: string[];
  try {
    runIds = await readdir(TEST_RUNS_DIR);
  } catch {
    return [];
  }
  const swept: string[] = [];
  for (const runId of runIds) {
    const dir = path.join(TEST_RUNS_DIR, runId);
    const runner = Number(/^(\d+)-/.exec(runId)?.[1]);
    if (runner > 0 && isAlive(runner) && /node/.test(commandLine(runner))) continue;
    const servers: [string, RegExp][] = [
      [path.join(dir, 'redis', 'redis.pid'), /redis-server/],
      [path.join(dir, 'neo4j', 'neo4j.pid'), /CommunityEntryPoint/],
    ];
    for (const [pidFile, program] of servers) {
      const pid = await readPidFile(pidFile);
      if (pid !== undefined && program.test(commandLine(pid))) await stopProcess(pid, pidFile, 30_000);
    }
    await rm(dir, { recursive: true, force: true });
    swept.push(runId);
  }
  return swept;
}

/**
 * Runs `body` against the TEST_* servers when they are set, else against a Redis and a Neo4j started for
 * it with startRunServices and stopped afterwards, also on Ctrl-C or SIGTERM (benchmarks use this).
 */
export async function withRunServices<T>(body: () => Promise<T>): Promise<T> {
  if (process.env.TEST_REDIS_URL && process.env.TEST_NEO4J_URI) return body();
  await sweepAbandonedRuns();
  const services = await startRunServices();
  Object.assign(process.env, services.env);
  const onSignal = (signal: NodeJS.Signals) =>
    void services.stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await body();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await services.stop();
  }
}
