import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linkDocument, loadEventRoles } from '../../src/link/index.js';
import { parseDocument } from '../../src/parse/index.js';

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
