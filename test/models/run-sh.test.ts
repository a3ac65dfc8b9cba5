/**
 * The training recipe (models/training/run.sh) stops at the first failure, a failed build included, and hands
 * config overrides to every stage. npm and Python are stand-ins that record their calls, so no stage really runs.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { projectRoot } from '../../src/config/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'finkg-run-sh-'));
const log = path.join(dir, 'calls.log');

/** A stand-in command that records its arguments and fails when they contain $FAIL_AT. */
function standIn(name: string): string {
  const file = path.join(dir, name);
  writeFileSync(
    file,
    `#!/bin/sh\necho "${name} $*" >> "${log}"\ncase "$1" in -c) exit 1;; esac\ncase " $* " in *" $FAIL_AT "*) exit 1;; esac\nexit 0\n`,
  );
  chmodSync(file, 0o755);
  return file;
}

function recipe(args: string[], failAt: string) {
  rmSync(log, { force: true });
  const python = standIn('python');
  standIn('npm');
  const result = spawnSync('bash', [path.join(projectRoot, 'models', 'training', 'run.sh'), ...args], {
    env: { ...process.env, PATH: `${dir}:${process.env.PATH}`, PYTHON: python, FAIL_AT: failAt },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const calls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
  // The CUDA probe (`python -c ...`) is not a stage.
  return { status: result.status, calls: calls.filter((c) => !c.startsWith('python -c')) };
}

describe('models/training/run.sh', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('stops when the build fails, before any stage', () => {
    const { status, calls } = recipe(['tiny'], 'build');
    assert.notEqual(status, 0);
    assert.deepEqual(calls, ['npm run build']);
  });

  it('stops at the first stage that fails', () => {
    const { status, calls } = recipe(['tiny'], 'models.training.prepare');
    assert.notEqual(status, 0);
    assert.deepEqual(calls, ['npm run build', 'python -m models.training.prepare --config tiny']);
  });

  it('runs every stage in order, each with the overrides', () => {
    const { status, calls } = recipe(['tiny', '--ft_max_steps=3'], 'nothing');
    assert.equal(status, 0);
    assert.deepEqual(calls, [
      'npm run build',
      'python -m models.training.prepare --config tiny --ft_max_steps=3',
      'python -m models.training.train --config tiny --stage pretrain --ft_max_steps=3',
      'python -m models.training.train --config tiny --stage finetune --device cpu --ft_max_steps=3',
      'python -m models.training.export --config tiny --ft_max_steps=3',
    ]);
  });
});
