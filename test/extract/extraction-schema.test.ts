import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { projectRoot } from '../../src/config/index.js';
import { EventExtractor } from '../../src/extract/event-extractor.js';
import { LOOKUP_MODEL_DIR } from './lookup-model.js';

// Ajv (draft 2020-12 build), a devDependency: it checks the schema file.
const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020') as new (
  opts: object,
) => {
  compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown };
};
const schema = JSON.parse(
  readFileSync(join(projectRoot, 'schemas/extraction.schema.json'), 'utf8'),
) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

describe('schemas/extraction.schema.json', () => {
  it('accepts what the extractor produces', async () => {
    const extractor = await EventExtractor.load({ modelDir: LOOKUP_MODEL_DIR, precision: 'fp32' });
    const results = await extractor.extract(['甲的乙质押公司', '𠀀标', '']);
    for (const result of results)
      assert.ok(validate({ id: 'x', ...result }), JSON.stringify(validate.errors));
  });

  it('rejects missing fields, bad offsets, bad confidences and unknown fields', () => {
    const good = {
      modelVersion: 'm',
      entities: [{ type: 'company', text: '公司', start: 0, end: 2, confidence: 0.9 }],
      events: [],
    };
    assert.ok(validate(good));
    assert.equal(validate({ ...good, modelVersion: undefined }), false);
    assert.equal(validate({ ...good, entities: [{ ...good.entities[0], start: -1 }] }), false);
    assert.equal(validate({ ...good, entities: [{ ...good.entities[0], confidence: 1.2 }] }), false);
    assert.equal(validate({ ...good, extra: 1 }), false);
    assert.equal(
      validate({
        ...good,
        events: [{ type: 't', trigger: { text: 'a', start: 0, end: 1, confidence: 1 }, confidence: 1 }],
      }),
      false,
    );
  });
});
