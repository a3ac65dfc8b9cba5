/** The hand-wired ONNX fixtures (test/extract/fixtures/make_lookup_model.py) used by the pipeline tests. */
import { join } from 'node:path';
import { projectRoot } from '../../src/config/index.js';

export const LOOKUP_MODEL_DIR = join(projectRoot, 'test/extract/fixtures/lookup-model');

/** The same with the knowledge input: a marked organisation is a 质押 `sub-org`. */
export const KNOWLEDGE_MODEL_DIR = join(projectRoot, 'test/extract/fixtures/knowledge-lookup-model');
