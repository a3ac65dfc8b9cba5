import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tidyBidRoles } from '../../src/assemble/bid-roles.js';
import type { EventArgumentRow } from '../../src/link/index.js';

const row = (documentRole: string, text: string): EventArgumentRow => ({
  sentence: 0,
  start: 0,
  end: text.length,
  text,
  confidence: 0.9,
  role: documentRole,
  roleKey: documentRole,
  documentRole,
});
const tidied = (rows: EventArgumentRow[]) => {
  tidyBidRoles(rows);
  return rows.map((a) => `${a.documentRole}=${a.text}`);
};

describe('a bid won told in news: the project once, in full, and no place as tenderer', () => {
  it('keeps the body’s full project name over the headline’s short one', () => {
    assert.deepEqual(
      tidied([
        row('中标公司', '远山股份'),
        row('中标标的', '排水管采购项目'),
        row('招标方', '甲建设有限公司'),
        row('中标标的', '甲建设重庆分公司一品河项目排水管采购'),
      ]),
      ['中标公司=远山股份', '招标方=甲建设有限公司', '中标标的=甲建设重庆分公司一品河项目排水管采购'],
    );
  });

  it('drops a tenderer that is only the place opening the project’s name, not a party named there', () => {
    assert.deepEqual(
      tidied([
        row('中标公司', '远山智能'),
        row('招标方', '深圳市'),
        row('中标标的', '深圳市城市轨道交通13号线综合监控项目'),
      ]),
      ['中标公司=远山智能', '中标标的=深圳市城市轨道交通13号线综合监控项目'],
    );
    assert.deepEqual(
      tidied([
        row('招标方', '甲新能源有限公司'),
        row('中标标的', '甲新能源有限公司年产10万吨材料项目还原炉'),
      ]),
      ['招标方=甲新能源有限公司', '中标标的=甲新能源有限公司年产10万吨材料项目还原炉'],
    );
  });

  it('drops a headline’s project named by its price, and keeps a project named by a quantity', () => {
    assert.deepEqual(tidied([row('中标公司', '远山股份'), row('中标标的', '近3亿元矿用车采购项目')]), [
      '中标公司=远山股份',
    ]);
    assert.deepEqual(
      tidied([row('中标标的', '青石移动1.2亿张SIM卡集采项目'), row('中标标的', '青石电网4500万元采购项目')]),
      ['中标标的=青石移动1.2亿张SIM卡集采项目'],
    );
  });
});
