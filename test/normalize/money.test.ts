import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findMoney, normalizeMoney } from '../../src/normalize/money.js';

describe('normalizeMoney', () => {
  const cases: Array<[string, number, string]> = [
    ['2.5亿元', 250_000_000, 'CNY'],
    ['3000万元', 30_000_000, 'CNY'],
    ['1,200万美元', 12_000_000, 'USD'],
    ['港币5亿元', 500_000_000, 'HKD'],
    ['人民币8,000元', 8000, 'CNY'],
    ['5亿港元', 500_000_000, 'HKD'],
    ['37,537.92万元', 375_379_200, 'CNY'],
    ['0.07万元', 700, 'CNY'],
    ['1.2万亿元', 1_200_000_000_000, 'CNY'],
    ['两亿元', 200_000_000, 'CNY'],
    ['一千二百万元', 12_000_000, 'CNY'],
    ['5亿元人民币', 500_000_000, 'CNY'],
    ['3,512百万元', 3_512_000_000, 'CNY'],
    ['100万欧元', 1_000_000, 'EUR'],
    ['US$200万', 2_000_000, 'USD'],
    ['HK$1.5亿', 150_000_000, 'HKD'],
    ['¥45.60', 45.6, 'CNY'],
    ['约9.8亿元', 980_000_000, 'CNY'],
    ['港幣4.2億元'.replace('幣', '币').replace('億', '亿'), 420_000_000, 'HKD'],
  ];
  for (const [input, value, currency] of cases) {
    it(`${input} → ${value} ${currency}`, () => assert.deepEqual(normalizeMoney(input), { value, currency }));
  }

  it('needs a currency marker', () => {
    assert.equal(normalizeMoney('3000万'), null);
    assert.equal(normalizeMoney('2000万股'), null);
    assert.equal(normalizeMoney('元'), null);
    assert.equal(normalizeMoney('8.50%'), null);
  });

  it('finds money mentions with exact spans', () => {
    const text = '公司拟以现金9.8亿元收购标的，首期支付人民币2,000万元，另付500万美元。';
    const found = findMoney(text);
    assert.deepEqual(
      found.map((m) => [m.text, m.value, m.currency]),
      [
        ['9.8亿元', 980_000_000, 'CNY'],
        ['人民币2,000万元', 20_000_000, 'CNY'],
        ['500万美元', 5_000_000, 'USD'],
      ],
    );
    for (const m of found) assert.equal(text.slice(m.start, m.end), m.text);
  });
});
