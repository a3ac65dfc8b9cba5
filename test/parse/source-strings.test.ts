import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { restoreSourceStrings } from '../../src/parse/source-strings.js';

describe('restoreSourceStrings', () => {
  it('maps header strings found in simplified text back to the Traditional source', () => {
    const text = '鴻圖國際控股有限公司（股份代號：02368）';
    const model = '鸿图国际控股有限公司（股份代号：02368）';
    const header = {
      companyName: '鸿图国际控股有限公司',
      stockCode: '02368',
      codes: [{ label: '股份' }],
      n: 1,
    };
    assert.deepEqual(restoreSourceStrings(header, model, text), {
      companyName: '鴻圖國際控股有限公司',
      stockCode: '02368',
      codes: [{ label: '股份' }],
      n: 1,
    });
  });

  it('leaves values alone when there is nothing to restore', () => {
    const header = { title: '关于公告' };
    assert.equal(restoreSourceStrings(header, 'same', 'same'), header);
    assert.deepEqual(restoreSourceStrings({ title: '不存在' }, '简体文本', '簡體文本'), { title: '不存在' });
  });
});
