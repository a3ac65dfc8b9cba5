import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CorruptPdfError,
  DocumentInputError,
  EmptyFileError,
  EncryptedPdfError,
  FileTooLargeError,
  isDocumentInputError,
  NoTextFoundError,
  NoTextLayerError,
  NotAPdfError,
  OcrLimitError,
  ParseErrorCode,
  TooManyPagesError,
  UndecodableTextError,
  UnsupportedTypeError,
} from '../../src/parse/errors/index.js';

describe('parse errors', () => {
  const cases: Array<[DocumentInputError, string, ParseErrorCode, RegExp]> = [
    [new EmptyFileError('a.pdf'), 'EmptyFileError', ParseErrorCode.EmptyFile, /"a\.pdf" is empty/],
    [new NotAPdfError('b.pdf', 'HTML'), 'NotAPdfError', ParseErrorCode.NotAPdf, /looks like HTML/],
    [new CorruptPdfError('bad xref'), 'CorruptPdfError', ParseErrorCode.CorruptPdf, /truncated or corrupt/],
    [new EncryptedPdfError(), 'EncryptedPdfError', ParseErrorCode.EncryptedPdf, /password-protected/],
    [new NoTextLayerError(3), 'NoTextLayerError', ParseErrorCode.NoTextLayer, /needs OCR/],
    [new NoTextFoundError(2), 'NoTextFoundError', ParseErrorCode.NoTextFound, /OCR found no text/],
    [new OcrLimitError('over the OCR limit'), 'OcrLimitError', ParseErrorCode.OcrLimit, /OCR limit/],
    [
      new FileTooLargeError(3 * 1024 * 1024, 1024 * 1024),
      'FileTooLargeError',
      ParseErrorCode.FileTooLarge,
      /3\.0 MiB.*1\.0 MiB/,
    ],
    [new TooManyPagesError(120, 100), 'TooManyPagesError', ParseErrorCode.TooManyPages, /120 pages.*100/],
    [new UnsupportedTypeError('a PNG image'), 'UnsupportedTypeError', ParseErrorCode.UnsupportedType, /PNG/],
    [
      new UndecodableTextError('bad bytes'),
      'UndecodableTextError',
      ParseErrorCode.UndecodableText,
      /bad bytes/,
    ],
  ];
  for (const [error, name, code, message] of cases) {
    it(`${name} has a stable code, its own name and a readable message`, () => {
      assert.ok(error instanceof DocumentInputError);
      assert.ok(error instanceof Error);
      assert.ok(isDocumentInputError(error));
      assert.equal(error.name, name);
      assert.equal(error.code, code);
      assert.equal(error.permanent, true);
      assert.match(error.message, message);
    });
  }

  it('codes are unique strings', () => {
    const values = Object.values(ParseErrorCode);
    assert.equal(new Set(values).size, values.length);
    assert.ok(values.every((v) => /^[A-Z_]+$/.test(v)));
  });

  it('keeps the cause', () => {
    const cause = new Error('inner');
    assert.equal(new CorruptPdfError('x', cause).cause, cause);
    assert.equal(isDocumentInputError(new Error('plain')), false);
  });
});
