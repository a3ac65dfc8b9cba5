import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellText, linearizeRow, type RawCell, tableFromCells } from '../../src/parse/table-rows.js';

const cell = (text: string, col: number, colspan = 1, rowspan = 1): RawCell => ({
  text,
  col,
  colspan,
  rowspan,
});

describe('tableFromCells', () => {
  it('recognises a header row of labels, not one of figures', () => {
    const labelled = tableFromCells(1, [
      [cell('项目', 0), cell('本报告期', 1)],
      [cell('营业收入', 0), cell('1,000', 1)],
    ]);
    assert.deepEqual(labelled.header, ['项目', '本报告期']);
    const figures = tableFromCells(1, [
      [cell('营业收入', 0), cell('1,000', 1)],
      [cell('营业成本', 0), cell('800', 1)],
    ]);
    assert.deepEqual(figures.header, []);
    assert.equal(figures.rows.length, 2);
  });

  it('reads a first row listing codes (000570、200570) as values, not as column labels', () => {
    const table = tableFromCells(1, [
      [cell('股票简称', 0), cell('示例A、示例B', 1), cell('股票代码', 2), cell('000570、200570', 3)],
      [cell('公司的中文名称', 0), cell('示例股份有限公司', 1, 3)],
    ]);
    assert.deepEqual(table.header, []);
    assert.deepEqual(table.rows[0], ['股票简称', '示例A、示例B', '股票代码', '000570、200570']);
  });

  it('stacks grouped header rows into one label per column', () => {
    const table = tableFromCells(1, [
      [cell('股东名称', 0, 1, 2), cell('本次质押前', 1, 2)],
      [cell('持股数量', 1), cell('持股比例', 2)],
      [cell('某某控股', 0), cell('100', 1), cell('5%', 2)],
    ]);
    assert.deepEqual(table.header, ['股东名称', '本次质押前持股数量', '本次质押前持股比例']);
    assert.deepEqual(table.rows, [['某某控股', '100', '5%']]);
  });
});

describe('linearizeRow', () => {
  it('writes label：cell pairs, skipping empty cells', () => {
    assert.equal(
      linearizeRow(['股东名称', '质权人', '备注'], ['某某控股', '某银行', '']),
      '股东名称：某某控股；质权人：某银行',
    );
  });

  it('reads a two-column row without header as key：value', () => {
    assert.equal(linearizeRow([], ['注册资本', '3000万元']), '注册资本：3000万元');
  });
});

describe('cellText', () => {
  it('rejoins wrapped lines: nothing between Chinese or inside a figure, a space between words', () => {
    assert.equal(cellText(['中国工商银行股份有限', '公司杭州分行']), '中国工商银行股份有限公司杭州分行');
    assert.equal(cellText(['1,875,460,915.2', '0']), '1,875,460,915.20');
    assert.equal(cellText(['Annual', 'Return']), 'Annual Return');
  });
});
