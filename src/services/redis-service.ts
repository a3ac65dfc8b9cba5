import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Redis } from 'ioredis';
import type { Config } from '../config/index.js';
import {
  isLoopback,
  lostDetail,
  managedProcess,
  ownership,
  stopPidFile,
  waitFor,
} from './process-control.js';
import { ServiceStartError, type ServiceStartHooks, type ServiceStatus } from './service-status.js';
import { withStartLock } from './start-lock.js';

export function redisPaths(config: Config) {
  const dir = path.join(config.dataDir, 'redis');
  return { dir, pidFile: path.join(dir, 'redis.pid'), logFile: path.join(dir, 'redis.log') };
}

/** Resolves to the server version if Redis answers PING at `url` within `timeoutMs`. */
export async function pingRedis(url: string, timeoutMs = 1500): Promise<string> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    const info = await client.info('server');
    return /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
  } finally {
    client.disconnect();
  }
}

export async function redisStatus(config: Config): Promise<ServiceStatus> {
  const { dir, pidFile } = redisPaths(config);
  const owner = ownership(await managedProcess(pidFile));
  const base = { name: 'redis' as const, url: config.redisUrl, ...owner };
  try {
    const version = await pingRedis(config.redisUrl);
    return { ...base, healthy: true, version, detail: owner.managed ? `data in ${dir}` : 'external server' };
  } catch (error) {
    const detail =
      owner.lostPid !== undefined ? lostDetail(owner.lostPid) : `not answering: ${(error as Error).message}`;
    return { ...base, healthy: false, detail };
  }
}

/**
 * Uses the Redis at REDIS_URL if it answers; otherwise starts redis-server on loopback with its data
 * under DATA_DIR and the append-only file on, so a restart loses no queued job. One finkg process at a
 * time starts it (start-lock.ts); one that waited uses the server the other started.
 */
export async function ensureRedis(config: Config, hooks: ServiceStartHooks = {}): Promise<ServiceStatus> {
  const current = await redisStatus(config);
  if (current.healthy) return current;

  const url = new URL(config.redisUrl);
  if (!isLoopback(url.hostname)) {
    throw new ServiceStartError(
      `Redis at ${config.redisUrl} does not answer, and finkg only starts servers on this machine (loopback). ` +
        'Start that server or point REDIS_URL at one that runs.',
    );
  }
  const { dir } = redisPaths(config);
  await mkdir(dir, { recursive: true });
  return withStartLock(dir, 'Redis', config.startupTimeoutSeconds * 1000 + 30_000, async () => {
    const now = await redisStatus(config);
    if (now.healthy) return now;
    hooks.beforeStart?.(now);
    return startRedis(config, url);
  });
}

async function startRedis(config: Config, url: URL): Promise<ServiceStatus> {
  const { dir, pidFile, logFile } = redisPaths(config);
  const args = [
    '--port',
    url.port || '6379',
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--appendonly',
    'yes',
    '--appendfsync',
    'everysec',
    // BullMQ needs every key kept: an evicted job key corrupts the queue.
    '--maxmemory-policy',
    'noeviction',
    '--daemonize',
    'yes',
    '--pidfile',
    pidFile,
    '--logfile',
    logFile,
  ];
  if (url.password) args.push('--requirepass', decodeURIComponent(url.password));

  await new Promise<void>((resolve, reject) => {
    const child = spawn('redis-server', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', (error) =>
      reject(
        new ServiceStartError(
          (error as NodeJS.ErrnoException).code === 'ENOENT'
            ? 'redis-server is not on PATH. Install it (Debian: apt-get install -y redis-server) or set REDIS_URL to a running Redis.'
            : `could not run redis-server: ${error.message}`,
        ),
      ),
    );
    // With --daemonize the launcher exits as soon as the server has forked.
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new ServiceStartError(`redis-server exited with ${code}: ${stderr.trim()}`)),
    );
  });

  try {
    await waitFor(() => pingRedis(config.redisUrl), config.startupTimeoutSeconds * 1000);
  } catch (error) {
    throw new ServiceStartError(
      `Redis did not answer at ${config.redisUrl} within ${config.startupTimeoutSeconds}s; see ${logFile}`,
      { cause: error },
    );
  }
  return redisStatus(config);
}

/** Stops the Redis that finkg started (it writes its append-only file on SIGTERM); leaves others alone. */
export async function stopRedis(config: Config): Promise<boolean> {
  return stopPidFile(redisPaths(config).pidFile, 30_000);
}
