import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { projectRoot } from '../../src/config/index.js';
import { ModelConfigError, parseEventSchema, parseModelConfig } from '../../src/extract/model-config.js';

const schema = parseEventSchema(JSON.parse(readFileSync(join(projectRoot, 'schemas/events.json'), 'utf8')));

const base = {
  model_version: 'm1',
  max_len: 128,
  event_types: ['质押', '中标'],
  decode: {
    thresholds: { type: 0.4, trigger: 0.3, argument: 0.6, entity: 0.5 },
    maxSpan: { trigger: 10, argument: 40, entity: 20 },
  },
};

describe('parseEventSchema', () => {
  it('reads type order, role order and roles per type', () => {
    assert.ok(schema.eventTypes.includes('质押'));
    assert.ok(schema.roles.length > 0);
    for (const roles of Object.values(schema.rolesByType)) {
      for (const role of roles) assert.ok(schema.roles.includes(role));
    }
  });
});

describe('parseModelConfig', () => {
  it('takes labels from the config and roles per type from the schema, in role order', () => {
    const config = parseModelConfig(base, schema);
    assert.deepEqual(config.eventTypes, ['质押', '中标']);
    assert.equal(config.typeThreshold, 0.4);
    assert.deepEqual(config.trigger, { threshold: 0.3, maxSpanLen: 10 });
    assert.deepEqual(config.argument, { threshold: 0.6, maxSpanLen: 40 });
    const pledgeRoles = config.validRoles.质押 ?? [];
    assert.deepEqual(
      pledgeRoles,
      schema.roles.filter((r) => (schema.rolesByType.质押 ?? []).includes(r)),
    );
    assert.equal(config.windowOverlap, 32);
  });

  it('rejects bad thresholds, lengths and unknown roles', () => {
    assert.throws(
      () => parseModelConfig({ ...base, decode: { thresholds: { type: 1.5 } } }, schema),
      ModelConfigError,
    );
    assert.throws(() => parseModelConfig({ ...base, max_len: 0 }, schema), /max_len/);
    assert.throws(() => parseModelConfig({ ...base, max_len: '128' }, schema), /max_len/);
    assert.throws(() => parseModelConfig({ ...base, event_types: ['质押', '质押'] }, schema), /duplicates/);
    assert.throws(
      () => parseModelConfig({ ...base, valid_roles: { 质押: ['nope'], 中标: [] } }, schema),
      /not in roles/,
    );
    assert.throws(() => parseModelConfig({ ...base, event_types: ['不存在'] }, schema), /no valid roles/);
    assert.throws(() => parseModelConfig([], schema), ModelConfigError);
    assert.throws(() => parseModelConfig({ ...base, window_overlap: 128 }, schema), /window_overlap/);
  });

  it('refuses a feature version that is not a string', () => {
    assert.throws(
      () => parseModelConfig({ ...base, features: { version: 2 } }, schema),
      /features.version must be a string/,
    );
  });

  it('reads a recorded AC F1 (a percentage)', () => {
    assert.equal(
      parseModelConfig({ ...base, dev_metrics: { fewfc: { AC: { f1: 61.5 } } } }, schema).recordedDevAcF1,
      61.5,
    );
    assert.equal(parseModelConfig({ ...base, metrics: { AC: 0.5 } }, schema).recordedDevAcF1, 0.5);
    assert.equal(parseModelConfig(base, schema).recordedDevAcF1, undefined);
  });

  it('reads the layout written by models/training/export.py', () => {
    const config = parseModelConfig(
      {
        modelVersion: 'finkg-small-x',
        maxLen: 256,
        labels: {
          eventTypes: ['中标', '质押'],
          roles: ['sub', 'obj', 'amount', 'date', 'sub-org'],
          validRoles: { 中标: ['obj', 'sub', 'amount'], 质押: ['sub-org', 'date'] },
          entityTypes: ['company', 'person'],
        },
        features: {
          version: 'word-features-v9',
          posTags: ['n', 'v'],
          knowledge: { version: 'marks-v3' },
        },
        decode: {
          thresholds: { type: 0.3, trigger: 0.4, argument: 0.5, entity: 0.6 },
          maxSpan: { trigger: 12, argument: 16, entity: 48 },
        },
        training: { devAtBest: { fewfc_dev: { AC: { p: 60, r: 50, f1: 54.5 } } } },
      },
      schema,
    );
    assert.equal(config.modelVersion, 'finkg-small-x');
    assert.deepEqual(config.eventTypes, ['中标', '质押']);
    assert.deepEqual(config.roles, ['sub', 'obj', 'amount', 'date', 'sub-org']);
    assert.deepEqual(config.validRoles.中标, ['sub', 'obj', 'amount']);
    assert.deepEqual(config.entityTypes, ['company', 'person']);
    assert.deepEqual(config.posTags, ['n', 'v']);
    assert.equal(config.wordFeaturesVersion, 'word-features-v9');
    assert.equal(config.knowledgeVersion, 'marks-v3');
    assert.deepEqual(config.entity, { threshold: 0.6, maxSpanLen: 48 });
    assert.equal(config.recordedDevAcF1, 54.5);
    assert.equal(config.windowOverlap, 64);
  });
});
