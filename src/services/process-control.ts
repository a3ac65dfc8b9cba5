import { readFile, rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export async function readPidFile(pidFile: string): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(pidFile, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** The server process a pid file names: running, gone (it died without `services down`), or none. */
export type ManagedProcess = { pid: number; running: boolean } | undefined;

export async function managedProcess(pidFile: string): Promise<ManagedProcess> {
  const pid = await readPidFile(pidFile);
  return pid === undefined ? undefined : { pid, running: isAlive(pid) };
}

/** The fields of a status that say whether finkg started the server and whether that process still runs. */
export function ownership(server: ManagedProcess): { managed: boolean; pid?: number; lostPid?: number } {
  if (!server) return { managed: false };
  return server.running ? { managed: true, pid: server.pid } : { managed: false, lostPid: server.pid };
}

/** Why a server finkg started does not answer when its process is gone. */
export function lostDetail(lostPid: number): string {
  return `stopped unexpectedly (pid ${lostPid} gone); \`finkg services up\` starts it again`;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** SIGTERM, wait for a clean exit, SIGKILL as a last resort; removes the pid file. */
export async function stopProcess(
  pid: number,
  pidFile: string,
  graceMs: number,
): Promise<'stopped' | 'killed'> {
  let outcome: 'stopped' | 'killed' = 'stopped';
  if (isAlive(pid)) {
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (isAlive(pid) && Date.now() < deadline) await sleep(100);
    if (isAlive(pid)) {
      process.kill(pid, 'SIGKILL');
      outcome = 'killed';
      while (isAlive(pid)) await sleep(50);
    }
  }
  await rm(pidFile, { force: true });
  return outcome;
}

/**
 * Polls `probe` until it resolves, or fails with the last error once `timeoutMs` has passed, or at
 * once on an error that waiting cannot cure.
 */
export async function waitFor<T>(
  probe: () => Promise<T>,
  timeoutMs: number,
  intervalMs = 250,
  isFatal: (error: unknown) => boolean = () => false,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (isFatal(error) || Date.now() >= deadline) throw error;
      await sleep(intervalMs);
    }
  }
}

export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** Stops the process a pid file names (stopProcess); false when there is no pid file. */
export async function stopPidFile(pidFile: string, graceMs: number): Promise<boolean> {
  const pid = await readPidFile(pidFile);
  if (pid === undefined) return false;
  await stopProcess(pid, pidFile, graceMs);
  return true;
}
