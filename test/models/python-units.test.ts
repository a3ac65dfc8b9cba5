/** The training code's own unit tests (pure Python logic, no data): `models/training/tests/`. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { it } from 'node:test';
import { projectRoot } from '../../src/config/index.js';

const python = process.env.PYTHON ?? path.join(projectRoot, '.venv', 'bin', 'python');

it('models/training unit tests pass', () => {
  const result = spawnSync(
    python,
    ['-m', 'unittest', 'discover', '-s', 'models/training/tests', '-t', '.', '-v'],
    // About 20 s on an idle machine; a loaded shared one takes several times that.
    { cwd: projectRoot, encoding: 'utf8', timeout: 180_000 },
  );
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  assert.equal(result.status, 0, output.slice(-3000));
  assert.match(output, /Ran [1-9]\d* tests?/);
});
