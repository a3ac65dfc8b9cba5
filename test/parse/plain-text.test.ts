import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { UndecodableTextError } from '../../src/parse/errors/undecodable-text-error.js';
import { decodeText, extractPlainText } from '../../src/parse/plain-text.js';

describe('decodeText', () => {
  it('decodes UTF-8 and strips the BOM', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('公告')]);
    assert.deepEqual(decodeText(withBom), { text: '公告', encoding: 'utf-8' });
    assert.deepEqual(decodeText(new TextEncoder().encode('公告')), { text: '公告', encoding: 'utf-8' });
  });

  it('falls back to GB18030 when the bytes are not UTF-8', () => {
    const gb = iconv.encode('关于重大项目中标的公告，金额18.76亿元。', 'gb18030');
    assert.deepEqual(decodeText(gb), {
      text: '关于重大项目中标的公告，金额18.76亿元。',
      encoding: 'gb18030',
    });
  });

  it('honours a GBK preference even when the bytes happen to be valid UTF-8', () => {
    const gb = iconv.encode('中文', 'gb18030');
    assert.equal(decodeText(gb, { preferGb18030: true }).text, '中文');
  });

  it('decodes UTF-16 with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('股份质押', 'utf16le')]);
    assert.deepEqual(decodeText(le), { text: '股份质押', encoding: 'utf-16le' });
  });

  it('rejects bytes that decode to garbage', () => {
    const broken = new Uint8Array([0xef, 0xbb, 0xbf, 0xff, 0xfe, 0xfd]);
    assert.throws(() => decodeText(broken), UndecodableTextError);
    const controls = new Uint8Array(Array.from({ length: 100 }, (_, i) => (i % 2 ? 0x01 : 0x41)));
    assert.throws(
      () => decodeText(controls),
      (e: unknown) => e instanceof UndecodableTextError && /invalid/.test(e.message),
    );
  });

  it('splits pages on form feeds and normalises newlines', () => {
    const out = extractPlainText(new TextEncoder().encode('第一页\r\n内容\f第二页\f'));
    assert.deepEqual(out.pages, ['第一页\n内容', '第二页']);
  });

  it('keeps UTF-8 with a single broken byte as UTF-8 rather than mis-reading it as GB18030', () => {
    const text = '关于签署日常经营重大合同的公告。'.repeat(80);
    const bytes = new TextEncoder().encode(text);
    const cut = bytes.slice(0, bytes.length - 1); // file cut in the middle of the last character
    const out = decodeText(cut);
    assert.equal(out.encoding, 'utf-8');
    assert.ok(out.text.startsWith('关于签署日常经营重大合同的公告。'));
  });
});
