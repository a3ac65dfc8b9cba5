import { Worker } from 'node:worker_threads';

/**
 * The watch runs on a thread of its own, so it still acts while the processor's main thread is stuck in a
 * long synchronous parse. SIGKILL: the process's own SIGTERM handler waits for the current job.
 */
const WATCH = `
const { workerData } = require('node:worker_threads');
setInterval(() => {
  if (process.ppid !== workerData.parentPid) process.kill(process.pid, 'SIGKILL');
}, workerData.intervalMs);
`;

/**
 * A processor child must not outlive its worker, however the worker went (kill -9 included): the child
 * exits when its IPC channel closes, and a watch thread kills it once its parent is no longer the one
 * that started it (reparented to init). Writes to the dead parent's pipes fail with EPIPE; those errors
 * are dropped instead of thrown, so nothing loops on them meanwhile.
 */
export function exitWithParent(intervalMs = 500): void {
  if (!process.send) return; // not a forked child: nothing to follow
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
  process.once('disconnect', () => process.exit(1));
  const watch = new Worker(WATCH, { eval: true, workerData: { parentPid: process.ppid, intervalMs } });
  watch.unref();
}
