import { link, open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive } from './process-control.js';
import { ServiceStartError } from './service-status.js';

/** The lock file in a server's data folder, held by the one finkg process starting that server. */
export function startLockFile(serviceDir: string): string {
  return path.join(serviceDir, 'start.lock');
}

/** Locks this process holds (or waits for), so two callers in one process also take turns. */
const heldHere = new Map<string, Promise<void>>();

/**
 * Runs `start` while holding the start lock of the server whose data folder is `serviceDir`, so that two
 * finkg processes (two `serve`, or `serve` and `demo --keep-running`) never start one managed server
 * twice: the second would overwrite the pid file of the first, or fight it for the store. The lock file
 * is created atomically (`wx`) and holds the owner's pid; a lock whose owner is gone, or older than
 * `maxHoldMs` (the longest a start can take; a pid reused by another program), is taken over. A caller
 * that waits on a lock re-checks the server inside `start`, finding it usually started by the other.
 */
export async function withStartLock<T>(
  serviceDir: string,
  what: string,
  maxHoldMs: number,
  start: () => Promise<T>,
): Promise<T> {
  const lockFile = startLockFile(serviceDir);
  const before = heldHere.get(lockFile) ?? Promise.resolve();
  let release = () => {};
  const turn = new Promise<void>((resolve) => {
    release = resolve;
  });
  const chained = before.then(() => turn);
  heldHere.set(lockFile, chained);
  try {
    await before;
    await acquire(lockFile, what, maxHoldMs);
    try {
      return await start();
    } finally {
      await releaseOwn(lockFile);
    }
  } finally {
    release();
    if (heldHere.get(lockFile) === chained) heldHere.delete(lockFile);
  }
}

async function acquire(lockFile: string, what: string, maxHoldMs: number): Promise<void> {
  // Waiting longer than one start could take means the owner is stuck: say so rather than wait forever.
  const deadline = Date.now() + maxHoldMs + 5000;
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx');
      try {
        await handle.writeFile(`${process.pid}\n`);
      } finally {
        await handle.close();
      }
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await lockOwner(lockFile);
    if (owner === 'gone') continue;
    if (isStale(owner, maxHoldMs)) {
      await takeOver(lockFile, owner.pid);
      continue;
    }
    if (Date.now() > deadline) {
      throw new ServiceStartError(
        `another finkg process (pid ${owner.pid}) has been starting ${what} for over ${Math.round(maxHoldMs / 1000)}s; ` +
          `stop it, or remove ${lockFile} if no finkg process is starting ${what}`,
      );
    }
    await sleep(200);
  }
}

type LockOwner = { pid: number | undefined; ageMs: number } | 'gone';

async function lockOwner(lockFile: string): Promise<LockOwner> {
  try {
    const [text, info] = await Promise.all([readFile(lockFile, 'utf8'), stat(lockFile)]);
    const pid = Number(text.trim());
    return { pid: Number.isInteger(pid) && pid > 0 ? pid : undefined, ageMs: Date.now() - info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone'; // released meanwhile
    throw error;
  }
}

function isStale(owner: { pid: number | undefined; ageMs: number }, maxHoldMs: number): boolean {
  // No pid yet: the owner is between creating the file and writing it, unless that was long ago.
  if (owner.pid === undefined) return owner.ageMs > 5000;
  // This process's own pid: left by a call of this process that failed to release it (heldHere serialises them).
  if (owner.pid === process.pid) return true;
  return !isAlive(owner.pid) || owner.ageMs > maxHoldMs;
}

/**
 * Removes a stale lock without removing a fresh one another process took over meanwhile: the lock is moved
 * aside (atomic, one mover wins) and, when what was moved is not the stale lock, linked back.
 */
async function takeOver(lockFile: string, stalePid: number | undefined): Promise<void> {
  const aside = `${lockFile}.${process.pid}.stale`;
  try {
    await rename(lockFile, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // another process moved it first
    throw error;
  }
  const moved = Number((await readFile(aside, 'utf8')).trim());
  const movedPid = Number.isInteger(moved) && moved > 0 ? moved : undefined;
  if (movedPid !== stalePid) await link(aside, lockFile).catch(() => {});
  await rm(aside, { force: true });
}

async function releaseOwn(lockFile: string): Promise<void> {
  const owner = await lockOwner(lockFile).catch(() => 'gone' as const);
  if (owner !== 'gone' && owner.pid === process.pid) await rm(lockFile, { force: true });
}
