import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { garbageRatio, hasTextLayer, meaningfulCharCount } from '../../src/parse/text-layer.js';

describe('text layer checks', () => {
  it('counts letters, digits and ideographs only', () => {
    assert.equal(meaningfulCharCount('公告 2025，A!'), 7);
    assert.equal(meaningfulCharCount(' \n\t—。'), 0);
  });

  it('wants some text per page on average', () => {
    assert.equal(hasTextLayer(['', '', '']), false);
    assert.equal(hasTextLayer(['1', '2', '3']), false);
    assert.equal(hasTextLayer(['关于控股股东部分股份质押的公告', '', '']), true);
    assert.equal(hasTextLayer(Array.from({ length: 20 }, () => '')), false);
  });

  it('measures broken font mappings', () => {
    assert.equal(garbageRatio('正常文本'), 0);
    assert.equal(garbageRatio('\uE001\uE002\uFFFD正'), 0.75);
    assert.equal(garbageRatio(''), 0);
  });

  it('counts Chinese read through a Latin encoding (mojibake) as garbage, not real accents', () => {
    // 公司与股东签署了质押协议 as UTF-8 shown in Windows-1252.
    assert.ok(garbageRatio('å…¬å¸ä¸Žè‚¡ä¸œç­¾ç½²äº†è´¨æŠ¼åè®®') > 0.5);
    assert.ok(garbageRatio('Le conseil a approuvé la cession des actions à la société mère.') < 0.1);
    assert.ok(garbageRatio('Die Gesellschaft hat die Übernahme genehmigt; Käufer ist die Bank.') < 0.1);
  });
});
