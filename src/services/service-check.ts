import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { Redis } from 'ioredis';
import neo4j from 'neo4j-driver';
import type { Config } from '../config/index.js';
import { ensureNeo4j } from './neo4j-service.js';
import { ensureRedis } from './redis-service.js';

/** How long a server that answers may take to do one small write before the run gives up on it. */
const USABLE_WITHIN_MS = 30_000;

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000}s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Whether something accepts TCP connections at the host and port of `url`. */
export function listening(url: string): Promise<boolean> {
  const { protocol, hostname, port } = new URL(url);
  const defaultPort = protocol.startsWith('redis') ? 6379 : 7687;
  return new Promise((resolve) => {
    const socket = connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port) || defaultPort });
    socket.setTimeout(3000);
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

async function writeRedis(url: string): Promise<void> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 5000,
    commandTimeout: 5000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    const key = `finkg-check:usable:${randomUUID()}`;
    await client.set(key, 'ok', 'EX', 60);
    if ((await client.get(key)) !== 'ok') throw new Error('a key written could not be read back');
    await client.del(key);
  } finally {
    client.disconnect();
  }
}

async function writeNeo4j(config: Config): Promise<void> {
  const driver = neo4j.driver(config.neo4jUri, neo4j.auth.basic(config.neo4jUser, config.neo4jPassword), {
    connectionTimeout: 5000,
    connectionAcquisitionTimeout: 10_000,
    maxConnectionPoolSize: 1,
    logging: { level: 'error', logger: () => {} },
  });
  try {
    // A node without label or property: the write leaves no token behind in the schema.
    await driver.executeQuery('CREATE (p) DELETE p', {}, { database: config.neo4jDatabase });
  } finally {
    await driver.close();
  }
}

/** What a caller tells the user to do when a server answers but cannot take a write. */
export const STOP_OR_REPLACE = 'Stop that server, or point the configuration at working ones.';

/**
 * Fails at once, with what to do (`advice`), when a server answers but cannot take a write (a stale
 * server of another checkout, a store whose folder is gone, a server still recovering): otherwise the
 * first user of it (a test, a benchmark) would hang on it until its own timeout.
 */
export async function assertServicesUsable(
  config: Config,
  { timeoutMs = USABLE_WITHIN_MS, advice = STOP_OR_REPLACE }: { timeoutMs?: number; advice?: string } = {},
): Promise<void> {
  const checks: [string, string, Promise<void>][] = [
    ['Redis', config.redisUrl, writeRedis(config.redisUrl)],
    ['Neo4j', config.neo4jUri, writeNeo4j(config)],
  ];
  const failures: string[] = [];
  await Promise.all(
    checks.map(async ([name, url, check]) => {
      try {
        await within(check, timeoutMs, `a test write to ${name}`);
      } catch (error) {
        failures.push(`${name} at ${url} is not usable: ${(error as Error).message.split('\n')[0]}`);
      }
    }),
  );
  if (failures.length > 0) throw new Error(`${failures.join('; ')}. ${advice}`);
}

/**
 * Makes sure `config`'s Redis and Neo4j take a write. A server is started (under its data dir) only where
 * nothing listens on its port; one that listens but cannot be used fails at once.
 */
export async function ensureServicesUsable(config: Config, advice?: string): Promise<void> {
  const starts: Promise<unknown>[] = [];
  if (!(await listening(config.redisUrl))) starts.push(ensureRedis(config));
  if (!(await listening(config.neo4jUri))) starts.push(ensureNeo4j(config));
  await Promise.all(starts);
  await assertServicesUsable(config, advice ? { advice } : {});
}
