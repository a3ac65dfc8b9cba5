import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';
import { type Config, loadConfig } from '../config/index.js';
import { servicesDown, servicesUp } from './local-services.js';
import { isAlive, readPidFile, stopProcess } from './process-control.js';
import { assertServicesUsable } from './service-check.js';

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

/** Where a scratch run's servers listen and keep their data. */
export interface ScratchSettings {
  redisUrl: string;
  neo4jUri: string;
  neo4jPassword: string;
  dataDir: string;
}

/**
 * The configuration of a run on `settings`' servers: the rest read from `env`, quiet but for warnings and
 * with a small Neo4j page cache unless `env` says otherwise (several such runs share one machine).
 */
export function scratchConfig(settings: ScratchSettings, env: NodeJS.ProcessEnv = process.env): Config {
  return loadConfig({
    ...env,
    REDIS_URL: settings.redisUrl,
    NEO4J_URI: settings.neo4jUri,
    NEO4J_PASSWORD: settings.neo4jPassword,
    DATA_DIR: settings.dataDir,
    LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
    NEO4J_PAGECACHE: env.NEO4J_PAGECACHE ?? '64m',
  });
}

export interface ScratchServices {
  settings: ScratchSettings;
  config: Config;
  /** Stops both servers (by the pids in their pid files, also ones started again since) and removes the data. */
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
 * Starts a throwaway Redis and Neo4j (tests, benchmarks) on free ports, with data under
 * `runsDir/<pid>-<random>` and a Neo4j password of their own, proves they are the ones it started (the
 * Redis reports the pid of this run's pid file, and only this run's Neo4j knows the password) and that
 * both take a write. The folder name carries this process's pid, so sweepAbandonedRuns can tell when its
 * owner is gone.
 */
export async function startScratchServices(
  runsDir: string,
  configFor: (settings: ScratchSettings) => Config = (settings) => scratchConfig(settings),
): Promise<ScratchServices> {
  const dataDir = path.join(runsDir, `${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(dataDir, { recursive: true });
  const settings: ScratchSettings = {
    redisUrl: `redis://127.0.0.1:${await freePort()}`,
    neo4jUri: `bolt://127.0.0.1:${await freePort()}`,
    neo4jPassword: randomBytes(12).toString('hex'),
    dataDir,
  };
  const config = configFor(settings);
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
  return { settings, config, stop };
}

/** The command line of a live process, to tell a server's pid from one the system has since reused. */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/**
 * Stops the servers of scratch runs under `runsDir` whose owner process is gone (killed before it could
 * stop them) and removes their data, so no run leaves servers behind for long.
 */
export async function sweepAbandonedRuns(runsDir: string): Promise<string[]> {
  let runIds: string[];
  try {
    runIds = await readdir(runsDir);
  } catch {
    return [];
  }
  const swept: string[] = [];
  for (const runId of runIds) {
    const dir = path.join(runsDir, runId);
    const owner = Number(/^(\d+)-/.exec(runId)?.[1]);
    if (owner > 0 && isAlive(owner) && /node/.test(commandLine(owner))) continue;
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
 * Runs `body` against a Redis and a Neo4j started for it under `runsDir` (after sweeping runs whose owner
 * is gone) and stopped afterwards, also on Ctrl-C or SIGTERM.
 */
export async function withScratchServices<T>(
  runsDir: string,
  body: (config: Config) => Promise<T>,
  configFor?: (settings: ScratchSettings) => Config,
): Promise<T> {
  await sweepAbandonedRuns(runsDir);
  const services = await startScratchServices(runsDir, configFor);
  const onSignal = (signal: NodeJS.Signals) =>
    void services.stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await body(services.config);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await services.stop();
  }
}
