import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectType, findPdfHeader } from '../../src/parse/detect-type.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('detectType', () => {
  it('trusts magic bytes over the name', () => {
    assert.equal(detectType(bytes('%PDF-1.7\n...'), { fileName: 'x.txt' }).type, 'pdf');
    const html = detectType(bytes('<!DOCTYPE html><html><body>hi</body></html>'), { fileName: 'report.pdf' });
    assert.equal(html.type, 'html');
    assert.equal(html.declaredPdf, true);
  });

  it('finds a PDF header after leading junk within the first KiB', () => {
    assert.equal(findPdfHeader(bytes('\r\n  %PDF-1.4')), 4);
    assert.equal(findPdfHeader(bytes(`${' '.repeat(2000)}%PDF-1.4`)), -1);
  });

  it('recognises binary formats we do not support', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    assert.deepEqual(detectType(png, {}).type, 'unsupported');
    assert.match(detectType(png, {}).looksLike, /PNG/);
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    assert.match(detectType(zip, { fileName: 'a.docx' }).looksLike, /ZIP/);
    assert.equal(detectType(new Uint8Array([1, 0, 2, 0, 3]), {}).type, 'unsupported');
  });

  it('detects HTML by content, also after a BOM or comment, and by declared type', () => {
    assert.equal(detectType(bytes('\uFEFF<html><p>x</p></html>'), {}).type, 'html');
    assert.equal(detectType(bytes('<!-- saved page -->\n<html>'), {}).type, 'html');
    assert.equal(detectType(bytes('<p>片段</p>'), { mimeType: 'text/html; charset=utf-8' }).type, 'html');
    assert.equal(detectType(bytes('<p>片段</p>'), { fileName: 'a.htm' }).type, 'html');
  });

  it('falls back to text', () => {
    const d = detectType(bytes('证券代码：600000'), { fileName: 'a.txt' });
    assert.equal(d.type, 'text');
    assert.equal(d.declaredPdf, false);
    assert.equal(detectType(bytes('plain'), { mimeType: 'application/pdf' }).declaredPdf, true);
  });
});
