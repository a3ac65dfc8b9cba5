import { spawn } from 'node:child_process';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { byteSize } from '../config/env-parsers.js';
import type { Config } from '../config/index.js';
import { resolveNeo4jLibDir } from './neo4j-distribution.js';
import {
  isAlive,
  isLoopback,
  lostDetail,
  managedProcess,
  ownership,
  stopPidFile,
  stopProcess,
  waitFor,
} from './process-control.js';
import { ServiceStartError, type ServiceStartHooks, type ServiceStatus } from './service-status.js';
import { withStartLock } from './start-lock.js';

/** The password a fresh Neo4j starts with; it must be changed before any other query runs. */
const INITIAL_PASSWORD = 'neo4j';

// What Neo4j's own launcher adds on Java 17 (the bare entry point leaves them to us).
const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dlog4j2.disable.jmx=true',
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+ExitOnOutOfMemoryError',
];

export function neo4jPaths(config: Config) {
  const home = path.join(config.dataDir, 'neo4j');
  return {
    home,
    confDir: path.join(home, 'conf'),
    dataDir: path.join(home, 'data'),
    logsDir: path.join(home, 'logs'),
    pidFile: path.join(home, 'neo4j.pid'),
    consoleLog: path.join(home, 'logs', 'console.log'),
  };
}

function driverFor(uri: string, user: string, password: string): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(user, password), {
    connectionTimeout: 3000,
    maxConnectionPoolSize: 2,
    logging: { level: 'error', logger: () => {} },
  });
}

/** Resolves to the server version if Neo4j accepts the credentials; rejects with the driver's error. */
export async function probeNeo4j(uri: string, user: string, password: string): Promise<string> {
  const driver = driverFor(uri, user, password);
  try {
    const info = await driver.getServerInfo();
    return (info.agent ?? 'unknown').replace('Neo4j/', '');
  } finally {
    await driver.close();
  }
}

function isAuthError(error: unknown): boolean {
  const code = String((error as { code?: string }).code ?? error);
  // After a few wrong passwords Neo4j refuses every login for a few seconds: that passes, so it is not fatal.
  return !/RateLimit/.test(code) && /Unauthorized|authentication|credentials/i.test(code);
}

export async function neo4jStatus(config: Config): Promise<ServiceStatus> {
  const { home, pidFile } = neo4jPaths(config);
  const owner = ownership(await managedProcess(pidFile));
  const base = { name: 'neo4j' as const, url: config.neo4jUri, ...owner };
  try {
    const version = await probeNeo4j(config.neo4jUri, config.neo4jUser, config.neo4jPassword);
    return { ...base, healthy: true, version, detail: owner.managed ? `data in ${home}` : 'external server' };
  } catch (error) {
    const reason = isAuthError(error)
      ? `answers but rejects user "${config.neo4jUser}" with NEO4J_PASSWORD`
      : owner.lostPid !== undefined
        ? lostDetail(owner.lostPid)
        : `not answering: ${(error as Error).message.split('. ')[0]}`;
    return { ...base, healthy: false, detail: reason };
  }
}

/**
 * Shares of the heap that Neo4j's memory tracking lets queries use: all transactions of the database
 * together, and one transaction. A query past its share fails alone (MemoryPoolOutOfMemoryError)
 * instead of exhausting the heap, which ExitOnOutOfMemoryError turns into a dead server.
 */
export const TRANSACTION_MEMORY_SHARES = { allTransactions: 0.5, oneTransaction: 0.25 } as const;

function heapShare(heap: string, share: number): string {
  return `${Math.floor((byteSize(heap) * share) / 1024 ** 2)}m`;
}

/** The neo4j.conf finkg writes for a server it starts. */
export function neo4jConf(config: Config, paths: ReturnType<typeof neo4jPaths>): string {
  const port = new URL(config.neo4jUri).port || '7687';
  const { allTransactions, oneTransaction } = TRANSACTION_MEMORY_SHARES;
  return [
    '# Written by `finkg services up`; edits are overwritten at the next start.',
    'server.default_listen_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${port}`,
    'server.bolt.enabled=true',
    'server.http.enabled=false',
    'server.https.enabled=false',
    'dbms.usage_report.enabled=false',
    'dbms.security.auth_enabled=true',
    `server.memory.pagecache.size=${config.neo4jPageCache}`,
    `server.directories.data=${paths.dataDir}`,
    `server.directories.logs=${paths.logsDir}`,
    `server.directories.run=${paths.home}/run`,
    `server.directories.plugins=${paths.home}/plugins`,
    `server.directories.import=${paths.home}/import`,
    // Queries of the read-only API endpoint are bounded by their own timeouts; this is the backstop.
    'db.transaction.timeout=120s',
    `db.memory.transaction.total.max=${heapShare(config.neo4jHeap, allTransactions)}`,
    `db.memory.transaction.max=${heapShare(config.neo4jHeap, oneTransaction)}`,
    '',
  ].join('\n');
}

async function tail(file: string, lines = 20): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Uses the Neo4j at NEO4J_URI if it answers; otherwise starts a Neo4j Community server (resolved from
 * Maven Central) on loopback with its data under DATA_DIR, sets the configured password on first
 * start, and waits until Bolt accepts the credentials. One finkg process at a time starts it
 * (start-lock.ts); one that waited uses the server the other started.
 */
export async function ensureNeo4j(config: Config, hooks: ServiceStartHooks = {}): Promise<ServiceStatus> {
  const current = await neo4jStatus(config);
  if (current.healthy) return current;
  if (current.detail.startsWith('answers but rejects') && !current.managed) {
    throw new ServiceStartError(
      `Neo4j at ${config.neo4jUri} ${current.detail}. Set NEO4J_USER/NEO4J_PASSWORD to that server's credentials.`,
    );
  }
  const uri = new URL(config.neo4jUri);
  if (!isLoopback(uri.hostname)) {
    throw new ServiceStartError(
      `Neo4j at ${config.neo4jUri} does not answer, and finkg only starts servers on this machine (loopback). ` +
        'Start that server or point NEO4J_URI at one that runs.',
    );
  }
  if (config.neo4jUser !== 'neo4j') {
    throw new ServiceStartError('a Neo4j started by finkg has the single user "neo4j": set NEO4J_USER=neo4j');
  }

  const paths = neo4jPaths(config);
  if (current.managed && current.pid !== undefined) {
    // Our own server, still starting, or left with the initial password by an interrupted first start.
    return waitReady(config, paths, current.pid, false);
  }

  // Resolved (downloaded on first use) before the lock, which is held for no longer than a start.
  const { libDir } = await resolveNeo4jLibDir(config.cacheDir);
  await mkdir(paths.home, { recursive: true });
  return withStartLock(paths.home, 'Neo4j', config.startupTimeoutSeconds * 1000 + 30_000, async () => {
    const now = await neo4jStatus(config);
    if (now.healthy) return now;
    if (now.managed && now.pid !== undefined) return waitReady(config, paths, now.pid, false);
    hooks.beforeStart?.(now);
    return startNeo4j(config, paths, libDir);
  });
}

async function startNeo4j(
  config: Config,
  paths: ReturnType<typeof neo4jPaths>,
  libDir: string,
): Promise<ServiceStatus> {
  for (const dir of [paths.confDir, paths.dataDir, paths.logsDir]) await mkdir(dir, { recursive: true });
  await writeFile(path.join(paths.confDir, 'neo4j.conf'), neo4jConf(config, paths));

  const log = await open(paths.consoleLog, 'a');
  const child = spawn(
    'java',
    [
      `-Xms${config.neo4jHeap}`,
      `-Xmx${config.neo4jHeap}`,
      ...JVM_FLAGS,
      '-cp',
      `${libDir}/*`,
      'org.neo4j.server.CommunityEntryPoint',
      `--home-dir=${paths.home}`,
      `--config-dir=${paths.confDir}`,
    ],
    { detached: true, stdio: ['ignore', log.fd, log.fd] },
  );
  // Listen before any await: 'spawn' fires on the next tick.
  const spawning = new Promise<number>((resolve, reject) => {
    child.once('spawn', () => resolve(child.pid as number));
    child.once('error', (error) =>
      reject(
        new ServiceStartError(
          (error as NodeJS.ErrnoException).code === 'ENOENT'
            ? 'java is not on PATH: Neo4j 5 needs Java 17 (Debian: apt-get install -y openjdk-17-jre-headless), or set NEO4J_URI to a running Neo4j.'
            : `could not start java: ${error.message}`,
        ),
      ),
    );
  });
  await log.close();
  const spawned = await spawning;
  child.unref();
  await writeFile(paths.pidFile, `${spawned}\n`);
  return waitReady(config, paths, spawned, true);
}

/**
 * Waits until Bolt accepts the configured credentials. A fresh store only knows the initial password,
 * so when that is what works, the configured one is set (also after a start interrupted before that).
 */
async function waitReady(
  config: Config,
  paths: ReturnType<typeof neo4jPaths>,
  pid: number,
  startedNow: boolean,
): Promise<ServiceStatus> {
  const { neo4jUri: uri, neo4jUser: user, neo4jPassword: password } = config;
  let needsPassword = false;
  try {
    await waitFor(
      async () => {
        if (!isAlive(pid)) throw new ServiceStartError('the Neo4j process exited');
        try {
          await probeNeo4j(uri, user, password);
        } catch (error) {
          if (!isAuthError(error)) throw error;
          await probeNeo4j(uri, user, INITIAL_PASSWORD);
          needsPassword = true;
        }
      },
      config.startupTimeoutSeconds * 1000,
      250,
      // Neither password works: the store has another one. Retrying would only trip Neo4j's lockout.
      isAuthError,
    );
  } catch (error) {
    if (isAuthError(error)) {
      throw new ServiceStartError(
        `Neo4j at ${uri} (started by finkg, data in ${paths.home}) rejects user "${user}" with NEO4J_PASSWORD: ` +
          'set the password that store was created with, or remove its data folder to start afresh.',
      );
    }
    if (startedNow && isAlive(pid)) await stopProcess(pid, paths.pidFile, 10_000);
    throw new ServiceStartError(
      `Neo4j did not become ready at ${uri} within ${config.startupTimeoutSeconds}s ` +
        `(${(error as Error).message}). Last lines of ${paths.consoleLog}:\n${await tail(paths.consoleLog)}`,
      { cause: error },
    );
  }
  if (needsPassword) {
    const driver = driverFor(uri, user, INITIAL_PASSWORD);
    try {
      await driver.executeQuery(
        'ALTER CURRENT USER SET PASSWORD FROM $current TO $next',
        { current: INITIAL_PASSWORD, next: password },
        { database: 'system' },
      );
    } finally {
      await driver.close();
    }
  }
  return neo4jStatus(config);
}

/** Stops the Neo4j that finkg started (a clean shutdown checkpoints the store); leaves others alone. */
export async function stopNeo4j(config: Config): Promise<boolean> {
  return stopPidFile(neo4jPaths(config).pidFile, 60_000);
}
