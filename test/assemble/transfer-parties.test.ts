/** A share transfer's parties where one name was read twice (wordings invented for these tests). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tidyTransferParties } from '../../src/assemble/transfer-parties.js';
import type { EventArgumentRow } from '../../src/link/index.js';

const at = (sentence: string, documentRole: string, text: string): EventArgumentRow => {
  const start = sentence.indexOf(text);
  return {
    sentence: 0,
    start,
    end: start + text.length,
    text,
    confidence: 0.9,
    role: documentRole,
    roleKey: documentRole,
    documentRole,
  };
};
const tidied = (sentence: string, rows: EventArgumentRow[]) => {
  tidyTransferParties(rows, () => ({ text: sentence, start: 0 }));
  return rows.map((a) => `${a.documentRole}=${a.text}`);
};

describe('tidyTransferParties', () => {
  it('keeps a seller read as a buyer too on the sellers’ side, where the buyer is named after 给', () => {
    const s = '股东王甲、李乙拟协议转让合计1亿股股票给青石国投。';
    assert.deepEqual(
      tidied(s, [
        at(s, '转让方', '王甲'),
        at(s, '转让方', '李乙'),
        at(s, '受让方', '李乙'),
        at(s, '受让方', '青石国投'),
      ]),
      ['转让方=王甲', '转让方=李乙', '受让方=青石国投'],
    );
  });

  it('keeps a name written after the handing-over word as the buyer, not the company traded', () => {
    const s = '远山信息的股东已将股份100%转让给了青石科技发展有限公司。';
    assert.deepEqual(
      tidied(s, [
        at(s, '标的公司', '远山信息'),
        at(s, '标的公司', '青石科技发展有限公司'),
        at(s, '受让方', '青石科技发展有限公司'),
      ]),
      ['标的公司=远山信息', '受让方=青石科技发展有限公司'],
    );
  });
});
