import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { characterErrorRate } from '../../src/eval/character-error-rate.js';
import { NoTextLayerError, UndecodableTextError } from '../../src/parse/errors/index.js';
import { parseDocument } from '../../src/parse/parse-document.js';
import { type Garbling, garbledPdf } from '../support/garbled-pdf.js';

const LIMITS = { maxBytes: 20 * 1024 * 1024, maxPages: 50 };
const PRINTED = [
  '浙江示例药业股份有限公司关于股东股份质押的公告',
  '公司股东与银行签署了股票质押协议。',
  '特此公告。',
];
/** What each broken producer leaves in the text layer. */
const LAYERS: Record<Garbling, string[]> = {
  // Plain ASCII drawn, mapped by the ToUnicode CMap into the Private Use Area.
  'private-use': [
    'Company shareholder pledge announcement, shares pledged',
    'to the bank under a pledge agreement.',
  ],
  // The same text's UTF-8 bytes shown in a Latin encoding.
  mojibake: [
    'æµ™æ±Ÿç¤ºä¾‹è¯ä¸šè‚¡ä»½æœ‰é™å…¬å¸å…³äºŽè‚¡ä¸œè‚¡ä»½è´¨æŠ¼çš„å…¬å‘Š',
    'å…¬å¸è‚¡ä¸œä¸Žé“¶è¡Œç­¾ç½²äº†è‚¡ç¥¨è´¨æŠ¼åè®®ã€‚',
  ],
};

describe('PDFs with a garbled text layer', () => {
  for (const garbling of ['private-use', 'mojibake'] as const) {
    it(`${garbling}: the garbled layer is set aside and the page is read by OCR`, async () => {
      const pdf = await garbledPdf([{ lines: PRINTED, layer: LAYERS[garbling] }], garbling);
      const doc = await parseDocument(pdf, { fileName: `${garbling}.pdf` }, LIMITS);
      assert.equal(doc.ocr, true);
      assert.ok(doc.pages[0]?.ocr, 'page 1 was read by OCR');
      const cer = characterErrorRate(PRINTED.join(''), doc.text);
      assert.ok(cer <= 0.02, `CER ${(cer * 100).toFixed(2)} %: ${doc.text}`);
      // With OCR off, the clear error stays: a layer of private-use code points has no text at all.
      const expected = garbling === 'private-use' ? NoTextLayerError : UndecodableTextError;
      await assert.rejects(
        parseDocument(pdf, {}, { ...LIMITS, ocr: false }),
        (e: unknown) => e instanceof expected && /needs OCR/.test(e.message),
      );
    });
  }
});
