import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { type Config, childProcessEnv, projectRoot } from '../config/index.js';

/**
 * Starts a worker process (`node dist/workers/main.js`) on `config`'s services, in a process group of its
 * own, so its starter (a test, a benchmark) can stop or kill it together with its sandboxed children, the
 * way a crashed host loses them.
 */
export function startWorkerProcess(config: Config, extra: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, [path.join(projectRoot, 'dist', 'workers', 'main.js')], {
    env: childProcessEnv(config, extra),
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  return child;
}

/** Signals the worker's whole process group (SIGTERM: it finishes the job in hand) and waits for it to exit. */
export async function stopWorkerProcess(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
  await exited;
}
