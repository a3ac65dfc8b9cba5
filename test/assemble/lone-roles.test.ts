import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fillers, mention, records } from '../support/record-mentions.js';

describe('records that read one role alone outside an announcement', () => {
  it('reads no trade out of a listed company named beside a trade word, only out of one naming who traded', () => {
    const text = '远山股份近期遭遇股东减持，股价连续下跌。';
    assert.deepEqual(records([mention('减持', 1, text, '减持', [['obj', '远山股份']])]), []);
    const sold = '远山股份公告，股东星河投资减持公司股份500万股。';
    const found = records([
      mention('减持', 1, sold, '减持', [
        ['obj', '远山股份'],
        ['sub', '星河投资'],
      ]),
    ]);
    assert.equal(found.length, 1);
    // An announcement names its own trade's company: its record stands with that alone.
    assert.equal(
      records([mention('减持', 1, text, '减持', [['obj', '远山股份']])], { kind: 'announcement' }).length,
      1,
    );
  });

  it('reads no transfer, guarantee or ruling out of the company, guarantor or court named alone', () => {
    const transfer = '市场传闻远山银行股权转让一事仍在推进。';
    const guarantee = '远山电子为关联方提供担保引发关注。';
    const ruling = '此案已由法院作出判决。';
    assert.deepEqual(
      records([
        mention('股份股权转让', 1, transfer, '转让', [['target-company', '远山银行']]),
        mention('担保', 2, guarantee, '担保', [['sub-org', '远山电子']]),
        mention('判决', 3, ruling, '判决', [['institution', '法院']]),
      ]),
      [],
    );
  });

  it('joins the buyer told in one sentence and the target told in another into one acquisition', () => {
    const buyer = '据报道，星河公司已完成一笔收购。';
    const target = '被收购的远山音乐是一家初创企业，成立于2016年。';
    const found = records([
      mention('收购', 1, buyer, '收购', [['sub-org', '星河公司']]),
      mention('收购', 3, target, '收购', [['obj-org', '远山音乐']]),
    ]);
    assert.equal(found.length, 1);
    assert.deepEqual(fillers(found[0], '收购方'), ['星河公司']);
    assert.deepEqual(fillers(found[0], '被收购方'), ['远山音乐']);
    // A buyer named alone, with no target anywhere, is no deal.
    assert.deepEqual(records([mention('收购', 1, buyer, '收购', [['sub-org', '星河公司']])]), []);
  });
});
