import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fillers, mention, records } from '../support/record-mentions.js';

describe('funding round parties: lead, investors, the company raising and its adviser', () => {
  it('reads the lead from 由…领投 and the followers from …跟投, naming the lead once', () => {
    const text = '远山科技完成1.8亿元C轮融资，由甲创投领投、乙资本、丙基金跟投，丁资本担任独家财务顾问。';
    const found = records([
      mention('企业融资', 0, text, '融资', [
        ['obj', '远山科技'],
        ['money', '1.8亿元'],
        ['round', 'C轮'],
        ['sub', '甲创投'],
        ['lead', '甲创投'],
        ['lead', '乙资本'],
        ['sub', '丙基金'],
        ['sub', '丁资本'],
      ]),
    ]);
    assert.equal(found.length, 1);
    assert.deepEqual(fillers(found[0], '领投方'), ['甲创投']);
    assert.deepEqual(fillers(found[0], '投资方').sort(), ['丙基金', '乙资本'].sort());
  });

  it('drops the company raising read as its own investor and a reading spanning two names', () => {
    const text = '远山信息技术(上海)有限公司（简称“远山信息”）完成B轮融资，本轮由甲资本领投，乙创投跟投。';
    const found = records([
      mention('企业融资', 0, text, '融资', [
        ['obj', '远山信息'],
        ['sub', '远山信息技术(上海)有限公司'],
        ['sub', '甲资本领投，乙创投'],
        ['sub', '乙创投'],
      ]),
    ]);
    assert.deepEqual(fillers(found[0], '投资方'), ['乙创投']);
    assert.deepEqual(fillers(found[0], '被投资方'), ['远山信息']);
  });

  it('keeps the round as written when the model also reads its tail (Pre-D轮 and D轮)', () => {
    const text = '远山科技宣布获得1.72亿的Pre-D轮融资，由甲资本领投。';
    const found = records([
      mention('企业融资', 0, text, '融资', [
        ['obj', '远山科技'],
        ['round', 'Pre-D轮'],
        ['round', 'D轮'],
        ['lead', '甲资本'],
      ]),
    ]);
    assert.deepEqual(fillers(found[0], '融资轮次'), ['Pre-D轮']);
    assert.deepEqual(fillers(found[0], '领投方'), ['甲资本']);
  });
});

describe('funding round parties read twice', () => {
  it('keeps a named investor where the model also reads it as a second company raising', () => {
    const text = '远山电商获得来自甲集团和乙集团的C轮融资。';
    const found = records([
      mention('企业融资', 0, text, '融资', [
        ['obj', '远山电商'],
        ['round', 'C轮'],
        ['sub', '甲集团'],
        ['sub', '乙集团'],
        ['obj', '乙集团'],
      ]),
    ]);
    assert.deepEqual(fillers(found[0], '被投资方'), ['远山电商']);
    assert.deepEqual(fillers(found[0], '投资方').sort(), ['乙集团', '甲集团'].sort());
  });

  it('reads a lead where no one is said to lead as an investor (投资方是甲资本)', () => {
    const text = '远山乐园获得了数百万元天使轮融资，投资方是甲资本。';
    const found = records([
      mention('企业融资', 0, text, '融资', [
        ['obj', '远山乐园'],
        ['sub', '甲资本'],
        ['lead', '甲资本'],
      ]),
    ]);
    assert.deepEqual(fillers(found[0], '投资方'), ['甲资本']);
    assert.deepEqual(fillers(found[0], '领投方'), []);
  });

  it('keeps the currency word written right after a vague amount (数亿元人民币), not one further on', () => {
    const text = '远山机器人近日完成数亿元人民币C轮融资，本轮由甲资本领投。';
    const found = records([
      mention('企业融资', 0, text, '融资', [
        ['obj', '远山机器人'],
        ['money', '数亿元'],
        ['round', 'C轮'],
      ]),
    ]);
    assert.deepEqual(fillers(found[0], '融资金额'), ['数亿元人民币']);
    const later = '远山机器人完成3亿元B轮融资，投后估值达20亿元人民币。';
    const other = records([
      mention('企业融资', 0, later, '融资', [
        ['obj', '远山机器人'],
        ['money', '3亿元'],
      ]),
    ]);
    assert.deepEqual(fillers(other[0], '融资金额'), ['3亿元']);
  });
});
