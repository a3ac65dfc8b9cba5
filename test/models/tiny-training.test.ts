/**
 * The whole training recipe at its tiny configuration: prepare → pretrain → finetune → export, from an
 * empty cache, on small datasets generated here (models/training/tests/tiny_datasets.py), so it runs on
 * any clone; then the exported model must load in onnxruntime-node and match Python's logits.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { projectRoot } from '../../src/config/index.js';

const python = process.env.PYTHON ?? path.join(projectRoot, '.venv', 'bin', 'python');
const cacheDir = path.join(projectRoot, '.data', 'training', 'tiny');
const modelDir = path.join(cacheDir, 'model');

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { cwd: projectRoot, env, encoding: 'utf8', timeout: 300_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  assert.equal(result.status, 0, `${[command, ...args].join(' ')} failed:\n${output.slice(-3000)}`);
  return output;
}

describe('tiny training configuration', { timeout: 900_000 }, () => {
  const datasetsDir = mkdtempSync(path.join(tmpdir(), 'finkg-tiny-datasets-'));
  after(() => rmSync(datasetsDir, { recursive: true, force: true }));

  it('trains, exports and serves a model whose TS logits match Python', () => {
    assert.ok(existsSync(python), `${python} is missing: run scripts/setup.sh to create the training venv`);
    rmSync(cacheDir, { recursive: true, force: true });

    const steps = [
      ['-m', 'models.training.tests.tiny_datasets', datasetsDir],
      ['-m', 'models.training.prepare', '--config', 'tiny'],
      ['-m', 'models.training.train', '--config', 'tiny', '--stage', 'pretrain'],
      ['-m', 'models.training.train', '--config', 'tiny', '--stage', 'finetune'],
      ['-m', 'models.training.export', '--config', 'tiny'],
    ];
    // Every step reads DATASETS_DIR (export marks its parity sentences' known names from it).
    for (const step of steps) run(python, step, { ...process.env, DATASETS_DIR: datasetsDir });
    for (const file of ['model.onnx', 'model.int8.onnx', 'config.json', 'vocab.txt', 'parity.json']) {
      assert.ok(existsSync(path.join(modelDir, file)), `export wrote no ${file}`);
    }

    // The same parity test the committed model passes, pointed at the freshly trained one.
    const parity = path.join(projectRoot, 'dist', 'test', 'extract', 'parity.test.js');
    run(process.execPath, ['--test', parity], {
      ...process.env,
      FINKG_TEST_MODEL_DIR: modelDir,
      DATASETS_DIR: datasetsDir,
    });
  });
});
