/**
 * A fresh clone has no ../shared/data: every test file that reads the datasets folder must then skip
 * what needs it, saying why, and pass. They run here against an empty DATASETS_DIR.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import { promisify } from 'node:util';
import { projectRoot } from '../../src/config/index.js';

const testsDir = path.join(projectRoot, 'dist', 'test');
// The tiny training run generates datasets of its own and is a heavy test of its own.
const OWN_DATA = new Set(['models/tiny-training.test.js']);

/** Built test files that read the datasets folder. */
function datasetTests(): string[] {
  return readdirSync(testsDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js') && !OWN_DATA.has(file))
    .filter((file) =>
      /defaultDatasetsDir\(|DATASETS_DIR/.test(readFileSync(path.join(testsDir, file), 'utf8')),
    )
    .filter((file) => file !== path.relative(testsDir, new URL(import.meta.url).pathname))
    .sort();
}

/** The runner's environment minus its test context, which would make the inner runner report to it, not print. */
function childEnv(): NodeJS.ProcessEnv {
  const { NODE_TEST_CONTEXT: _context, ...env } = process.env;
  return { ...env, DATASETS_DIR: empty };
}

const empty = mkdtempSync(path.join(tmpdir(), 'finkg-no-datasets-'));
after(() => rmSync(empty, { recursive: true, force: true }));

it('test files that read the datasets skip with a reason, and pass, when the folder is empty', {
  timeout: 600_000,
}, async () => {
  const files = datasetTests();
  assert.ok(files.length >= 5, `only ${files.length} test files read the datasets: ${files.join(', ')}`);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--test', '--test-reporter=tap', ...files.map((f) => path.join(testsDir, f))],
    { env: childEnv(), maxBuffer: 64 * 1024 * 1024, timeout: 590_000 },
  ).catch((error: { stdout?: string }) => {
    const failed = (error.stdout ?? '').split('\n').filter((line) => /^\s*not ok|error:/.test(line));
    assert.fail(`a test file failed without the datasets:\n${failed.slice(0, 20).join('\n')}`);
  });
  const skips = stdout.split('\n').filter((line) => /# SKIP .*DATASETS_DIR|# SKIP .*not found/.test(line));
  assert.ok(skips.length >= 3, `expected skips naming DATASETS_DIR, got:\n${skips.join('\n')}`);
});
