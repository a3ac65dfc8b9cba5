import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotationAgreement } from '../../src/eval/annotation-agreement.js';
import type { GoldDocument } from '../../src/eval/realdocs.js';

function doc(
  id: string,
  events: GoldDocument['events'],
  scope: GoldDocument['scope'] = 'events',
): GoldDocument {
  return {
    id,
    source: `corpus/x.jsonl:${id}`,
    kind: 'news',
    scope,
    issuer: null,
    date: null,
    events,
    report: null,
  };
}

const fine = (party: string, amount: string, value: number | { min: number; max: number }) => ({
  event_type: '行政处罚',
  arguments: [
    { role: '处罚对象', argument: party },
    { role: '罚款金额', argument: amount, value },
  ],
});

describe('annotationAgreement', () => {
  it('scores the second annotation against the first, counts type agreement and tells skip decisions apart', () => {
    const first = [
      doc('1', [fine('甲公司', '60万元', 600_000)]),
      doc('2', []),
      doc('3', [], 'skip'),
      doc('4', [fine('乙公司', '3万至30万元', { min: 30_000, max: 300_000 })]),
    ];
    const second = [
      doc('1', [fine('甲公司', '罚款60万元', 600_000)]),
      doc('2', [fine('丙公司', '5万元', 50_000)]),
      doc('3', []),
      doc('4', [fine('乙公司', '30万元', 300_000)]),
    ];
    const report = annotationAgreement(first, second);
    assert.equal(report.documents, 3);
    assert.deepEqual(report.skipDisagreements, ['3']);
    assert.equal(report.sameTypes, 2);
    // 甲公司 + its fine by value, 乙公司 + a fine inside the first's range; the 丙公司 record is extra.
    assert.deepEqual(
      { correct: report.score.arguments.correct, predicted: report.score.arguments.predicted },
      { correct: 4, predicted: 6 },
    );
  });
});
