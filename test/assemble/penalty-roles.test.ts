import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type RecordMention, toRecordMention } from '../../src/assemble/index.js';
import { withPenaltyRoles } from '../../src/assemble/penalty-roles.js';
import { eventTypes, fillers, mention, records, sentenceStarts } from '../support/record-mentions.js';

/** The model's penalty mention in sentence 0, as a record mention, with the penalty roles read. */
function read(sentence: string, args: [role: string, text: string][]): RecordMention {
  const found = toRecordMention(mention('行政处罚', 0, sentence, args[0]?.[1] ?? '', args), {
    documentId: 'n',
    kind: 'news',
    eventTypes,
    sentenceStarts,
  });
  assert.ok(found, 'a penalty mention');
  return withPenaltyRoles(found, 0);
}

const roleTexts = (m: RecordMention, role: string) =>
  m.arguments.filter((a) => a.documentRole === role).map((a) => a.text);

describe('penalty roles: the punished party alone', () => {
  it('cuts the authority and its verb, a report lead and 就 from the party read', () => {
    const cases: [sentence: string, read: string, party: string][] = [
      ['某市某某局某区分局对远山电机罚款10万元。', '某区分局对远山电机', '远山电机'],
      ['某市渔业局责令青川公司退还海域，并处罚款。', '某市渔业局责令青川公司', '青川公司'],
      ['某监管局网站公告称远山银行被罚款500万元。', '某监管局网站公告称远山银行', '远山银行'],
      ['交易所就远山股份予以公开谴责。', '就远山股份', '远山股份'],
      [
        '远山茶饮关联公司上海远山餐饮管理有限公司被罚45万元。',
        '远山茶饮关联公司上海远山餐饮管理有限公司',
        '上海远山餐饮管理有限公司',
      ],
    ];
    for (const [sentence, party, want] of cases) {
      const m = read(sentence, [['obj', party]]);
      assert.deepEqual(roleTexts(m, '处罚对象'), [want], sentence);
      const arg = m.arguments.find((a) => a.documentRole === '处罚对象');
      assert.equal(sentence.slice(arg?.start, arg?.end), want, 'the offsets follow the cut');
    }
  });

  it('keeps a party whose name only looks like a lead (a subsidiary named as such, a person)', () => {
    const kept: [sentence: string, party: string][] = [
      ['巴西子公司向税务局支付罚款。', '巴西子公司'],
      ['张对被警告。', '张对'],
    ];
    for (const [sentence, party] of kept) {
      assert.deepEqual(roleTexts(read(sentence, [['obj', party]]), '处罚对象'), [party]);
    }
  });
});

describe('penalty roles: the decision date', () => {
  it('reads a day of receipt or payment as no decision date, and a day of disclosure as 披露时间', () => {
    const paid = read('12月29日，远山子公司已向税务局支付了上述罚款300万元。', [
      ['obj', '远山子公司'],
      ['date', '12月29日'],
    ]);
    assert.deepEqual(roleTexts(paid, '处罚日期'), []);
    const received = read('远山科技在8月1日同时收到调查通知书和警示函。', [
      ['obj', '远山科技'],
      ['date', '8月1日'],
    ]);
    assert.deepEqual(roleTexts(received, '处罚日期'), []);
    const disclosed = read('12月2日，远山科技（600001）披露，公司收到某监管局下发的警示函。', [
      ['obj', '远山科技'],
      ['date', '12月2日'],
    ]);
    assert.deepEqual(roleTexts(disclosed, '处罚日期'), []);
    assert.deepEqual(roleTexts(disclosed, '披露时间'), ['12月2日']);
    const decided = read('某市监管局于2021年12月31日作出处罚决定，对远山担保处以40万元罚款。', [
      ['obj', '远山担保'],
      ['date', '2021年12月31日'],
    ]);
    assert.deepEqual(roleTexts(decided, '处罚日期'), ['2021年12月31日']);
  });
});

describe('penalty roles: one reading per measure', () => {
  it('keeps the fuller reading of one measure, without 采取, and drops a reading run over into figures', () => {
    const letters = '某省证监局对远山会计师事务所采取出具警示函措施。';
    const [warned] = records([
      mention('行政处罚', 0, letters, '出具警示函', [
        ['obj', '远山会计师事务所'],
        ['way', '警示函'],
        ['way', '出具警示函'],
        ['way', '采取出具警示函'],
      ]),
    ]);
    assert.deepEqual(fillers(warned, '处罚内容'), ['出具警示函']);
    const fined = '远山岛公司遭行政处罚 缴300万元罚款，并被责令恢复原状。';
    const [paid] = records([
      mention('行政处罚', 0, fined, '罚款', [
        ['obj', '远山岛公司'],
        ['way', '行政处罚 缴300万元罚款'],
        ['way', '罚款'],
        ['way', '恢复原状'],
      ]),
    ]);
    assert.deepEqual(fillers(paid, '处罚内容').sort(), ['恢复原状', '罚款']);
  });

  it('keeps two different measures of one party', () => {
    const sentence = '某局对远山科技给予警告，并处以罚款10万元。';
    const [found] = records([
      mention('行政处罚', 0, sentence, '警告', [
        ['obj', '远山科技'],
        ['way', '警告'],
        ['way', '罚款'],
      ]),
    ]);
    assert.deepEqual(fillers(found, '处罚内容').sort(), ['罚款', '警告'].sort());
  });
});

describe('penalty roles: the authority a decision goes on from', () => {
  it('gives a decision with no authority of its own the one of the sentence before, and 我局 the speaker', () => {
    const decided = '某省证监局决定对远山药业给予警告，并处以60万元的罚款。';
    const goesOn = '同时对董事长张某给予警告，并处以30万元的罚款。';
    const found = records(
      [
        mention('行政处罚', 0, decided, '警告', [
          ['obj', '远山药业'],
          ['institution', '某省证监局'],
          ['money', '60万元'],
        ]),
        mention('行政处罚', 1, goesOn, '警告', [
          ['obj', '张某'],
          ['money', '30万元'],
        ]),
      ],
      { sentences: [decided, goesOn] },
    );
    assert.deepEqual(
      found.map((r) => [fillers(r, '处罚对象'), fillers(r, '处罚机构')]),
      [
        [['远山药业'], ['某省证监局']],
        [['张某'], ['某省证监局']],
      ],
    );
    const speaker = '某市证监局：经查，远山网络披露不准确。';
    const middle = '张某作为董事长负有主要责任。';
    const letter = '根据规定，我局决定对张某采取出具警示函的监管措施。';
    const unrelated = '另据报道，张某已辞去董事长职务并对公司表示歉意。';
    const [warned] = records([mention('行政处罚', 2, letter, '警示函', [['obj', '张某']])], {
      sentences: [speaker, middle, letter],
    });
    assert.deepEqual(fillers(warned, '处罚机构'), ['某市证监局']);
    const [alone] = records([mention('行政处罚', 2, unrelated, '表示歉意', [['obj', '张某']])], {
      sentences: [speaker, middle, unrelated],
    });
    assert.deepEqual(
      fillers(alone, '处罚机构'),
      [],
      'a sentence with a subject of its own carries nothing over',
    );
  });
});
