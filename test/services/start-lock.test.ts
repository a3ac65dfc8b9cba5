import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { access, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startLockFile, withStartLock } from '../../src/services/start-lock.js';

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** A process that runs for a while (a live owner that is not this process), and a way to end it. */
function liveProcess(): { pid: number; end(): Promise<void> } {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    pid: child.pid as number,
    end: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

describe('withStartLock', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'finkg-start-lock-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('holds the lock file with this pid while starting, removes it after, and lets one caller in at a time', async () => {
    const lock = startLockFile(dir);
    const events: string[] = [];
    const start = (name: string) => async () => {
      events.push(`${name} in`);
      assert.equal((await readFile(lock, 'utf8')).trim(), String(process.pid));
      await sleep(100);
      events.push(`${name} out`);
      return name;
    };
    const results = await Promise.all([
      withStartLock(dir, 'A', 10_000, start('a')),
      withStartLock(dir, 'B', 10_000, start('b')),
    ]);
    assert.deepEqual(results, ['a', 'b']);
    assert.deepEqual(events, ['a in', 'a out', 'b in', 'b out']);
    assert.equal(await exists(lock), false);
  });

  it('releases the lock when the start fails', async () => {
    await assert.rejects(
      withStartLock(dir, 'A', 10_000, async () => {
        throw new Error('no start');
      }),
      /no start/,
    );
    assert.equal(await exists(startLockFile(dir)), false);
  });

  it('takes over a lock whose owner is gone', async () => {
    const gone = liveProcess();
    await gone.end();
    await writeFile(startLockFile(dir), `${gone.pid}\n`);
    const started = Date.now();
    assert.equal(await withStartLock(dir, 'A', 10_000, async () => 'started'), 'started');
    assert.ok(Date.now() - started < 2000, 'a dead owner is not waited for');
  });

  it('waits while another live process holds the lock, and starts once it is released', async () => {
    const owner = liveProcess();
    try {
      await writeFile(startLockFile(dir), `${owner.pid}\n`);
      let ran = false;
      const waiting = withStartLock(dir, 'A', 10_000, async () => {
        ran = true;
      });
      await sleep(600);
      assert.equal(ran, false, 'started while another process held the lock');
      await rm(startLockFile(dir));
      await waiting;
      assert.equal(ran, true);
    } finally {
      await owner.end();
    }
  });

  it('takes over a lock held longer than a start can take (a pid since reused by another program)', async () => {
    const owner = liveProcess();
    try {
      await writeFile(startLockFile(dir), `${owner.pid}\n`);
      const old = new Date(Date.now() - 60_000);
      await utimes(startLockFile(dir), old, old);
      assert.equal(await withStartLock(dir, 'A', 30_000, async () => 'started'), 'started');
    } finally {
      await owner.end();
    }
  });
});
