import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldFullWidth, toSimplified, toSourceSpan } from '../../src/parse/traditional-to-simplified.js';

describe('toSimplified', () => {
  it('converts Traditional to Simplified with identical offsets', () => {
    const source =
      '鴻圖國際控股有限公司（股份代號：02368）宣佈收購深圳市恒睿科技有限公司51%股權，代價為港幣4.2億元。';
    const out = toSimplified(source);
    assert.equal(
      out.text,
      '鸿图国际控股有限公司（股份代号：02368）宣布收购深圳市恒睿科技有限公司51%股权，代价为港币4.2亿元。',
    );
    assert.equal(out.text.length, source.length);
    assert.equal(out.offsetMap, null);
    assert.ok(out.changedChars >= 10);
    const at = out.text.indexOf('股权');
    assert.equal(source.slice(at, at + 2), '股權');
  });

  it('leaves Simplified text untouched', () => {
    const out = toSimplified('关于控股股东部分股份质押的公告');
    assert.deepEqual(out, { text: '关于控股股东部分股份质押的公告', offsetMap: null, changedChars: 0 });
  });

  it('maps spans back through an offset map', () => {
    // A map as produced when one chunk grew: model chars 0..3 come from source 0..2.
    const map = [0, 0, 1, 2, 3];
    assert.deepEqual(toSourceSpan(map, 0, 4), [0, 3]);
    assert.deepEqual(toSourceSpan(map, 2, 3), [1, 2]);
    assert.deepEqual(toSourceSpan(null, 5, 9), [5, 9]);
  });

  it('can fold full-width digits and letters for the model without changing length or punctuation', () => {
    const source = '證券代碼：６００５１９，增長８．５％，ＥＰＳ為１．２元';
    const out = toSimplified(source, { foldFullWidth: true });
    assert.equal(out.text, '证券代码：600519，增长8．5%，EPS为1．2元');
    assert.equal(out.text.length, source.length);
    assert.equal(out.offsetMap, null);
    assert.equal(out.changedChars, 4, 'only script changes count');
    assert.equal(foldFullWidth('１２３ａＢ％，'), '123aB%，');
  });
});
