/** `npx finkg` runs package.json's bin as a program: the build must leave it executable. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { promisify } from 'node:util';
import { projectRoot } from '../../src/config/index.js';

it('the finkg bin runs by itself after the build', async () => {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
    bin: { finkg: string };
  };
  const { stdout } = await promisify(execFile)(path.join(projectRoot, pkg.bin.finkg), ['--help']);
  assert.match(stdout, /Usage: finkg/);
});
