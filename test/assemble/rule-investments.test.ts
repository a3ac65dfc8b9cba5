/** 投资 read from news wording (sentences written for these tests, no dataset text). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { investmentRecords } from '../../src/assemble/rule-investments.js';
import { ruleSentences } from '../../src/assemble/rule-text.js';
import { parseLines as parse } from '../support/rule-text.js';

const ctx = { issuer: { name: '远山证券', shortName: '远山证券' } };

async function read(lines: string[]): Promise<string[][]> {
  const doc = await parse(lines, 'news');
  return investmentRecords(doc, ctx, ruleSentences(doc)).map((r) =>
    r.arguments.map((a) => {
      assert.equal(doc.text.slice(a.start, a.end), a.text);
      return `${a.role}=${a.text}`;
    }),
  );
}

describe('investmentRecords', () => {
  it('reads the story’s company raising an entity’s capital, in the headline and with the sum in the body', async () => {
    assert.deepEqual(
      await read([
        '远山证券拟向远山期货增资',
        '7月30日晚间，远山证券发布公告称，将对远山期货增资19.95亿元。',
      ]),
      [
        ['投资方=远山证券', '被投资方=远山期货'],
        ['投资方=远山证券', '被投资方=远山期货', '投资金额=19.95亿元'],
      ],
    );
  });

  it('reads a subsidiary named as such investing a sum, and paying in to set a fund up', async () => {
    assert.deepEqual(
      await read([
        '远山证券：子公司投资基金',
        '远山证券公告，全资子公司远山创投拟1.5亿元投资青石医疗产业基金（有限合伙），用于储备并购标的。',
      ]),
      [['投资方=远山创投', '被投资方=青石医疗产业基金（有限合伙）', '投资金额=1.5亿元']],
    );
    assert.deepEqual(
      await read([
        '远山证券：设立基金',
        '远山证券公告，子公司远山资本拟以自有资金出资不超过1500万元，与青石基金等机构共同发起设立青石创新基金，基金规模不超1亿元。',
      ]),
      [['投资方=远山资本', '被投资方=青石创新基金', '投资金额=1500万元']],
    );
  });

  it('reads nothing where the investor is another company of the story, or the deal is called off or buys control', async () => {
    assert.deepEqual(await read(['远山证券获增资', '据悉，青石集团将向远山期货增资5亿元。']), []);
    assert.deepEqual(await read(['远山证券：终止增资', '远山证券公告，终止向远山期货增资5亿元。']), []);
    assert.deepEqual(
      await read(['远山证券：增资控股', '远山证券公告，拟向青石信息增资3亿元，增资完成后取得其51%控股权。']),
      [],
    );
  });
});
