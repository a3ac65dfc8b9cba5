import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { projectRoot } from '../../../src/config/index.js';

const cli = path.join(projectRoot, 'dist/src/cli/main.js');

describe('finkg eval', () => {
  it('refuses a split team-events lacks instead of scoring its held-out part', async () => {
    const run = promisify(execFile)(process.execPath, [
      cli,
      'eval',
      '--dataset',
      'team-events',
      '--split',
      'dev',
      '--data-dir',
      path.join(projectRoot, 'no-such-datasets'),
    ]);
    await assert.rejects(run, (error: { code?: number; stderr?: string }) => {
      assert.equal(error.code, 1);
      assert.match(error.stderr ?? '', /team-events has the splits train, held-out and all, not "dev"/);
      return true;
    });
  });
});
