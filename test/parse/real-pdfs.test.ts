/**
 * Kind detection and research-report fields on the real PDFs in ../shared/data/real-pdfs (or
 * $DATASETS_DIR/real-pdfs), read at run time and never copied here. Skipped when the folder is absent.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultDatasetsDir } from '../../src/config/index.js';
import { detectKindOfPages } from '../../src/parse/document-kind.js';
import { parseDocument } from '../../src/parse/index.js';
import { extractPdfText } from '../../src/parse/pdf-text.js';

const root = join(defaultDatasetsDir(), 'real-pdfs');
const skip = existsSync(join(root, 'reports')) ? false : `no real PDFs under ${root} (set DATASETS_DIR)`;
const LIMITS = { maxBytes: 64 * 1024 * 1024, maxPages: 500 };
const RATED = '示例7-研究报告.pdf';

const pdfs = (folder: string) =>
  skip ? [] : readdirSync(join(root, folder)).filter((f) => f.endsWith('.pdf') && !f.includes('SCANNED'));
const bytesOf = (folder: string, file: string) => new Uint8Array(readFileSync(join(root, folder, file)));
/** 申万宏源 and 申万宏源证券 name the same broker. */
const brokerOf = (name: string) => name.replace(/证券$/, '');

describe('real broker reports, submitted without a kind', { skip }, () => {
  for (const file of pdfs('reports')) {
    it(file, async () => {
      const doc = await parseDocument(bytesOf('reports', file), { fileName: file }, LIMITS);
      assert.equal(doc.kind, 'research_report');
      const header = doc.header.researchReport;
      assert.ok(header, 'a research-report header');
      // S + 13 digits, or A + 13 on older reports (申万宏源 2015).
      const printed = new Set(doc.text.match(/(?<![A-Za-z\d])[SA]\d{13}(?!\d)/g) ?? []);
      const listed = header.analysts.flatMap((a) => (a.certificateNo ? [a.certificateNo] : []));
      assert.deepEqual(new Set(listed), printed, 'every printed certificate number, and only those');
      for (const a of header.analysts) if (!a.certificateNo) assert.ok(a.name.length >= 2);
      // A person the report labels 联系人 or 研究助理, and never 分析师, is a contact, even with a certificate
      // number (国泰君安, 开源证券).
      const labelled = (name: string, roles: string) =>
        new RegExp(`${name}[：:]?\\s*[（(](?:${roles})[)）]|(?:${roles})\\s*[：:]?\\s*${name}`).test(
          doc.text,
        );
      for (const a of header.analysts) {
        const contact = labelled(a.name, '联系人|研究助理') && !labelled(a.name, '分析师|研究员');
        assert.equal(a.role, contact ? 'contact' : 'analyst', a.name);
      }

      if (file === RATED) {
        // Broker and analysts are redacted ("xxx") in this copy: nothing may be made up.
        assert.equal(header.broker, undefined);
        assert.deepEqual(header.rating && [header.rating.raw, header.rating.change], [
          '优于大市',
          'maintain',
        ]);
        assert.deepEqual(header.targetPrice, { value: 6.5, upper: 7, currency: 'CNY' });
        assert.ok(header.forecasts.some((f) => f.metric === 'eps'));
        return;
      }
      assert.equal(brokerOf(header.broker ?? ''), brokerOf(file.split('_')[0] ?? ''));
      assert.ok(
        header.analysts.some((a) => a.role === 'analyst'),
        'an analyst',
      );
      // Quant reports carry rating definitions in their disclaimers, not a rating.
      assert.equal(header.rating, undefined);
      assert.equal(header.targetPrice, undefined);
    });
  }
});

describe('real company filings: kind from content', { skip }, () => {
  it('takes every announcement, circular and annual report for an announcement', async () => {
    const wrong: string[] = [];
    for (const file of pdfs('announcements')) {
      const pdf = await extractPdfText(bytesOf('announcements', file), {
        maxPages: LIMITS.maxPages,
        tables: false,
      });
      const kind = detectKindOfPages(pdf.pages.map((p) => p.text));
      if (kind !== 'announcement') wrong.push(`${file}: ${kind}`);
    }
    assert.deepEqual(wrong, []);
  });
});
