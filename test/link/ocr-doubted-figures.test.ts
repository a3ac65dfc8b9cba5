import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExtractionResult } from '../../src/extract/types.js';
import { linkDocument, loadEventRoles } from '../../src/link/index.js';
import { parseDocument } from '../../src/parse/index.js';

const TEXT = '公司与甲方签署合同，合同金额为170,36,800元，工期为365天。\n';

/** The document linked with a model that found a contract, its amount and its date in the one sentence. */
async function linkContract(doubt: (sentenceStart: number, text: string) => Array<[number, number]>) {
  const parsed = await parseDocument(
    new TextEncoder().encode(TEXT),
    { fileName: 'a.txt', mimeType: 'text/plain', kind: 'announcement' },
    { maxBytes: 1e6, maxPages: 10 },
  );
  const sentence = parsed.sentences.find((s) => s.text.includes('签署合同'));
  assert.ok(sentence);
  const doubted = doubt(sentence.start, sentence.text);
  if (doubted.length > 0) sentence.ocrDoubted = doubted;
  const at = (text: string) => ({
    text,
    start: sentence.text.indexOf(text),
    end: sentence.text.indexOf(text) + text.length,
  });
  const extraction: ExtractionResult = {
    modelVersion: 'test',
    entities: [],
    events: [
      {
        type: '签署合同',
        confidence: 0.9,
        trigger: { ...at('签署'), confidence: 0.9 },
        arguments: [
          { role: 'amount', ...at('170,36,800元'), confidence: 0.9 },
          { role: 'date', ...at('365天'), confidence: 0.9 },
        ],
      },
    ],
  };
  const linked = await linkDocument({
    job: {
      documentId: 'doubt',
      kind: 'announcement',
      fileName: 'a.txt',
      submittedAt: '2025-01-01T00:00:00Z',
    },
    parsed,
    extractions: parsed.sentences.map((s) =>
      s === sentence ? extraction : { modelVersion: 'test', events: [], entities: [] },
    ),
    modelVersion: 'test',
    eventTypes: loadEventRoles(),
    gazetteer: { findCompanies: async () => [] },
  });
  return linked.sentenceEvents.flatMap((e) => e.arguments.map((a) => a.role));
}

describe('figures OCR read in doubt', () => {
  it('are no value arguments of an event; the sentence’s other values stay', async () => {
    assert.deepEqual((await linkContract(() => [])).sort(), ['amount', 'date']);
    const roles = await linkContract((start, text) => {
      const from = start + text.indexOf('170,36,800');
      return [[from, from + '170,36,800'.length]];
    });
    assert.deepEqual(roles, ['date']);
  });
});
