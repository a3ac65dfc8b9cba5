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
