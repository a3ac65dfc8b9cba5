import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keepOneParty } from '../../src/assemble/one-party-records.js';
import { fillers, mention, records } from '../support/record-mentions.js';

describe('one record per party: officer changes and penalties read in pieces', () => {
  it('joins a dated line that names no officer to the change of the officer told next to it', () => {
    const dated = '2022年2月8日，远山银行发布公告称，董事会收到副行长的书面辞职报告。';
    const named = '张某因个人原因辞去副行长职务。';
    const found = records([
      mention('高管变动', 0, dated, '辞职', [
        ['target-company', '远山银行'],
        ['date', '2022年2月8日'],
      ]),
      mention('高管变动', 1, named, '辞去', [
        ['sub-per', '张某'],
        ['title', '副行长'],
        ['way', '辞去'],
      ]),
    ]);
    assert.equal(found.length, 1);
    assert.deepEqual(fillers(found[0], '高管姓名'), ['张某']);
    assert.deepEqual(fillers(found[0], '任职公司'), ['远山银行']);
    assert.deepEqual(fillers(found[0], '事件时间'), ['2022年2月8日']);
  });

  it('joins a penalty piece naming nobody to the punished party told beside it, not one with another fine', () => {
    const fined = '远山科技因虚假宣传被某市市场监督管理局罚款1万元。';
    const authority = '处罚决定由某市市场监督管理局作出。';
    const other = '另一案中，某区分局对一家门店罚款5万元。';
    const found = records([
      mention('行政处罚', 0, fined, '罚款', [
        ['obj', '远山科技'],
        ['money', '1万元'],
        ['way', '罚款'],
      ]),
      mention('行政处罚', 1, authority, '作出', [['institution', '某市市场监督管理局']]),
      mention('行政处罚', 2, other, '罚款', [
        ['money', '5万元'],
        ['way', '罚款'],
      ]),
    ]);
    assert.equal(found.length, 2, 'the fine of 5万元 is another penalty');
    assert.deepEqual(fillers(found[0], '处罚机构'), ['某市市场监督管理局']);
    assert.deepEqual(fillers(found[0], '罚款金额'), ['1万元']);
  });

  it("splits a sentence punishing several parties into one record each, each fine its own party's", () => {
    const letters = '某省证监局对远山会计师事务所、张某、李某采取出具警示函措施。';
    const warned = records([
      mention('行政处罚', 0, letters, '出具警示函', [
        ['institution', '某省证监局'],
        ['obj', '远山会计师事务所'],
        ['obj', '张某'],
        ['obj', '李某'],
        ['way', '出具警示函'],
      ]),
    ]);
    assert.deepEqual(
      warned.map((r) => [fillers(r, '处罚对象'), fillers(r, '处罚机构'), fillers(r, '处罚内容')]),
      [
        [['远山会计师事务所'], ['某省证监局'], ['出具警示函']],
        [['张某'], ['某省证监局'], ['出具警示函']],
        [['李某'], ['某省证监局'], ['出具警示函']],
      ],
    );
    const fines = '证监会对远山科技罚款60万元，对王某罚款30万元。';
    const fined = records([
      mention('行政处罚', 1, fines, '罚款', [
        ['obj', '远山科技'],
        ['money', '60万元'],
        ['obj', '王某'],
        ['money', '30万元'],
        ['institution', '证监会'],
      ]),
    ]);
    assert.deepEqual(
      fined.map((r) => [fillers(r, '处罚对象'), fillers(r, '罚款金额')]),
      [
        [['远山科技'], ['60万元']],
        [['王某'], ['30万元']],
      ],
    );
    // A name read again in part (远山科技 and 山科技) is one party.
    const twice = records([
      mention('行政处罚', 2, '证监会对远山科技、王某出具警示函。', '出具警示函', [
        ['obj', '远山科技'],
        ['obj', '山科技'],
        ['obj', '王某'],
        ['institution', '证监会'],
      ]),
    ]);
    assert.deepEqual(
      twice.map((r) => fillers(r, '处罚对象')),
      [['远山科技'], ['王某']],
    );
    // A group written as one phrase (张某、李某等当事人) is one party, its fine the group's.
    const group = '证监会对张某、李某等当事人给予警告，并处3万至30万元不等罚款。';
    const grouped = records([
      mention('行政处罚', 3, group, '警告', [
        ['obj', '张某'],
        ['obj', '李某'],
        ['way', '警告'],
        ['money', '3万至30万元'],
        ['institution', '证监会'],
      ]),
    ]);
    assert.deepEqual(
      grouped.map((r) => [fillers(r, '处罚对象'), fillers(r, '罚款金额')]),
      [[['张某', '李某'], ['3万至30万元']]],
    );
  });

  it('reads a company and its branch fined the same as one party, the branch', () => {
    const text = '远山健康科技股份有限公司上海分公司因虚假宣传，被某区市场监督管理局罚款1万元。';
    const found = records([
      mention('行政处罚', 1, text, '罚款', [
        ['obj', '远山健康科技股份有限公司'],
        ['money', '1万元'],
        ['institution', '某区市场监督管理局'],
      ]),
      mention('行政处罚', 1, text, '罚款', [
        ['obj', '远山健康科技股份有限公司上海分公司'],
        ['money', '1万元'],
        ['institution', '某区市场监督管理局'],
      ]),
    ]);
    assert.equal(found.length, 1);
    assert.deepEqual(fillers(found[0], '处罚对象'), ['远山健康科技股份有限公司上海分公司']);
  });

  it('keeps a bank and its branch apart where different authorities fined them', () => {
    const branch = '远山银行成都分行被某省银监局罚款4.6亿元。';
    const head = '远山银行总行也被银保监会处罚。';
    const found = records([
      mention('行政处罚', 1, branch, '罚款', [
        ['obj', '远山银行成都分行'],
        ['institution', '某省银监局'],
        ['money', '4.6亿元'],
      ]),
      mention('行政处罚', 2, head, '处罚', [
        ['obj', '远山银行'],
        ['institution', '银保监会'],
      ]),
    ]);
    assert.equal(found.length, 2);
  });

  it("takes the body's name of the punished company over the headline's brand", () => {
    const headline = '以次充好，星河被罚13.8万元';
    const body = '近日，星河关联公司星河(上海)商业有限公司新增行政处罚信息。';
    const measure = '对此，某区市场监督管理局作出罚款13.8万元的处罚决定。';
    const found = records(
      [
        mention('行政处罚', 0, headline, '被罚', [
          ['obj', '星河'],
          ['money', '13.8万元'],
        ]),
        mention('行政处罚', 1, body, '行政处罚', [['obj', '星河(上海)商业有限公司']]),
        mention('行政处罚', 2, measure, '罚款', [
          ['institution', '某区市场监督管理局'],
          ['way', '罚款'],
        ]),
      ],
      { headlineSentence: 0 },
    );
    assert.equal(found.length, 1);
    assert.deepEqual(fillers(found[0], '处罚对象'), ['星河(上海)商业有限公司']);
    // Without a headline the two names stay two parties.
    assert.equal(
      records([
        mention('行政处罚', 1, headline, '被罚', [
          ['obj', '星河'],
          ['money', '13.8万元'],
        ]),
        mention('行政处罚', 3, body, '行政处罚', [['obj', '星河(上海)商业有限公司']]),
      ]).length,
      2,
    );
  });

  it('keeps the headline party where the body names none', () => {
    const args = [
      { documentRole: '处罚对象', text: '星河', sentence: 0 },
      { documentRole: '罚款金额', text: '1万元', sentence: 2 },
    ];
    assert.deepEqual(keepOneParty('行政处罚', args, 0), args);
    assert.deepEqual(keepOneParty('中标', args, 0), args);
  });
});

describe('officer changes told only in an aside', () => {
  it('reads no change from a bracketed aside that says who someone is, and still reads one told outside it', () => {
    const aside = '此后，资金分别汇入孙某（2017年12月卸任公司财务总监）、张某（原名张某某）账户。';
    assert.equal(
      records([
        mention('高管变动', 0, aside, '汇入', [
          ['sub-per', '孙某'],
          ['title', '财务总监'],
        ]),
      ]).length,
      0,
    );
    const told = '孙某（财务总监）因个人原因辞去公司财务总监职务。';
    const found = records([
      mention('高管变动', 1, told, '辞去', [
        ['sub-per', '孙某'],
        ['title', '财务总监'],
        ['way', '辞去'],
      ]),
    ]);
    assert.deepEqual(
      found.map((r) => fillers(r, '高管姓名')),
      [['孙某']],
    );
  });
});

describe('one record per party: a company named in full and by its short name', () => {
  it("joins a penalty read under a company's short name to the one under its legal name, unless the fines differ", () => {
    const full = '某市分行对陕西远山支付科技有限公司作出行政处罚。';
    const short = '远山支付被罚款3万元，处罚日期为11月16日。';
    const joined = records([
      mention('行政处罚', 0, full, '行政处罚', [
        ['obj', '陕西远山支付科技有限公司'],
        ['institution', '某市分行'],
      ]),
      mention('行政处罚', 1, short, '罚款', [
        ['obj', '远山支付'],
        ['money', '3万元'],
        ['way', '罚款'],
      ]),
    ]);
    assert.deepEqual(
      joined.map((r) => [fillers(r, '处罚对象'), fillers(r, '处罚机构'), fillers(r, '罚款金额')]),
      [[['陕西远山支付科技有限公司'], ['某市分行'], ['3万元']]],
    );
    const fined = '某市分行对陕西远山支付科技有限公司罚款5万元。';
    const two = records([
      mention('行政处罚', 0, fined, '罚款', [
        ['obj', '陕西远山支付科技有限公司'],
        ['money', '5万元'],
      ]),
      mention('行政处罚', 1, short, '罚款', [
        ['obj', '远山支付'],
        ['money', '3万元'],
      ]),
    ]);
    assert.equal(two.length, 2, 'a fine of 5万元 and one of 3万元 are two penalties');
  });
});
