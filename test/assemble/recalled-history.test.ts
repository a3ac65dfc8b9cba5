import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { datedByYearAlone, documentYear, recalledHistory } from '../../src/assemble/recalled-history.js';

describe('recalled history', () => {
  it('dates a document by its publication, else by the latest year it dates a fact with', () => {
    assert.equal(documentYear('2014年3月公司上市。', '2021-08-02'), 2021);
    // 2023 is a forecast year (no month): the latest dated fact is of 2021.
    assert.equal(documentYear('2014年3月公司上市，2021年5月收购星河电子，预计2023年净利润3亿元。'), 2021);
    assert.equal(documentYear('预计2023年净利润3亿元。'), undefined);
    // With no month anywhere, the latest year written that no forecast word or range leads.
    assert.equal(documentYear('2003年收购星河，2016年收购远山，预计2021-2023年净利润增长。'), 2016);
  });

  it('dates a story that cites an annual report no earlier than the year after it', () => {
    const text = '据某某证券2018年年报，首席风险官王某的任期从2014年8月5日开始。收购发生在2016年。';
    assert.equal(documentYear(text), 2019);
    // A deal of 2016 is then two years back: history.
    const told = '某某集团与某某资本共同发起收购英国某公司的时间是在2016年。';
    assert.ok(recalledHistory(told, told.indexOf('收购'), documentYear(text)));
    // Without the report, the month-dated 2014 would make 2016 news.
    assert.equal(documentYear('首席风险官王某的任期从2014年8月5日开始。'), 2014);
    // A later dated month still wins over the report's year.
    assert.equal(documentYear('据2018年年报，公司于2020年3月完成收购。'), 2020);
  });

  it('takes the year written nearest before the mention, else one after it in its clause', () => {
    const sentence = '公司成立于2010年，2021年5月收购星河电子。';
    assert.equal(recalledHistory(sentence, sentence.indexOf('收购'), 2021), false);
    assert.equal(recalledHistory(sentence, sentence.indexOf('成立'), 2021), true);
    const after = '远山科技收购星河电子于2015年完成，此后业绩增长。';
    assert.equal(recalledHistory(after, after.indexOf('收购'), 2021), true);
    assert.equal(recalledHistory('去年远山科技收购星河电子。', 4, 2021), false);
  });

  it('reads words that set a fact long ago (早在, 三年前, 彼时) as history whatever the dates', () => {
    const since = '复星医药与和睦家的缘分始于十年前，彼时，复星医药通过战略投资参股和睦家。';
    assert.equal(recalledHistory(since, since.indexOf('投资'), undefined), true);
    const old = '暴风集团与光大资本三年前的境外收购案重新被拉回到聚光灯下。';
    assert.equal(recalledHistory(old, old.indexOf('收购'), 2019), true);
    // A deadline year (2030年前) or a word after the mention is no recall.
    const goal = '公司计划2030年前收购更多新能源资产。';
    assert.equal(recalledHistory(goal, goal.indexOf('收购'), 2022), false);
    const later = '远山科技收购星河电子，后者三年前曾亏损。';
    assert.equal(recalledHistory(later, later.indexOf('收购'), 2022), false);
  });

  it('tells a fact dated by a year alone from one dated to the month, a period, a plan or a name', () => {
    const at = (s: string, word = '收购') => s.indexOf(word);
    const retold = '公司2020年收购鑫泰科技100%股权，年产超3000吨稀土氧化物。';
    assert.equal(datedByYearAlone(retold, at(retold), 2021), true);
    const clause = '2016年，31亿美元收购英国同行巨头，迅速进入欧洲市场。';
    assert.equal(datedByYearAlone(clause, at(clause), undefined), true);
    for (const s of [
      '公司2021年5月收购星河电子100%股权。',
      '公司2021年上半年收购星河电子。',
      '公司2022年拟收购星河电子。',
      '2021年以来，公司收购了三家企业。',
      '远山科技收购星河电子。',
    ])
      assert.equal(datedByYearAlone(s, at(s), 2022), false, s);
    // A year after the document's is a forecast's; a year inside a quoted name is the name's.
    const plan = '公司2024年收购星河电子的可能性较大。';
    assert.equal(datedByYearAlone(plan, at(plan), 2022), false);
    const named = '南方电网公告了“2021年计量产品第二批框架招标项目”，公司中标。';
    assert.equal(datedByYearAlone(named, at(named, '中标'), 2021), false);
  });
});
