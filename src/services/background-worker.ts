import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Config, projectRoot } from '../config/index.js';
import { createDocumentQueue } from '../queue/index.js';
import { isAlive, readPidFile, stopPidFile, waitFor } from './process-control.js';
import { ServiceStartError } from './service-status.js';

export interface BackgroundWorker {
  pid: number;
  logFile: string;
  /** false: one started before was still running and is reused. */
  started: boolean;
}

function workerPaths(config: Config) {
  const dir = path.join(config.dataDir, 'worker');
  return { dir, pidFile: path.join(dir, 'worker.pid'), logFile: path.join(dir, 'worker.log') };
}

/** Resolves once a worker of this queue is connected to Redis; fails at once if `pid` exits. */
async function untilConsuming(config: Config, pid: number, logFile: string): Promise<void> {
  const queue = createDocumentQueue(config);
  queue.on('error', () => {});
  const exited = new Error(`the worker exited; see ${logFile}`);
  try {
    await waitFor(
      async () => {
        if (!isAlive(pid)) throw exited;
        if ((await queue.getWorkersCount()) === 0) throw new Error('no worker connected yet');
      },
      config.startupTimeoutSeconds * 1000,
      250,
      (error) => error === exited,
    );
  } catch (error) {
    throw new ServiceStartError(
      `the background worker did not start within ${config.startupTimeoutSeconds}s: ${(error as Error).message}`,
      { cause: error },
    );
  } finally {
    await queue.close();
  }
}

/**
 * Starts a document worker as a background process of the data dir (pid and log under
 * DATA_DIR/worker), so documents submitted after the command that started it still get processed;
 * `finkg services down` stops it. A worker started before and still running is reused.
 */
export async function startBackgroundWorker(config: Config): Promise<BackgroundWorker> {
  const { dir, pidFile, logFile } = workerPaths(config);
  const running = await readPidFile(pidFile);
  if (running !== undefined && isAlive(running)) return { pid: running, logFile, started: false };
  await mkdir(dir, { recursive: true });
  const log = openSync(logFile, 'a');
  try {
    const child = spawn(process.execPath, [path.join(projectRoot, 'dist', 'workers', 'main.js')], {
      // The caller's environment is what its configuration was read from; its log file takes JSON lines.
      env: { ...process.env, LOG_FORMAT: 'json' },
      stdio: ['ignore', log, log],
      detached: true,
    });
    child.unref();
    if (child.pid === undefined) throw new ServiceStartError(`could not start the worker; see ${logFile}`);
    await writeFile(pidFile, `${child.pid}\n`);
    await untilConsuming(config, child.pid, logFile);
    return { pid: child.pid, logFile, started: true };
  } finally {
    closeSync(log);
  }
}

/** Stops the background worker (it finishes the job in hand first, up to a minute); false if none ran. */
export async function stopBackgroundWorker(config: Config): Promise<boolean> {
  return stopPidFile(workerPaths(config).pidFile, 60_000);
}
