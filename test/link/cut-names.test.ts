import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linkText } from '../support/link-text.js';

const HEADER = '证券代码：600201    证券简称：生物股份    公告编号：2025-010\n关于子公司的公告\n';
const WHOLE = '金宇保灵生物药品有限公司';
const CUT = '灵生物药品有限公司';
const known = [{ key: `name:${WHOLE}`, name: WHOLE, shortNames: [] }];

describe('a company name the model cut at its start', () => {
  it('is the known company whose whole name the text states around the span', async () => {
    const linked = await linkText(`${HEADER}公司全资子公司${WHOLE}本期完成增资。\n`, 'announcement', known, [
      [CUT, 'company'],
    ]);
    const mention = linked.mentions.find((m) => m.text === CUT);
    assert.equal(mention?.entityKey, `name:${WHOLE}`);
    assert.equal(mention?.resolution, 'truncated_span');
    assert.ok(!linked.entities.some((e) => e.name === CUT), 'no company of the cut name');
  });

  it('is the known company also when a line break falls inside its name', async () => {
    const linked = await linkText(
      `${HEADER}公司全资子公司金宇保\n${CUT}本期完成增资。\n`,
      'announcement',
      known,
      [[CUT, 'company']],
    );
    const mention = linked.mentions.find((m) => m.text === CUT);
    assert.equal(mention?.entityKey, `name:${WHOLE}`);
  });

  it('stays a name of its own where the text does not complete it', async () => {
    const linked = await linkText(`${HEADER}公司与${CUT}签订合同。\n`, 'announcement', known, [
      [CUT, 'company'],
    ]);
    const mention = linked.mentions.find((m) => m.text === CUT);
    assert.equal(mention?.entityKey, `name:${CUT}`);
  });
});

describe('a short name that heads another name', () => {
  const PARTNERSHIP = '苏州工业园区重元顺风股权投资管理中心（有限合伙）';
  const partnership = [{ key: `name:${PARTNERSHIP}`, name: PARTNERSHIP, shortNames: [] }];

  it('is linked to none where the text runs on into a name that is not the known one', async () => {
    const linked = await linkText(
      `${HEADER}任职的其他单位：苏州工业园区重元并购股权投资管理中心（有限合伙）。\n`,
      'announcement',
      partnership,
      [['苏州工业园区重元', 'company']],
    );
    assert.ok(!linked.mentions.some((m) => m.text === '苏州工业园区重元'));
  });

  it('is the known company where the text goes on with its name, or with no name', async () => {
    const linked = await linkText(
      `${HEADER}执行事务合伙人为苏州工业园区重元顺风股权投资管理中心。苏州工业园区重元与公司签订协议。\n`,
      'announcement',
      partnership,
      [['苏州工业园区重元', 'company']],
    );
    const keys = linked.mentions.filter((m) => m.text === '苏州工业园区重元').map((m) => m.entityKey);
    assert.deepEqual(keys, [`name:${PARTNERSHIP}`, `name:${PARTNERSHIP}`]);
  });
});
