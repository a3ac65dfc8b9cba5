import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KnownCompany } from '../../src/link/gazetteer.js';
import { linkDocument, loadEventRoles } from '../../src/link/index.js';
import { parseDocument } from '../../src/parse/index.js';
import { linkText } from '../support/link-text.js';

const linkAnnouncement = (text: string, known: KnownCompany[] = []) => linkText(text, 'announcement', known);

describe('linking an A+B company’s document', () => {
  for (const codes of ['000570、200570', '200570、000570']) {
    it(`is one company keyed by its A-share code carrying its B-share code (证券代码：${codes})`, async () => {
      const linked = await linkAnnouncement(
        `证券代码：${codes}    证券简称：苏常柴Ａ、苏常柴Ｂ    公告编号：2020-001\n常柴股份有限公司\n关于董事辞职的公告\n本公司董事会保证公告内容真实。\n`,
      );
      assert.equal(linked.document.issuerKey, '000570');
      const companies = linked.entities.filter((e) => e.label === 'Company');
      assert.equal(companies.length, 1);
      assert.deepEqual([companies[0]?.code, companies[0]?.bCode], ['000570', '200570']);
    });
  }

  it('joins the node the graph knows by its B-share code', async () => {
    const known: KnownCompany = {
      key: '200570',
      name: '常柴股份有限公司',
      code: '200570',
      shortNames: ['苏常柴B'],
    };
    const linked = await linkAnnouncement(
      '证券代码：000570、200570    证券简称：苏常柴Ａ、苏常柴Ｂ\n常柴股份有限公司\n关于董事辞职的公告\n',
      [known],
    );
    const companies = linked.entities.filter((e) => e.label === 'Company');
    assert.deepEqual(
      companies.map((c) => [c.key, c.code, c.bCode]),
      [['200570', '000570', '200570']],
    );
    assert.equal(linked.document.issuerKey, '200570');
  });
});

describe('linking an A+H company’s document', () => {
  it('keys the issuer of an H-share code header by its A-share code when the text states both', async () => {
    const text =
      '证券代码：00981    证券简称：中芯国际\n关于投资者关系活动的公告\n' +
      '中芯国际(证券代码:00981.HK/688981.SH)是世界领先的集成电路晶圆代工企业之一。\n';
    const parsed = await parseDocument(
      new TextEncoder().encode(text),
      { fileName: 'smic.txt', mimeType: 'text/plain', kind: 'announcement' },
      { maxBytes: 1e6, maxPages: 10 },
    );
    const linked = await linkDocument({
      job: {
        documentId: 'smic',
        kind: 'announcement',
        fileName: 'smic.txt',
        submittedAt: '2025-01-01T00:00:00Z',
      },
      parsed,
      extractions: parsed.sentences.map(() => ({ modelVersion: 'test', events: [], entities: [] })),
      modelVersion: 'test',
      eventTypes: loadEventRoles(),
      gazetteer: { findCompanies: async () => [] },
    });
    assert.equal(linked.document.issuerKey, '688981');
    const issuer = linked.entities.find((e) => e.key === '688981');
    assert.deepEqual([issuer?.code, issuer?.hkCode], ['688981', '00981']);
    assert.equal(linked.entities.filter((e) => e.label === 'Company').length, 1);
  });
});
