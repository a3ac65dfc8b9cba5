import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  assembleEvents,
  checkOutputShapes,
  combineConfidence,
  decodeRow,
  decodeSpans,
  sigmoid,
} from '../../src/extract/span-decoder.js';
import type { ModelConfig, ModelOutputs } from '../../src/extract/types.js';

const head = { threshold: 0.5, maxSpanLen: 3 };

describe('decodeSpans', () => {
  it('pairs each start with the nearest end at or after it', () => {
    const start = [0.9, 0.1, 0.1, 0.8, 0.1, 0.1];
    const end = [0.1, 0.7, 0.6, 0.9, 0.1, 0.1];
    const spans = decodeSpans(start, end, head, 'min');
    assert.deepEqual(
      spans.map((s) => [s.start, s.end, s.confidence]),
      [
        [0, 2, 0.7],
        [3, 4, 0.8],
      ],
    );
  });

  it('drops a start whose end lies beyond the max span length', () => {
    const spans = decodeSpans([0.9, 0, 0, 0], [0, 0, 0, 0.9], head, 'min');
    assert.deepEqual(spans, []);
    const longer = decodeSpans([0.9, 0, 0, 0], [0, 0, 0, 0.9], { ...head, maxSpanLen: 4 }, 'min');
    assert.equal(longer.length, 1);
  });

  it('takes values exactly at the threshold', () => {
    assert.equal(decodeSpans([0.5], [0.5], head, 'min').length, 1);
    assert.equal(decodeSpans([0.4999], [0.9], head, 'min').length, 0);
  });

  it('lets two starts share one end (nested spans)', () => {
    const spans = decodeSpans([0.9, 0.9, 0], [0, 0, 0.9], head, 'min');
    assert.deepEqual(
      spans.map((s) => [s.start, s.end]),
      [
        [0, 3],
        [1, 3],
      ],
    );
  });
});

describe('combineConfidence', () => {
  it('is the geometric mean or the minimum', () => {
    assert.ok(Math.abs(combineConfidence('geometric_mean', [0.25, 1]) - 0.5) < 1e-12);
    assert.equal(combineConfidence('min', [0.25, 1]), 0.25);
    assert.equal(sigmoid(0), 0.5);
  });
});

describe('assembleEvents', () => {
  it('gives each argument to its nearest trigger, keeping all arguments', () => {
    const triggers = [
      { start: 2, end: 4, confidence: 0.9 },
      { start: 20, end: 22, confidence: 0.8 },
    ];
    const args = [
      { start: 0, end: 2, confidence: 0.7, label: 'sub-org' },
      { start: 15, end: 19, confidence: 0.7, label: 'obj-org' },
      { start: 23, end: 25, confidence: 0.7, label: 'date' },
      { start: 0, end: 2, confidence: 0.6, label: 'obj-per' },
    ];
    const events = assembleEvents('质押', 0.9, triggers, args, 'min');
    assert.equal(events.length, 2);
    assert.deepEqual(
      events[0]?.arguments.map((a) => a.label),
      ['sub-org', 'obj-per'],
    );
    assert.deepEqual(
      events[1]?.arguments.map((a) => a.label),
      ['obj-org', 'date'],
    );
    assert.equal(events[1]?.confidence, 0.8);
  });

  it('keeps the arguments of a type whose trigger was not found in one trigger-less event', () => {
    const args = [{ start: 0, end: 1, confidence: 0.9, label: 'x' }];
    const events = assembleEvents('质押', 0.7, [], args, 'min');
    assert.deepEqual(events, [{ type: '质押', trigger: null, arguments: args, confidence: 0.7 }]);
    assert.deepEqual(assembleEvents('质押', 0.99, [], [], 'min'), []);
  });
});

/** Two types, three roles, two entity types; only `a`/`b` valid for T0, `c` for T1. */
const config: ModelConfig = {
  modelVersion: 't',
  maxLen: 16,
  windowOverlap: 4,
  eventTypes: ['T0', 'T1'],
  roles: ['a', 'b', 'c'],
  entityTypes: ['E0', 'E1'],
  posTags: [],
  validRoles: { T0: ['a', 'b'], T1: ['c'] },
  triggerlessTypes: [],
  typeThreshold: 0.5,
  triggerlessTypeThreshold: 0.5,
  typeFromTrigger: false,
  trigger: { threshold: 0.5, maxSpanLen: 4 },
  argument: { threshold: 0.5, maxSpanLen: 4 },
  entity: { threshold: 0.5, maxSpanLen: 4 },
  confidence: 'min',
};

/** Hand-built logits for a batch of 2 rows, padded length 5, everything low unless set. */
function logits(batch: number, len: number) {
  const T = 2;
  const R = 3;
  const E = 2;
  const low = -6;
  const typeLogits = { data: new Float32Array(batch * T).fill(low), dims: [batch, T] };
  const triggerLogits = { data: new Float32Array(batch * T * len * 2).fill(low), dims: [batch, T, len, 2] };
  const argumentLogits = {
    data: new Float32Array(batch * T * len * R * 2).fill(low),
    dims: [batch, T, len, R, 2],
  };
  const entityLogits = { data: new Float32Array(batch * len * E * 2).fill(low), dims: [batch, len, E, 2] };
  const outputs: ModelOutputs = { typeLogits, triggerLogits, argumentLogits, entityLogits };
  const set = {
    type: (b: number, t: number, v = 6) => {
      typeLogits.data[b * T + t] = v;
    },
    trigger: (b: number, t: number, i: number, k: 0 | 1, v = 6) => {
      triggerLogits.data[((b * T + t) * len + i) * 2 + k] = v;
    },
    argument: (b: number, t: number, i: number, r: number, k: 0 | 1, v = 6) => {
      argumentLogits.data[(((b * T + t) * len + i) * R + r) * 2 + k] = v;
    },
    entity: (b: number, i: number, e: number, k: 0 | 1, v = 6) => {
      entityLogits.data[((b * len + i) * E + e) * 2 + k] = v;
    },
  };
  return { outputs, set };
}

describe('decodeRow', () => {
  it('reads a triggerless type from its own threshold', () => {
    const { outputs, set } = logits(1, 5);
    set.type(0, 0, 0.4); // p ≈ 0.6 for both types
    set.type(0, 1, 0.4);
    set.argument(0, 1, 3, 2, 0);
    set.argument(0, 1, 4, 2, 1);
    const strict = { ...config, triggerlessTypes: ['T1'], typeThreshold: 0.5, triggerlessTypeThreshold: 0.7 };
    assert.deepEqual(
      decodeRow(outputs, strict, 0, 5).events.map((e) => e.type),
      [],
      'T0 has no argument, T1 is under its own threshold',
    );
    const loose = { ...strict, triggerlessTypeThreshold: 0.55 };
    assert.deepEqual(
      decodeRow(outputs, loose, 0, 5).events.map((e) => [e.type, e.trigger]),
      [['T1', null]],
    );
  });

  it('reads the right row, type, role and entity out of the flat tensors', () => {
    const { outputs, set } = logits(2, 5);
    // Row 1: T1 detected, trigger [1,3), role c at [3,5); entity E1 at [0,1).
    set.type(1, 1);
    set.trigger(1, 1, 1, 0);
    set.trigger(1, 1, 2, 1);
    set.argument(1, 1, 3, 2, 0);
    set.argument(1, 1, 4, 2, 1);
    set.entity(1, 0, 1, 0);
    set.entity(1, 0, 1, 1);
    // Row 0 only has an entity E0 [2,4).
    set.entity(0, 2, 0, 0);
    set.entity(0, 3, 0, 1);
    assert.deepEqual(checkOutputShapes(outputs, config), { batch: 2, length: 5 });

    const row1 = decodeRow(outputs, config, 1, 5);
    assert.equal(row1.events.length, 1);
    const [event] = row1.events;
    assert.equal(event?.type, 'T1');
    assert.deepEqual([event?.trigger?.start, event?.trigger?.end], [1, 3]);
    assert.deepEqual(
      event?.arguments.map((a) => [a.label, a.start, a.end]),
      [['c', 3, 5]],
    );
    assert.deepEqual(
      row1.entities.map((e) => [e.label, e.start, e.end]),
      [['E1', 0, 1]],
    );

    const row0 = decodeRow(outputs, config, 0, 5);
    assert.deepEqual(row0.events, []);
    assert.deepEqual(
      row0.entities.map((e) => [e.label, e.start, e.end]),
      [['E0', 2, 4]],
    );
  });

  it('ignores roles that are not valid for the type, and padding beyond the real length', () => {
    const { outputs, set } = logits(1, 5);
    set.type(0, 0);
    set.trigger(0, 0, 0, 0);
    set.trigger(0, 0, 0, 1);
    set.argument(0, 0, 1, 2, 0); // role c is not valid for T0
    set.argument(0, 0, 1, 2, 1);
    set.argument(0, 0, 4, 0, 0); // role a, but at a padded position
    set.argument(0, 0, 4, 0, 1);
    const { events } = decodeRow(outputs, config, 0, 4);
    assert.equal(events.length, 1);
    assert.deepEqual(events[0]?.arguments, []);
  });

  it('needs the type probability unless type_from_trigger is set', () => {
    const { outputs, set } = logits(1, 3);
    set.trigger(0, 0, 0, 0);
    set.trigger(0, 0, 1, 1);
    assert.equal(decodeRow(outputs, config, 0, 3).events.length, 0);
    const events = decodeRow(outputs, { ...config, typeFromTrigger: true }, 0, 3).events;
    assert.equal(events.length, 1);
    assert.ok((events[0]?.confidence ?? 1) < 0.01, 'a low type probability lowers the event confidence');
  });

  it('rejects outputs whose label axes do not match the config', () => {
    const { outputs } = logits(1, 3);
    assert.throws(() => checkOutputShapes(outputs, { ...config, roles: ['a', 'b'] }), /argument_logits/);
    assert.throws(() => checkOutputShapes(outputs, { ...config, entityTypes: ['E0'] }), /entity_logits/);
  });
});
