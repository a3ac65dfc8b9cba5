import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates, normalizeDate } from '../../src/normalize/dates.js';

describe('normalizeDate', () => {
  it('parses absolute dates with their precision', () => {
    assert.deepEqual(normalizeDate('2019年12月31日'), {
      iso: '2019-12-31',
      precision: 'day',
      relative: false,
    });
    assert.deepEqual(normalizeDate('2017年4月'), { iso: '2017-04', precision: 'month', relative: false });
    assert.deepEqual(normalizeDate('2019年'), { iso: '2019', precision: 'year', relative: false });
    assert.deepEqual(normalizeDate('2024年度'), { iso: '2024', precision: 'year', relative: false });
    assert.deepEqual(normalizeDate('2019-12-31'), { iso: '2019-12-31', precision: 'day', relative: false });
    assert.deepEqual(normalizeDate('2019/1/5'), { iso: '2019-01-05', precision: 'day', relative: false });
    assert.deepEqual(normalizeDate('2025 年 3 月 18 日'), {
      iso: '2025-03-18',
      precision: 'day',
      relative: false,
    });
    assert.deepEqual(normalizeDate('二〇一九年十二月三十一日'), {
      iso: '2019-12-31',
      precision: 'day',
      relative: false,
    });
    assert.deepEqual(normalizeDate('二零二五年七月八日')?.iso, '2025-07-08');
  });

  it('reads the zero of a Chinese-numeral year as filings print it: a circle, a letter O, spaces between', () => {
    assert.equal(normalizeDate('二O一九年一月二十二日')?.iso, '2019-01-22');
    assert.equal(normalizeDate('二 O 一八年四月二十四日')?.iso, '2018-04-24');
    assert.equal(normalizeDate('二○○二年四月十六日')?.iso, '2002-04-16');
    assert.equal(normalizeDate('二Ｏ一七年')?.iso, '2017');
    // Not a numeral next to it: the letter stays a letter.
    assert.equal(normalizeDate('O年'), null);
    assert.deepEqual(
      findDates('董事会\n二O一九年二月二十三日').map((d) => d.iso),
      ['2019-02-23'],
    );
  });

  it('rejects impossible dates', () => {
    assert.equal(normalizeDate('2019年2月30日'), null);
    assert.equal(normalizeDate('2019年13月'), null);
    assert.equal(normalizeDate('2019-02-29'), null);
    assert.equal(normalizeDate('2020-02-29')?.iso, '2020-02-29');
    assert.equal(normalizeDate('上午'), null);
  });

  it('takes the year of month/day dates from context', () => {
    assert.deepEqual(normalizeDate('12月31日', { contextYear: 2019 }), {
      iso: '2019-12-31',
      precision: 'day',
      relative: true,
    });
    assert.equal(normalizeDate('3月14日', { publishedAt: '2025-03-18' })?.iso, '2025-03-14');
    // Published early January, "12月31日" is the previous year.
    assert.equal(normalizeDate('12月31日', { publishedAt: '2025-01-05' })?.iso, '2024-12-31');
    assert.equal(normalizeDate('4月', { publishedAt: '2025-06-01' })?.iso, '2025-04');
    assert.equal(normalizeDate('12月31日'), null);
  });

  it('resolves relative expressions against publishedAt', () => {
    const ctx = { publishedAt: '2025-03-01' };
    assert.deepEqual(normalizeDate('本月', ctx), { iso: '2025-03', precision: 'month', relative: true });
    assert.deepEqual(normalizeDate('上月', ctx), { iso: '2025-02', precision: 'month', relative: true });
    assert.deepEqual(normalizeDate('去年', ctx), { iso: '2024', precision: 'year', relative: true });
    assert.deepEqual(normalizeDate('上年', ctx), { iso: '2024', precision: 'year', relative: true });
    assert.deepEqual(normalizeDate('今年', ctx), { iso: '2025', precision: 'year', relative: true });
    assert.deepEqual(normalizeDate('昨日', ctx), { iso: '2025-02-28', precision: 'day', relative: true });
    assert.deepEqual(normalizeDate('近日', ctx), {
      iso: '2025-03-01',
      precision: 'day',
      relative: true,
      approximate: true,
    });
    assert.equal(normalizeDate('本周', ctx)?.approximate, true);
    assert.equal(normalizeDate('上月', { publishedAt: '2025-01-15' })?.iso, '2024-12');
    assert.equal(normalizeDate('去年'), null, 'relative words need a reference date');
    assert.equal(normalizeDate('去年', { publishedAt: 'not a date' }), null);
  });
});

describe('findDates', () => {
  it('finds absolute, month/day and relative dates with exact spans', () => {
    const text =
      '公司于2024年12月30日至1月3日期间减持，质押期限3年，到期日2026-03-13。去年同期亦有减持，近日完成。';
    const found = findDates(text, { publishedAt: '2025-01-10' });
    assert.deepEqual(
      found.map((d) => [d.text, d.iso, d.precision]),
      [
        ['2024年12月30日', '2024-12-30', 'day'],
        ['1月3日', '2025-01-03', 'day'],
        ['2026-03-13', '2026-03-13', 'day'],
        ['去年', '2024', 'year'],
        ['近日', '2025-01-10', 'day'],
      ],
    );
    for (const d of found) assert.equal(text.slice(d.start, d.end), d.text);
  });

  it('carries the year to later month/day dates', () => {
    const found = findDates('2025年3月1日召开会议，3月14日完成质押，5月到期。');
    assert.deepEqual(
      found.map((d) => d.iso),
      ['2025-03-01', '2025-03-14', '2025-05'],
    );
  });

  it('skips counts of years and relative words without a reference date', () => {
    assert.deepEqual(
      findDates('期限3年，去年').map((d) => d.text),
      [],
    );
  });
});
