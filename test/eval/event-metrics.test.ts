import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventTuples, scoreEvents } from '../../src/eval/event-metrics.js';
import {
  type FewfcEvent,
  toFewfcEvents,
  tokenEventsToFewfc,
  utf16ToCodePointIndex,
} from '../../src/extract/fewfc-format.js';

const m = (s: number, e: number, word = 'x') => ({ span: [s, e] as [number, number], word });

const gold: FewfcEvent[] = [
  { type: '质押', trigger: m(5, 7), args: { 'sub-per': [m(0, 3)], collateral: [m(8, 10)] } },
  // A second event on the same trigger and the same argument: tuples are sets, so no double count.
  { type: '质押', trigger: m(5, 7), args: { 'sub-per': [m(0, 3)] } },
];

describe('eventTuples', () => {
  it('builds TI/TC/AI/AC as sets', () => {
    const t = eventTuples(gold);
    assert.deepEqual([...t.TI], ['5,7']);
    assert.deepEqual([...t.TC], ['质押,5,7']);
    assert.deepEqual([...t.AI].sort(), ['质押,0,3', '质押,8,10']);
    assert.deepEqual([...t.AC].sort(), ['质押,0,3,sub-per', '质押,8,10,collateral']);
  });
});

describe('scoreEvents', () => {
  it('micro-averages over sentences', () => {
    const predicted: FewfcEvent[] = [
      // right trigger, wrong type; one argument right, one with the wrong role
      { type: '担保', trigger: m(5, 7), args: { 'sub-org': [m(0, 3)] } },
      { type: '质押', trigger: m(5, 7), args: { 'obj-per': [m(0, 3)], collateral: [m(8, 10)] } },
    ];
    const scores = scoreEvents([
      { gold, predicted },
      { gold: [], predicted: [{ type: '中标', trigger: m(1, 2), args: {} }] },
    ]);
    // TI: predicted {5,7} and {1,2}; gold {5,7} → 1/2 precision, 1/1 recall
    assert.deepEqual([scores.TI.correct, scores.TI.predicted, scores.TI.gold], [1, 2, 1]);
    assert.ok(Math.abs(scores.TI.f1 - 2 / 3) < 1e-12);
    // TC: {担保,5,7} {质押,5,7} {中标,1,2} vs {质押,5,7}
    assert.deepEqual([scores.TC.correct, scores.TC.predicted, scores.TC.gold], [1, 3, 1]);
    // AI: {担保,0,3} {质押,0,3} {质押,8,10} vs {质押,0,3} {质押,8,10}
    assert.deepEqual([scores.AI.correct, scores.AI.predicted, scores.AI.gold], [2, 3, 2]);
    // AC: only collateral matches
    assert.deepEqual([scores.AC.correct, scores.AC.predicted, scores.AC.gold], [1, 3, 2]);
    assert.ok(Math.abs(scores.AC.precision - 1 / 3) < 1e-12);
    assert.ok(Math.abs(scores.AC.recall - 1 / 2) < 1e-12);
  });

  it('scores zero, not NaN, when nothing is predicted', () => {
    const scores = scoreEvents([{ gold, predicted: [] }]);
    assert.equal(scores.AC.f1, 0);
    assert.equal(scores.AC.precision, 0);
  });

  it('counts the arguments of a trigger-less prediction in AI/AC only', () => {
    const scores = scoreEvents([
      { gold, predicted: [{ type: '质押', trigger: null, args: { 'sub-per': [m(0, 3)] } }] },
    ]);
    assert.deepEqual([scores.TI.predicted, scores.TC.predicted], [0, 0]);
    assert.deepEqual([scores.AC.correct, scores.AC.predicted], [1, 1]);
  });
});

describe('toFewfcEvents', () => {
  it('converts UTF-16 offsets to code-point spans', () => {
    const content = '𠀀𠀀公司质押股份';
    const map = utf16ToCodePointIndex(content);
    assert.equal(map[4], 2);
    assert.equal(map[content.length], 8);
    const events = toFewfcEvents(content, {
      modelVersion: 'm',
      entities: [],
      events: [
        {
          type: '质押',
          confidence: 0.9,
          trigger: { text: '质押', start: 6, end: 8, confidence: 0.9 },
          arguments: [
            { role: 'sub-org', text: '𠀀𠀀公司', start: 0, end: 6, confidence: 0.8 },
            { role: 'collateral', text: '股份', start: 8, end: 10, confidence: 0.8 },
            { role: 'collateral', text: '股', start: 8, end: 9, confidence: 0.5 },
          ],
        },
      ],
    });
    assert.deepEqual(events, [
      {
        type: '质押',
        trigger: { span: [4, 6], word: '质押' },
        args: {
          'sub-org': [{ span: [0, 4], word: '𠀀𠀀公司' }],
          collateral: [
            { span: [6, 8], word: '股份' },
            { span: [6, 7], word: '股' },
          ],
        },
      },
    ]);
    // The spans index the content as Python would (code points).
    const cps = [...content];
    assert.equal(cps.slice(4, 6).join(''), '质押');
  });

  it('maps token events to FewFC spans, keeping trigger-less ones', () => {
    const events = tokenEventsToFewfc('𠀀公司质押', [
      {
        type: '质押',
        trigger: { start: 3, end: 5, confidence: 1 },
        confidence: 1,
        arguments: [{ label: 'sub-org', start: 0, end: 3, confidence: 1 }],
      },
      {
        type: '担保',
        trigger: null,
        confidence: 0.5,
        arguments: [{ label: 'sub-org', start: 1, end: 3, confidence: 1 }],
      },
    ]);
    assert.deepEqual(events, [
      {
        type: '质押',
        trigger: { span: [3, 5], word: '质押' },
        args: { 'sub-org': [{ span: [0, 3], word: '𠀀公司' }] },
      },
      { type: '担保', trigger: null, args: { 'sub-org': [{ span: [1, 3], word: '公司' }] } },
    ]);
  });
});
