import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TokenExtraction } from '../../src/extract/types.js';
import { mergeWindows, planWindows } from '../../src/extract/windowing.js';

describe('planWindows', () => {
  it('keeps a short sequence whole', () => {
    assert.deepEqual(planWindows(5, 8, 2), [{ start: 0, end: 5 }]);
    assert.deepEqual(planWindows(0, 8, 2), [{ start: 0, end: 0 }]);
  });

  it('covers a long sequence with overlapping full windows, the last aligned to the end', () => {
    assert.deepEqual(planWindows(10, 4, 2), [
      { start: 0, end: 4 },
      { start: 2, end: 6 },
      { start: 4, end: 8 },
      { start: 6, end: 10 },
    ]);
    assert.deepEqual(planWindows(9, 4, 1), [
      { start: 0, end: 4 },
      { start: 3, end: 7 },
      { start: 5, end: 9 },
    ]);
  });

  it('covers every token with windows no longer than maxLen', () => {
    for (const [n, maxLen, overlap] of [
      [100, 16, 5],
      [257, 256, 64],
      [33, 8, 0],
    ] as const) {
      const windows = planWindows(n, maxLen, overlap);
      const covered = new Set<number>();
      for (const w of windows) {
        assert.ok(w.end - w.start <= maxLen);
        for (let i = w.start; i < w.end; i++) covered.add(i);
      }
      assert.equal(covered.size, n);
    }
  });
});

const empty = (): TokenExtraction => ({ entities: [], events: [] });

describe('mergeWindows', () => {
  const windows = [
    { start: 0, end: 8 },
    { start: 5, end: 13 },
  ];

  it('moves spans to sentence offsets and keeps the better copy of a duplicate', () => {
    const a = empty();
    const b = empty();
    a.entities.push({ label: 'company', start: 1, end: 3, confidence: 0.9 });
    a.entities.push({ label: 'person', start: 6, end: 7, confidence: 0.6 }); // sentence [6, 7)
    b.entities.push({ label: 'person', start: 1, end: 2, confidence: 0.8 }); // same mention, better
    b.entities.push({ label: 'company', start: 5, end: 7, confidence: 0.7 }); // sentence [10, 12)
    const merged = mergeWindows(windows, [a, b], 13);
    assert.deepEqual(
      merged.entities.map((e) => [e.label, e.start, e.end, e.confidence]),
      [
        ['company', 1, 3, 0.9],
        ['person', 6, 7, 0.8],
        ['company', 10, 12, 0.7],
      ],
    );
  });

  it('drops a span clipped by a cut when the other window sees it whole', () => {
    const a = empty();
    const b = empty();
    a.entities.push({ label: 'company', start: 6, end: 8, confidence: 0.95 }); // touches the cut at 8
    b.entities.push({ label: 'company', start: 1, end: 5, confidence: 0.7 }); // sentence [6, 10): whole
    const merged = mergeWindows(windows, [a, b], 13);
    assert.deepEqual(
      merged.entities.map((e) => [e.start, e.end]),
      [[6, 10]],
    );
  });

  it('keeps a span at a cut when no window holds it whole', () => {
    const a = empty();
    a.entities.push({ label: 'company', start: 2, end: 8, confidence: 0.9 });
    const merged = mergeWindows(windows, [a, empty()], 13);
    assert.equal(merged.entities.length, 1);
  });

  it('keeps overlapping spans found in the same window (nested mentions)', () => {
    const a = empty();
    a.entities.push({ label: 'company', start: 0, end: 4, confidence: 0.9 });
    a.entities.push({ label: 'company', start: 1, end: 4, confidence: 0.8 });
    assert.equal(mergeWindows(windows, [a, empty()], 13).entities.length, 2);
  });

  it('merges an event seen in both windows, uniting its arguments', () => {
    const a = empty();
    const b = empty();
    a.events.push({
      type: '质押',
      trigger: { start: 5, end: 7, confidence: 0.9 },
      confidence: 0.9,
      arguments: [
        { label: 'sub-org', start: 1, end: 3, confidence: 0.8 },
        { label: 'collateral', start: 7, end: 8, confidence: 0.3 }, // clipped at the cut
      ],
    });
    b.events.push({
      type: '质押',
      trigger: { start: 0, end: 2, confidence: 0.85 },
      confidence: 0.85,
      arguments: [
        { label: 'collateral', start: 2, end: 5, confidence: 0.7 }, // sentence [7, 10)
        { label: 'date', start: 6, end: 8, confidence: 0.6 }, // sentence [11, 13)
      ],
    });
    const merged = mergeWindows(windows, [a, b], 13);
    assert.equal(merged.events.length, 1);
    const [event] = merged.events;
    assert.equal(event?.confidence, 0.9);
    assert.deepEqual(
      event?.arguments.map((x) => [x.label, x.start, x.end]),
      [
        ['sub-org', 1, 3],
        ['collateral', 7, 10],
        ['date', 11, 13],
      ],
    );
  });

  it('keeps events of different types on the same trigger apart', () => {
    const a = empty();
    const b = empty();
    a.events.push({
      type: '投资',
      trigger: { start: 6, end: 7, confidence: 0.9 },
      confidence: 0.9,
      arguments: [],
    });
    b.events.push({
      type: '收购',
      trigger: { start: 1, end: 2, confidence: 0.9 },
      confidence: 0.9,
      arguments: [],
    });
    assert.deepEqual(
      mergeWindows(windows, [a, b], 13).events.map((e) => e.type),
      ['投资', '收购'],
    );
  });

  it('shifts a single window by its start', () => {
    const a = empty();
    a.entities.push({ label: 'x', start: 0, end: 1, confidence: 1 });
    assert.equal(mergeWindows([{ start: 3, end: 5 }], [a], 5).entities[0]?.start, 3);
  });

  it('unites trigger-less events of one type across windows into one', () => {
    const a = empty();
    const b = empty();
    a.events.push({
      type: '质押',
      trigger: null,
      confidence: 0.6,
      arguments: [{ label: 'sub-org', start: 1, end: 3, confidence: 0.8 }],
    });
    b.events.push({
      type: '质押',
      trigger: null,
      confidence: 0.7,
      arguments: [{ label: 'date', start: 4, end: 6, confidence: 0.9 }],
    });
    const merged = mergeWindows(windows, [a, b], 13);
    assert.equal(merged.events.length, 1);
    assert.equal(merged.events[0]?.trigger, null);
    assert.equal(merged.events[0]?.confidence, 0.7);
    assert.deepEqual(
      merged.events[0]?.arguments.map((x) => [x.label, x.start, x.end]),
      [
        ['sub-org', 1, 3],
        ['date', 9, 11],
      ],
    );
  });
});
