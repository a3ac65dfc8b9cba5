import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  DOCUMENT_JOB_SCHEMA_FILE,
  renderDocumentJobSchema,
} from '../../../scripts/schemas/document-job-schema.js';
import { projectRoot } from '../../../src/config/index.js';

// Ajv (draft 2020-12 build), a devDependency: it checks the schema other services rely on.
const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020') as new (
  opts: object,
) => { compile(schema: object): (data: unknown) => boolean };

describe(DOCUMENT_JOB_SCHEMA_FILE, () => {
  const committed = readFileSync(path.join(projectRoot, DOCUMENT_JOB_SCHEMA_FILE), 'utf8');

  it('is what `npm run schemas` generates from DocumentJobSchema', () => {
    assert.equal(committed, renderDocumentJobSchema(), 'out of date: run `npm run build && npm run schemas`');
  });

  it('accepts a stored or inline job and rejects one with both or neither', () => {
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(committed) as object);
    const base = {
      documentId: 'f'.repeat(64),
      kind: 'announcement',
      submittedAt: '2025-01-01T00:00:00.000Z',
    };
    assert.ok(validate({ ...base, storeKey: 'f'.repeat(64), fileName: 'a.pdf', publishedAt: '2025-01-01' }));
    assert.ok(validate({ ...base, text: '公告正文' }));
    assert.equal(validate({ ...base, text: 'x', storeKey: 'y' }), false);
    assert.equal(validate(base), false);
    assert.equal(validate({ ...base, text: 'x', kind: 'memo' }), false);
    assert.equal(validate({ ...base, text: 'x', extra: 1 }), false);
  });
});
