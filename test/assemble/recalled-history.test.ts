import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentYear, recalledHistory } from '../../src/assemble/recalled-history.js';

describe('recalled history', () => {
  it('dates a document by its publication, else by the latest year it dates a fact with', () => {
    assert.equal(documentYear('2014年3月公司上市。', '2021-08-02'), 2021);
    // 2023 is a forecast year (no month): the latest dated fact is of 2021.
    assert.equal(documentYear('2014年3月公司上市，2021年5月收购星河电子，预计2023年净利润3亿元。'), 2021);
    assert.equal(documentYear('预计2023年净利润3亿元。'), undefined);
  });

  it('takes the year written nearest before the mention, else one after it in its clause', () => {
    const sentence = '公司成立于2010年，2021年5月收购星河电子。';
    assert.equal(recalledHistory(sentence, sentence.indexOf('收购'), 2021), false);
    assert.equal(recalledHistory(sentence, sentence.indexOf('成立'), 2021), true);
    const after = '远山科技收购星河电子于2015年完成，此后业绩增长。';
    assert.equal(recalledHistory(after, after.indexOf('收购'), 2021), true);
    assert.equal(recalledHistory('去年远山科技收购星河电子。', 4, 2021), false);
  });
});
