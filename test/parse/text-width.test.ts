import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCjk, joinSeparator, visualWidth } from '../../src/parse/text-width.js';

describe('text width helpers', () => {
  it('weighs CJK as full width and Latin as about half', () => {
    assert.equal(visualWidth('公告'), 2);
    assert.ok(Math.abs(visualWidth('ab') - 1.1) < 1e-9);
    assert.ok(visualWidth('公司2025年') < visualWidth('公司二〇二五年'));
  });

  it('recognises CJK characters and punctuation', () => {
    assert.equal(isCjk('公'), true);
    assert.equal(isCjk('，'), true);
    assert.equal(isCjk('a'), false);
    assert.equal(isCjk(undefined), false);
  });

  it('joins Chinese without a space and Latin words with one', () => {
    assert.equal(joinSeparator('本公', '司'), '');
    assert.equal(joinSeparator('total of', 'HKD'), ' ');
    assert.equal(joinSeparator('2.36', '亿元'), '');
    assert.equal(joinSeparator('co-', 'operate'), '');
  });
});
