import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitSentences } from '../../src/parse/sentence-splitter.js';

const onePage = (text: string) => [{ number: 1, start: 0, end: text.length }];

function texts(text: string, maxSentenceLength?: number): string[] {
  const options = maxSentenceLength ? { maxSentenceLength } : {};
  return splitSentences(text, onePage(text), options).sentences.map((s) => s.text);
}

describe('splitSentences', () => {
  it('splits on Chinese and ASCII terminators and on paragraph breaks', () => {
    assert.deepEqual(texts('第一句。第二句！第三句？第四句；第五句!第六句?\n新段落'), [
      '第一句。',
      '第二句！',
      '第三句？',
      '第四句；',
      '第五句!',
      '第六句?',
      '新段落',
    ]);
  });

  it('keeps decimals, percentages and thousands separators intact', () => {
    assert.deepEqual(texts('收入增长2.15%，达到1,234.56万元。毛利率提升1.9个百分点。'), [
      '收入增长2.15%，达到1,234.56万元。',
      '毛利率提升1.9个百分点。',
    ]);
  });

  it('does not split inside quotes or brackets, but ends after a closing quote', () => {
    assert.deepEqual(texts('他表示：“公司将继续推进。预计年内完成。”随后散会。'), [
      '他表示：“公司将继续推进。预计年内完成。”',
      '随后散会。',
    ]);
    assert.deepEqual(texts('签署了《关于A。B的协议》。完毕。'), ['签署了《关于A。B的协议》。', '完毕。']);
    assert.deepEqual(texts('（注：单位为万元。下同。）正文。'), ['（注：单位为万元。下同。）', '正文。']);
  });

  it('recovers from an unbalanced bracket', () => {
    const long = `（${'很'.repeat(350)}。后面一句。`;
    assert.equal(texts(long).length, 2);
  });

  it('reports exact offsets, paragraphs and pages', () => {
    const text = '  第一页第一句。第二句。\n第二页的段落。\n\n最后一段';
    const pages = [
      { number: 1, start: 0, end: 13 },
      { number: 2, start: 14, end: text.length },
    ];
    const { sentences, paragraphs } = splitSentences(text, pages);
    for (const s of sentences) assert.equal(text.slice(s.start, s.end), s.text);
    assert.deepEqual(
      sentences.map((s) => [s.text, s.page, s.paragraph]),
      [
        ['第一页第一句。', 1, 0],
        ['第二句。', 1, 0],
        ['第二页的段落。', 2, 1],
        ['最后一段', 2, 2],
      ],
    );
    assert.equal(paragraphs.length, 3);
    assert.equal(sentences[0]?.start, 2, 'leading whitespace is not part of the sentence');
    assert.deepEqual(
      sentences.map((s) => s.index),
      [0, 1, 2, 3],
    );
  });

  it('caps very long sentences, preferring a comma', () => {
    const clause = '公司持续加大研发投入并拓展海外市场';
    const text = `${Array.from({ length: 12 }, () => clause).join('，')}。`;
    const out = splitSentences(text, onePage(text), { maxSentenceLength: 60 });
    assert.ok(out.sentences.length > 1);
    assert.equal(out.capped, 1);
    for (const s of out.sentences) {
      assert.ok(s.text.length <= 60, s.text);
      assert.equal(text.slice(s.start, s.end), s.text);
    }
    assert.ok(out.sentences.slice(0, -1).every((s) => s.text.endsWith('，')));
    assert.equal(out.sentences.map((s) => s.text).join(''), text);
  });

  it('never cuts inside a number or a surrogate pair when it must hard-cut', () => {
    const text = `${'𠀀'.repeat(40)}${'1234567890'.repeat(3)}`;
    const out = splitSentences(text, onePage(text), { maxSentenceLength: 45 });
    assert.equal(out.sentences.map((s) => s.text).join(''), text);
    for (const s of out.sentences) {
      assert.ok(!/^[\uDC00-\uDFFF]/.test(s.text), 'no lone low surrogate at a start');
    }
  });

  it('handles empty text', () => {
    assert.deepEqual(splitSentences('', onePage('')), { paragraphs: [], sentences: [], capped: 0 });
  });
});

describe('splitSentences with table rows', () => {
  it('keeps a row line whole, however long, with ； inside, and marks it', () => {
    const row = `股东名称：某某控股有限公司；质权人：${'某'.repeat(450)}银行；备注：无。其他`;
    const text = `质押情况如下：\n${row}\n特此公告。`;
    const start = text.indexOf(row);
    const out = splitSentences(text, [{ number: 1, start: 0, end: text.length }], {
      tableRows: [{ start, end: start + row.length, table: 0, row: 0 }],
    });
    assert.deepEqual(
      out.sentences.map((s) => [s.text.slice(0, 6), s.table ?? null]),
      [
        ['质押情况如下', null],
        ['股东名称：某', { index: 0, row: 0 }],
        ['特此公告。', null],
      ],
    );
    assert.equal(out.sentences[1]?.text, row);
    assert.equal(out.capped, 0);
    // Without the flag the same line is cut at ； and at the length cap.
    const plain = splitSentences(text, [{ number: 1, start: 0, end: text.length }]);
    assert.ok(plain.sentences.length > 3);
  });
});
