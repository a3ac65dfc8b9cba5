import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type MergeRow, mergeDecisions, stratifiedSample } from '../../bench/merge-sample.js';

const row = (over: Partial<MergeRow>): MergeRow => ({
  label: 'Company',
  key: 'code:600000',
  name: '上海浦东发展银行股份有限公司',
  text: '浦发银行',
  resolution: 'short_name',
  file: 'a.pdf',
  sentence: 0,
  start: 0,
  ...over,
});

describe('merge sample for the hand check (real-documents-graph)', () => {
  it('counts one decision per node, spelling, reason and document, keeping its first mention', () => {
    const decisions = mergeDecisions([
      row({ sentence: 1 }),
      row({ sentence: 4 }),
      row({ file: 'b.pdf', sentence: 2 }),
      row({ text: '公司', resolution: 'self_reference', sentence: 3 }),
    ]);
    assert.equal(decisions.length, 3);
    assert.deepEqual(
      decisions.map((d) => [d.file, d.text, d.sentence, d.mentions]),
      [
        ['a.pdf', '浦发银行', 1, 2],
        ['b.pdf', '浦发银行', 2, 1],
        ['a.pdf', '公司', 3, 1],
      ],
    );
  });

  it('draws every reason, a small one whole, the rest in proportion, the same for the same seed', () => {
    const items = [
      ...Array.from({ length: 90 }, (_, i) => ({ r: 'short_name', i })),
      ...Array.from({ length: 30 }, (_, i) => ({ r: 'alias', i })),
      ...Array.from({ length: 2 }, (_, i) => ({ r: 'same_code', i })),
    ];
    const drawn = stratifiedSample(items, (x) => x.r, 20, 17, 5);
    const count = (r: string) => drawn.filter((x) => x.r === r).length;
    assert.equal(drawn.length, 20);
    assert.equal(count('same_code'), 2);
    // 5 each first, then 8 more split 85 : 25 over what is left.
    assert.equal(count('short_name'), 5 + 6);
    assert.equal(count('alias'), 5 + 2);
    assert.deepEqual(
      stratifiedSample(items, (x) => x.r, 20, 17, 5),
      drawn,
    );
    assert.notDeepEqual(
      stratifiedSample(items, (x) => x.r, 20, 18, 5),
      drawn,
    );
    assert.equal(new Set(drawn.map((x) => `${x.r}${x.i}`)).size, 20);
  });

  it('takes everything when asked for more than there is', () => {
    const items = [{ r: 'a' }, { r: 'a' }, { r: 'b' }];
    assert.equal(stratifiedSample(items, (x) => x.r, 10, 1, 5).length, 3);
  });
});
