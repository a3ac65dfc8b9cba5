/** The hand-wired ONNX fixture (test/extract/fixtures/make_lookup_model.py) used by the pipeline tests. */
import { join } from 'node:path';
import { repoRoot } from '../../src/extract/model-paths.js';

export const LOOKUP_MODEL_DIR = join(repoRoot(), 'test/extract/fixtures/lookup-model');
