import iconv from 'iconv-lite';
import { UndecodableTextError } from './errors/undecodable-text-error.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** Share of U+FFFD / C0 control chars above which we call the bytes undecodable. */
const MAX_BAD_CHAR_RATIO = 0.01;

function badCharRatio(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c)) bad++;
  }
  return bad / text.length;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * UTF-8 with a handful of broken bytes (a file cut mid-character, one bad byte) is still UTF-8;
 * GB18030 would decode it without errors but as nonsense.
 */
function nearlyUtf8(bytes: Uint8Array): string | null {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  let bad = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  return bad <= Math.max(1, text.length * 0.001) ? text : null;
}

/**
 * Decodes text bytes: BOM first (UTF-8 / UTF-16), then strict UTF-8, then GB18030 (a superset of GBK/GB2312,
 * the usual legacy encoding of mainland filings). `preferGb18030` is set when an HTML meta tag declares GBK.
 */
export function decodeText(bytes: Uint8Array, options: { preferGb18030?: boolean } = {}): DecodedText {
  let decoded: DecodedText;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strictUtf8(bytes.subarray(3));
    if (text === null)
      throw new UndecodableTextError('the file starts with a UTF-8 BOM but is not valid UTF-8');
    decoded = { text, encoding: 'utf-8' };
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoded = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  } else {
    const utf8 = options.preferGb18030 ? null : (strictUtf8(bytes) ?? nearlyUtf8(bytes));
    decoded =
      utf8 !== null
        ? { text: utf8, encoding: 'utf-8' }
        : {
            text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030'),
            encoding: 'gb18030',
          };
  }
  const ratio = badCharRatio(decoded.text);
  if (ratio > MAX_BAD_CHAR_RATIO) {
    throw new UndecodableTextError(
      `${(ratio * 100).toFixed(1)}% of characters are invalid as ${decoded.encoding}; the encoding is unknown or the file is binary`,
    );
  }
  return decoded;
}

export interface PlainTextPages extends DecodedText {
  /** Form feeds split pages (as in pdftotext output); otherwise a single page. */
  pages: string[];
}

export function extractPlainText(bytes: Uint8Array): PlainTextPages {
  const decoded = decodeText(bytes);
  const text = decoded.text.replace(/\r\n?/g, '\n');
  const pages = text.split('\f');
  if (pages.length > 1 && pages[pages.length - 1]?.trim() === '') pages.pop();
  return { ...decoded, text, pages };
}
