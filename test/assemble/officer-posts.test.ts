import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fillers, mention, records } from '../support/record-mentions.js';

const values = (e: { arguments: { documentRole?: string; value?: unknown }[] } | undefined, role: string) =>
  (e?.arguments ?? []).filter((a) => a.documentRole === role).map((a) => a.value);

describe('officer records: one post and one change word per person', () => {
  it("gives each person the post and change written next to the name, a list's first post", () => {
    const text = '远山银行公告，副行长兼首席信息官张某因个人原因辞去职务，董事会聘任李某出任总经理。';
    const args: [string, string][] = [
      ['title', '副行长'],
      ['title', '首席信息官'],
      ['title', '总经理'],
      ['way', '辞去'],
      ['way', '出任'],
      ['target-company', '远山银行'],
    ];
    const found = records(
      [
        mention('高管变动', 0, text, '辞去', [['sub-per', '张某'], ...args]),
        mention('高管变动', 0, text, '出任', [['sub-per', '李某'], ...args]),
      ],
      { sentences: [text] },
    );
    const of = (name: string) => found.find((e) => fillers(e, '高管姓名').includes(name));
    assert.deepEqual(fillers(of('张某'), '高管职位'), ['副行长']);
    assert.deepEqual(fillers(of('张某'), '变动类型'), ['辞去']);
    assert.deepEqual(values(of('张某'), '变动类型'), ['辞任']);
    assert.deepEqual(fillers(of('李某'), '高管职位'), ['总经理']);
    assert.deepEqual(fillers(of('李某'), '变动类型'), ['出任']);
    assert.deepEqual(values(of('李某'), '变动类型'), ['任命']);
  });

  it('passes over a post the person keeps after resigning another', () => {
    const text = '王某因工作变动申请辞去公司总经理职务，辞职后王某仍担任公司董事。';
    const found = records(
      [
        mention('高管变动', 0, text, '辞去', [
          ['sub-per', '王某'],
          ['title', '董事'],
          ['title', '总经理'],
          ['way', '辞去'],
        ]),
      ],
      { sentences: [text] },
    );
    assert.deepEqual(fillers(found[0], '高管职位'), ['总经理']);
  });

  it("takes the company post of a list beside a party post, and a board's head of a list", () => {
    const appointed = '赵某被任命为公司党委委员、副总经理。';
    const resigned = '钱某辞去公司董事、董事长职务。';
    const found = records(
      [
        mention('高管变动', 0, appointed, '任命', [
          ['sub-per', '赵某'],
          ['title', '党委委员'],
          ['title', '副总经理'],
          ['way', '任命'],
        ]),
        mention('高管变动', 1, resigned, '辞去', [
          ['sub-per', '钱某'],
          ['title', '董事'],
          ['title', '董事长'],
          ['way', '辞去'],
        ]),
      ],
      { sentences: [appointed, resigned] },
    );
    const of = (name: string) => found.find((e) => fillers(e, '高管姓名').includes(name));
    assert.deepEqual(fillers(of('赵某'), '高管职位'), ['副总经理']);
    assert.deepEqual(fillers(of('钱某'), '高管职位'), ['董事长']);
  });
});

describe('listing records: one per company, one step each', () => {
  it('splits a sentence naming several companies into one record each, keeping one reading of the step', () => {
    const text = '证监会同意以下企业首次公开发行股票注册：甲乙材料股份有限公司、丙丁导航科技股份有限公司。';
    const found = records([
      mention('公司上市', 0, text, '注册', [
        ['sub-org', '甲乙材料股份有限公司'],
        ['sub-org', '丙丁导航科技股份有限公司'],
        ['stage', '首次公开发行股票注册'],
        ['stage', '注册'],
      ]),
    ]);
    assert.deepEqual(
      found.map((e) => [fillers(e, '上市公司'), fillers(e, '环节').length]),
      [
        [['甲乙材料股份有限公司'], 1],
        [['丙丁导航科技股份有限公司'], 1],
      ],
    );
  });
});
