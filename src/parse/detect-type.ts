import type { DocumentType } from './types.js';

export type DetectedType = DocumentType | 'unsupported';

export interface Detection {
  type: DetectedType;
  /** What the bytes look like, in words, for error messages ("HTML", "a PNG image"…). */
  looksLike: string;
  /** True when the name or mime type claims PDF. */
  declaredPdf: boolean;
}

const BINARY_SIGNATURES: ReadonlyArray<readonly [number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x49, 0x49, 0x2a, 0x00], 'a TIFF image'],
  [[0x4d, 0x4d, 0x00, 0x2a], 'a TIFF image'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (e.g. DOCX/XLSX)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'a legacy Office file (DOC/XLS)'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'an RTF document'],
];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** PDF readers accept the %PDF- header anywhere in the first KiB (some files have junk before it). */
export function findPdfHeader(bytes: Uint8Array): number {
  const limit = Math.min(bytes.length - 5, 1024);
  for (let i = 0; i <= limit; i++) {
    if (
      bytes[i] === 0x25 &&
      bytes[i + 1] === 0x50 &&
      bytes[i + 2] === 0x44 &&
      bytes[i + 3] === 0x46 &&
      bytes[i + 4] === 0x2d
    ) {
      return i;
    }
  }
  return -1;
}

function asciiPrefix(bytes: Uint8Array, length: number): string {
  let out = '';
  const n = Math.min(bytes.length, length);
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    // Keep ASCII, skip UTF-16 NULs, map the rest to a placeholder so tags still match.
    if (b === 0) continue;
    out += b < 0x80 ? String.fromCharCode(b) : '\u0080';
  }
  return out;
}

export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = asciiPrefix(bytes, 2048).toLowerCase();
  return /^[\s\u0080]*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b/.test(
    head,
  );
}

function hasNulBytes(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) return false;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

function extensionOf(fileName: string | undefined): string {
  const m = fileName ? /\.([A-Za-z0-9]+)$/.exec(fileName) : null;
  return m?.[1]?.toLowerCase() ?? '';
}

/** Decides the parser: magic bytes first, then the declared mime type / file extension. */
export function detectType(bytes: Uint8Array, meta: { fileName?: string; mimeType?: string }): Detection {
  const ext = extensionOf(meta.fileName);
  const mime = (meta.mimeType ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
  const declaredPdf = ext === 'pdf' || mime === 'application/pdf';

  if (findPdfHeader(bytes) >= 0) return { type: 'pdf', looksLike: 'a PDF', declaredPdf };
  for (const [sig, what] of BINARY_SIGNATURES) {
    if (startsWith(bytes, sig)) return { type: 'unsupported', looksLike: what, declaredPdf };
  }
  if (looksLikeHtml(bytes)) return { type: 'html', looksLike: 'HTML', declaredPdf };
  if (hasNulBytes(bytes)) return { type: 'unsupported', looksLike: 'binary data', declaredPdf };
  if (['htm', 'html', 'xhtml'].includes(ext) || mime === 'text/html' || mime === 'application/xhtml+xml') {
    return { type: 'html', looksLike: 'HTML', declaredPdf };
  }
  return { type: 'text', looksLike: 'plain text', declaredPdf };
}
