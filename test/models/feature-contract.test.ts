/**
 * The feature contract's two homes agree: models/training/feature_contract.py (what training prepares and export
 * writes into config.json) and the TypeScript constants serving checks a model against; the shipped model records
 * both versions.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { projectRoot } from '../../src/config/index.js';
import { KNOWLEDGE_FEATURES_VERSION } from '../../src/extract/knowledge-features.js';
import { WORD_FEATURES_VERSION } from '../../src/extract/word-features.js';

const python = process.env.PYTHON ?? path.join(projectRoot, '.venv', 'bin', 'python');

it('training and serving hold the same feature versions', () => {
  const script =
    'import json; from models.training import feature_contract as c; ' +
    'print(json.dumps([c.WORD_FEATURES_VERSION, c.KNOWLEDGE_FEATURES_VERSION]))';
  const result = spawnSync(python, ['-c', script], { cwd: projectRoot, encoding: 'utf8', timeout: 60_000 });
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(JSON.parse(result.stdout), [WORD_FEATURES_VERSION, KNOWLEDGE_FEATURES_VERSION]);
});

it('the shipped model records the versions it was trained on', () => {
  const config = JSON.parse(
    readFileSync(path.join(projectRoot, 'models', 'finkg-small', 'config.json'), 'utf8'),
  );
  assert.equal(config.features.version, WORD_FEATURES_VERSION);
  assert.equal(config.features.knowledge.version, KNOWLEDGE_FEATURES_VERSION);
});
