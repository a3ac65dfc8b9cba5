/** One name read twice in a role: cut short or run over the words around it (wordings written for these tests). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isNestedReading, withoutNestedReadings } from '../../src/assemble/nested-fillers.js';

describe('isNestedReading', () => {
  it('takes a name cut short for a copy of the whole name', () => {
    assert.equal(isNestedReading('佳医疗', ['远佳医疗', '佳医疗']), true);
    assert.equal(isNestedReading('明杰', ['米明杰']), true);
    assert.equal(isNestedReading('远', ['远山集团']), true);
    assert.equal(isNestedReading('王文', ['王文怡']), true);
    assert.equal(isNestedReading('远山', ['远山科技股份有限公司']), false);
    assert.equal(isNestedReading('九山医药', ['河北九山医药化工有限公司']), false);
    assert.equal(isNestedReading('远佳医疗', ['远佳医疗', '佳医疗']), false);
  });

  it('takes a reading run over a clause, a title or a list for a copy of the name inside it', () => {
    assert.equal(isNestedReading('远山董秘王丽', ['王丽']), true);
    assert.equal(isNestedReading('远山证券发布公告称，近海证券', ['近海证券']), true);
    assert.equal(isNestedReading('远山控股及王丽', ['王丽']), true);
    assert.equal(isNestedReading('王丽、李明', ['王丽', '李明']), true);
    assert.equal(isNestedReading('期间远山贸易', ['远山贸易']), true);
  });

  it('keeps a longer name whose extra character belongs to it (和 at its start), and names apart', () => {
    assert.equal(isNestedReading('和远医疗', ['远医疗']), false);
    assert.equal(isNestedReading('远医疗', ['和远医疗']), true);
    assert.equal(isNestedReading('王丽', ['李明']), false);
    assert.equal(isNestedReading('王丽', ['王丽']), false);
  });
});

describe('a name read more often than the longer reading holding it', () => {
  it('keeps the name and takes the longer one for a slip over the words before it', () => {
    assert.equal(isNestedReading('青石控股', ['青石控股', '青石控股', '资产青石控股']), false);
    assert.equal(isNestedReading('青石控股', ['青石控股', '资产青石控股']), true);
  });
});

describe('withoutNestedReadings', () => {
  it('drops the copies within a role only, and leaves figures and other roles alone', () => {
    const readings = [
      { role: '减持方', text: '远山控股' },
      { role: '减持方', text: '山控股' },
      { role: '股票简称', text: '山集团' },
      { role: '交易金额', text: '1亿元' },
      { role: '交易金额', text: '1亿' },
    ];
    const kept = withoutNestedReadings(
      readings,
      (r) => r.role,
      (r) => r.text,
      (r) => r.role !== '交易金额',
    );
    assert.deepEqual(
      kept.map((r) => `${r.role}=${r.text}`),
      ['减持方=远山控股', '股票简称=山集团', '交易金额=1亿元', '交易金额=1亿'],
    );
  });
});
