import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linkDocument, loadEventRoles } from '../../src/link/index.js';
import { parseDocument } from '../../src/parse/index.js';

async function linkNews(text: string) {
  const parsed = await parseDocument(
    new TextEncoder().encode(text),
    { fileName: 'item.txt', mimeType: 'text/plain', kind: 'news' },
    { maxBytes: 1e6, maxPages: 10 },
  );
  return linkDocument({
    job: { documentId: 'item', kind: 'news', fileName: 'item.txt', submittedAt: '2025-01-01T00:00:00Z' },
    parsed,
    extractions: parsed.sentences.map(() => ({ modelVersion: 'test', events: [], entities: [] })),
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
});
