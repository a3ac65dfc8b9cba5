import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alignmentEdits, errorDiff, unorderedErrors } from '../../bench/ocr-errors.js';
import { characterErrors } from '../../src/eval/character-error-rate.js';

describe('OCR error breakdown (bench:ocr)', () => {
  it('counts no error for the same characters read in another order, where the CER counts some', () => {
    const reference = '左栏第一行\n右栏第一行';
    const read = '右栏第一行\n左栏第一行';
    assert.ok(characterErrors(reference, read).errors > 0);
    assert.equal(unorderedErrors(reference, read), 0);
  });

  it('counts a substitution once and a lost digit once, as the CER does, width and spaces folded', () => {
    assert.equal(unorderedErrors('内部审计', '內部审计'), 1);
    assert.equal(unorderedErrors('404,738,566.82', '404, 738,566.2'), 1);
    assert.equal(unorderedErrors('（元）', '(元)'), 0);
  });

  it('lists the edits of the alignment, runs joined, most frequent first', () => {
    assert.deepEqual(alignmentEdits('营业利润404,738,566.82', '营业利润404,78,566.82'), [
      { expected: '3', read: '' },
    ]);
    assert.deepEqual(alignmentEdits('董事会决议', '董事会決議'), [{ expected: '决议', read: '決議' }]);
    assert.deepEqual(alignmentEdits('证券代码', '证券代码000001'), [{ expected: '', read: '000001' }]);
    assert.equal(errorDiff('辞任公告，辞任', '任公告，任'), '辞→∅×2');
    assert.equal(errorDiff('特此公告', '特此公告'), '');
  });
});
