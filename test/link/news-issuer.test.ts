import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linkDocument, loadEventRoles } from '../../src/link/index.js';
import { parseDocument } from '../../src/parse/index.js';

type Extraction = {
  modelVersion: string;
  events: [];
  entities: { text: string; type: string; start: number; end: number; confidence: number }[];
};

async function linkNews(text: string, companies: string[] = []) {
  const parsed = await parseDocument(
    new TextEncoder().encode(text),
    { fileName: 'item.txt', mimeType: 'text/plain', kind: 'news' },
    { maxBytes: 1e6, maxPages: 10 },
  );
  return linkDocument({
    job: { documentId: 'item', kind: 'news', fileName: 'item.txt', submittedAt: '2025-01-01T00:00:00Z' },
    parsed,
    // The model's company spans, where the sentence holds them (offsets into the sentence's model text).
    extractions: parsed.sentences.map(
      (sentence): Extraction => ({
        modelVersion: 'test',
        events: [],
        entities: companies.flatMap((name) => {
          const start = sentence.text.indexOf(name);
          return start < 0
            ? []
            : [{ text: name, type: 'company', start, end: start + name.length, confidence: 0.9 }];
        }),
      }),
    ),
    modelVersion: 'test',
    eventTypes: loadEventRoles(),
    gazetteer: { findCompanies: async () => [] },
  });
}

describe("a news item's company", () => {
  it('is keyed by its A-share code however the press suffixes it (300401, 300401.SZ)', async () => {
    for (const code of ['300401', '300401.SZ']) {
      const linked = await linkNews(
        `中国经济网8月2日讯 今日，示例生物（${code}）以跌停价开盘，股价连续下跌。`,
      );
      assert.equal(linked.document.issuerKey, '300401', code);
    }
  });

  it('is keyed by its HKEX code as HKEX filings state it (02318, 2318.HK)', async () => {
    for (const code of ['02318', '02318.HK', '2318.HK']) {
      const linked = await linkNews(`示例保险(${code})获某银行增持1641.2万股，持股比例升至5.1%。`);
      assert.equal(linked.document.issuerKey, '02318', code);
    }
  });

  it('takes the code the story prints beside its name, however the press writes it', async () => {
    for (const written of ['（300027.SZ）', '(300027,股吧)', '（300027，SZ）', '（300027. SZ）']) {
      const linked = await linkNews(
        `示例兄弟早盘低开飘绿 机构称暂无计划\n身陷争议的示例兄弟${written}今日低开，股价下跌4.2%，年内跌幅已超三成。\n示例兄弟称经营正常。`,
        ['示例兄弟'],
      );
      assert.equal(linked.document.issuerKey, '300027', written);
    }
    // A figure in brackets is no code.
    const plain = await linkNews(
      '示例兄弟早盘低开飘绿 机构称暂无计划\n身陷争议的示例兄弟（市值300027万元）今日低开，股价下跌4.2%。\n示例兄弟称经营正常。',
      ['示例兄弟'],
    );
    assert.equal(plain.document.issuerKey, 'name:示例兄弟');
  });

  it('is the company the headline names and the story names again, when no wording shows one', async () => {
    const text =
      '示例传媒早盘低开飘绿 远山资本称暂无计划\n' +
      '身陷争议的示例传媒今日低开，截至午间收盘，股价下跌4.2%，年内累计跌幅已超三成，成交额较前一交易日明显放大。\n' +
      '责任编辑：王某';
    const linked = await linkNews(text, ['示例传媒', '远山资本']);
    assert.equal(linked.document.issuerKey, 'name:示例传媒');
    // Named by the headline alone, a company is no issuer.
    const once = await linkNews(
      '远山资本早盘低开\n今日大盘走弱，截至午间收盘，多只个股下跌，成交额较前一交易日明显放大，市场情绪偏谨慎。\n责任编辑：王某',
      ['远山资本'],
    );
    assert.equal(once.document.issuerKey, undefined);
  });

  it('is the company the lead sentence names and the story names again, when there is no headline', async () => {
    const text =
      '近日，示例建工集团股份有限公司监事会收到监事王某先生的书面辞职报告，王某先生因工作变动辞去监事职务。' +
      '示例建工集团股份有限公司表示，王某先生的辞职不会影响监事会的正常运作，公司将尽快完成补选工作。';
    const linked = await linkNews(text, ['示例建工集团股份有限公司']);
    assert.equal(linked.document.issuerKey, 'name:示例建工集团股份有限公司');
    // Named once, in passing, a company is no issuer.
    const once = await linkNews(
      '今日大盘走弱，示例资本等机构认为市场情绪偏谨慎，多只个股下跌，成交额较前一交易日明显放大，后市仍需观察。',
      ['示例资本'],
    );
    assert.equal(once.document.issuerKey, undefined);
  });
});

describe("a broker note's company, when no name (code) is printed", () => {
  it('is the company the note says published its report', async () => {
    const parsed = await parseDocument(
      new TextEncoder().encode(
        '事件：示例风电发布2021年半年报。\n盈利能力修复明显，上半年公司实现营业收入179.04亿元。维持“增持”评级。\n',
      ),
      { fileName: 'note.txt', mimeType: 'text/plain', kind: 'research_report' },
      { maxBytes: 1e6, maxPages: 10 },
    );
    assert.equal(parsed.header.news?.subject?.name, '示例风电');
  });
});
