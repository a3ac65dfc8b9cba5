import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RecordMention } from '../../src/assemble/document-events.js';
import { withoutRecalledRounds } from '../../src/assemble/financing-history.js';

/** Only the fields the filter reads. */
const mention = (documentType: string, sentenceText: string) =>
  ({ documentType, sentenceText }) as unknown as RecordMention;
const texts = (ms: RecordMention[]) => ms.map((m) => m.sentenceText);

describe('withoutRecalledRounds', () => {
  it("drops the earlier rounds a funding story recalls, keeping the item's own round and other types", () => {
    const mentions = [
      mention('企业融资', '示例科技宣布完成2亿元C轮融资，由甲资本领投。'),
      mention('企业融资', '此前，示例科技已获得多轮融资，2019年获得乙资本A轮投资。'),
      mention('企业融资', '据悉，示例科技曾获得丙基金的天使轮融资。'),
      mention('高管变动', '此前，张某曾任示例科技总经理。'),
    ];
    assert.deepEqual(texts(withoutRecalledRounds(mentions)), [
      '示例科技宣布完成2亿元C轮融资，由甲资本领投。',
      '此前，张某曾任示例科技总经理。',
    ]);
  });

  it('keeps a round told with earlier investors added up (加上此前…的投资)', () => {
    const mentions = [
      mention('企业融资', '今日，示例能源宣布获得甲资本投资，加上此前乙资本的投资，已累计完成E轮融资。'),
    ];
    assert.equal(withoutRecalledRounds(mentions).length, 1);
  });

  it('keeps a recalled round where the document tells no other financing', () => {
    const mentions = [mention('企业融资', '此前，示例科技已完成B轮融资。')];
    assert.equal(withoutRecalledRounds(mentions).length, 1);
  });
});
