/** Contract records as assembly writes them: each contract the contract fields read stays a record of its own. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { announcementLines, assembleRulesOnly, parseLines } from '../support/rule-text.js';

describe('contract records', () => {
  it('keeps two contracts signed with one client apart', async () => {
    const parsed = await parseLines(
      announcementLines('远山科技股份有限公司重大合同公告', [
        '一、合同主要内容',
        '1、合同当事人',
        '买方：东湖轮胎有限公司 卖方：远山科技股份有限公司',
        '2、合同金额',
        '（1）本公司与买方签署的设备《买卖合同》金额为3,170万元；',
        '（2）本公司全资子公司远山机电有限公司与买方签署的《加工定作合同》金额为3,019.2万元。',
      ]),
    );
    const graph = await assembleRulesOnly(parsed);
    const contracts = graph.events
      .filter((e) => e.documentType === '签署合同')
      .map((e) => Object.fromEntries(e.arguments.map((a) => [a.documentRole ?? a.role, a.text] as const)));
    assert.deepEqual(
      contracts.map((c) => [c.甲方, c.合同名称, c.合同金额]),
      [
        ['东湖轮胎有限公司', '买卖合同', '3,170万元'],
        ['东湖轮胎有限公司', '加工定作合同', '3,019.2万元'],
      ],
    );
  });
});
