/**
 * The chaos benchmark's worker processes: started as users start them (`finkg worker`), each in a process
 * group of its own, so every process it forks (its processor children) can be found again by group,
 * also after the worker itself was killed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Config, childProcessEnv, projectRoot } from '../src/config/index.js';
import { processTable } from '../src/services/process-tree.js';

const CLI = path.join(projectRoot, 'dist', 'src', 'cli', 'main.js');

/** The environment that points a `finkg` process at `config`'s services, queue and data. */
export function serviceEnv(config: Config): NodeJS.ProcessEnv {
  return childProcessEnv(config, {
    LOG_FORMAT: 'json',
    // Processors tell the model the names the graph held when they last read it, so a processor started
    // again mid-run (a killed worker's replacement) reads other documents differently; compared with a
    // clean pass, that is not a fault's damage. Unread, each document's extraction depends on itself only.
    KNOWLEDGE_REFRESH_SECONDS: '0',
  });
}

export interface WorkerProcess {
  pid: number;
  child: ChildProcess;
  exited: Promise<void>;
}

/** `finkg worker` with its output appended to `logFile`, in a process group of its own (pgid = pid). */
export function startCliWorker(config: Config, logFile: string): WorkerProcess {
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, [CLI, 'worker'], {
    env: serviceEnv(config),
    stdio: ['ignore', log, log],
    detached: true,
  });
  if (child.pid === undefined) throw new Error(`could not start finkg worker; see ${logFile}`);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return { pid: child.pid, child, exited };
}

/** Live processes whose process group is one of `groups` (zombies count as gone). */
export function processesInGroups(groups: ReadonlySet<number>): number[] {
  return processTable()
    .filter((p) => groups.has(p.pgrp))
    .map((p) => p.pid);
}

/**
 * Stops a worker as `services down` does (SIGTERM: it finishes the job in hand), SIGKILL to its group
 * after `graceMs`. Resolves whether it stopped within the grace time.
 */
export async function stopCliWorker(worker: WorkerProcess, graceMs = 60_000): Promise<boolean> {
  try {
    process.kill(worker.pid, 'SIGTERM');
  } catch {
    return true; // already gone
  }
  const inTime = await Promise.race([worker.exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!inTime) killGroup(worker.pid);
  await worker.exited;
  return inTime;
}

export function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // nothing left in it
  }
}

/** Waits up to `ms` for every process of `groups` to be gone; returns those still running. */
export async function waitGroupsGone(groups: ReadonlySet<number>, ms: number): Promise<number[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const left = processesInGroups(groups);
    if (left.length === 0 || Date.now() >= deadline) return left;
    await sleep(200);
  }
}
