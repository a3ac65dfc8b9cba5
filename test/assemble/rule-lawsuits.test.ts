/**
 * 起诉 read from the fixed wordings of a suit, on sentences written for these tests in the style of real
 * filings and news (no passages copied from real documents).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { judgmentRecords, lawsuitRecords } from '../../src/assemble/rule-lawsuits.js';
import { ruleSentences } from '../../src/assemble/rule-text.js';
import { type ParsedDocument, parseDocument } from '../../src/parse/index.js';

async function parse(lines: string[]): Promise<ParsedDocument> {
  return parseDocument(
    Buffer.from(lines.join('\n'), 'utf8'),
    { fileName: 'x.txt', mimeType: 'text/plain', kind: 'news' },
    { maxBytes: 5e6, maxPages: 50 },
  );
}

async function sides(lines: string[], issuer?: string): Promise<string[][]> {
  const doc = await parse(lines);
  const ctx = issuer ? { issuer: { name: issuer } } : {};
  return lawsuitRecords(doc, ctx, ruleSentences(doc)).map((r) => {
    for (const a of r.arguments) assert.equal(doc.text.slice(a.start, a.end), a.text);
    return r.arguments.map((a) => `${a.role}=${a.text}`);
  });
}

describe('lawsuitRecords', () => {
  it("reads a filing's list of parties (原告：…被告：…)", async () => {
    assert.deepEqual(
      await sides([
        '远山科技关于重大诉讼的公告',
        '诉讼各方当事人原告：华北路桥建设有限公司住所地：某市某路1号被告：远山科技股份有限公司住所地：某市某路2号',
      ]),
      [['原告=华北路桥建设有限公司', '被告=远山科技股份有限公司']],
    );
  });

  it('reads a class action by its first plaintiff and first defendant (X等两千名原告…对Y等二十一名被告提起诉讼)', async () => {
    assert.deepEqual(
      await sides([
        '某某证券公告，控股子公司收到民事起诉状。上海山海资产管理合伙企业（有限合伙）等三百名原告向某市金融法院对远航网等十一名被告提起民事诉讼，要求远航网赔偿投资损失。',
      ]),
      [['原告=上海山海资产管理合伙企业（有限合伙）', '被告=远航网']],
    );
  });

  it('reads 原告X将被告Y诉至法院 with the short names in brackets left out', async () => {
    assert.deepEqual(
      await sides([
        '原告北京山海网络科技有限公司（山海）将被告深圳市远航信息技术有限公司（远航）诉至法院，要求赔偿损失。',
      ]),
      [['原告=北京山海网络科技有限公司', '被告=深圳市远航信息技术有限公司']],
    );
  });

  it("reads a case's name X诉公司…纠纷 with the issuer as the defendant", async () => {
    assert.deepEqual(
      await sides(
        ['远山科技公告，公司收到法院送达的传票，华中航运集团有限公司诉公司船舶租赁合同纠纷案已立案。'],
        '远山科技',
      ),
      [['原告=华中航运集团有限公司', '被告=远山科技']],
    );
  });

  it('reads the defendant that opens a clause told in the passive (被X起诉)', async () => {
    assert.deepEqual(
      await sides([
        '【专利战】近日，深圳远航科技有限公司及其经销商因涉嫌侵犯专利权，被山海科技起诉，法院已立案。',
      ]),
      [['原告=山海科技', '被告=深圳远航科技有限公司']],
    );
  });

  it('reads no suit that is only threatened or planned', async () => {
    assert.deepEqual(
      await sides(['远山科技表示，如果协商不成，华中航运集团有限公司诉公司合同纠纷一案可能另行提起。']),
      [],
    );
    assert.deepEqual(await sides(['深圳远航科技有限公司称拟被山海科技起诉，双方仍在协商。']), []);
  });

  it('adds the party served with the complaint, in the sentence before the suit, as a defendant', async () => {
    assert.deepEqual(
      await sides([
        '某某证券公告，公司控股子公司远东证券收到某市金融法院送达的民事起诉状，案由为证券虚假陈述责任纠纷。上海山海资产管理合伙企业（有限合伙）等三百名原告向某市金融法院对远航网等十一名被告提起民事诉讼。',
      ]),
      [['原告=上海山海资产管理合伙企业（有限合伙）', '被告=远航网', '被告=远东证券']],
    );
  });

  it('takes the issuer as the served defendant only where 公司 itself was served, not its subsidiary', async () => {
    const suit =
      '上海山海资产管理合伙企业（有限合伙）等三百名原告向某市金融法院对远航网等十一名被告提起民事诉讼。';
    assert.deepEqual(await sides([`远山证券公告，公司收到法院送达的民事起诉状。${suit}`], '远山证券'), [
      ['原告=上海山海资产管理合伙企业（有限合伙）', '被告=远航网', '被告=远山证券'],
    ]);
    assert.deepEqual(await sides([`远山证券公告，控股子公司收到民事起诉状。${suit}`], '远山证券'), [
      ['原告=上海山海资产管理合伙企业（有限合伙）', '被告=远航网'],
    ]);
  });
});

async function rulings(lines: string[]): Promise<string[][]> {
  const doc = await parse(lines);
  const sentences = ruleSentences(doc);
  return judgmentRecords(sentences, lawsuitRecords(doc, {}, sentences)).map((r) => {
    for (const a of r.arguments) assert.equal(doc.text.slice(a.start, a.end), a.text);
    return r.arguments.map((a) => `${a.role}=${a.text}${a.value !== undefined ? `(${a.value})` : ''}`);
  });
}

describe('judgmentRecords', () => {
  const suit =
    '原告北京山海网络科技有限公司（山海）将被告深圳市远航信息技术有限公司（远航）诉至法院，要求判令被告赔偿经济损失共计300万元。';

  it("reads the court's ruling on the suit, with the total the headline states for several sums ordered paid", async () => {
    assert.deepEqual(
      await rulings([
        '首例流量劫持案宣判 山海获赔105万元',
        suit,
        '朝阳法院经审理，一审判决远航赔偿经济损失100万元及合理开支5万元。',
      ]),
      [
        [
          '原告=北京山海网络科技有限公司',
          '被告=深圳市远航信息技术有限公司',
          '法院=朝阳法院',
          '判决金额=105万元(1050000)',
        ],
      ],
    );
  });

  it('takes the one sum ordered paid; several with no total stated give no amount', async () => {
    const [one] = await rulings([suit, '朝阳法院经审理后判决远航赔偿山海80万元。']);
    assert.ok(one?.includes('判决金额=80万元(800000)'));
    const [several] = await rulings([suit, '朝阳法院一审判决远航赔偿经济损失100万元及合理开支5万元。']);
    assert.deepEqual(
      several?.filter((a) => a.startsWith('判决金额')),
      [],
    );
  });

  it('reads no ruling that is asked for, or with no suit told before it', async () => {
    assert.deepEqual(await rulings([suit, '山海请求朝阳法院判决远航赔偿损失。']), []);
    assert.deepEqual(await rulings(['朝阳法院经审理，一审判决远航赔偿经济损失100万元。']), []);
  });
});
