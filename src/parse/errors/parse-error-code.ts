/** Stable, machine-readable codes for documents we refuse to parse. Values are persisted in job results; never rename. */
export enum ParseErrorCode {
  EmptyFile = 'EMPTY_FILE',
  NotAPdf = 'NOT_A_PDF',
  CorruptPdf = 'CORRUPT_PDF',
  EncryptedPdf = 'ENCRYPTED_PDF',
  NoTextLayer = 'NO_TEXT_LAYER',
  FileTooLarge = 'FILE_TOO_LARGE',
  TooManyPages = 'TOO_MANY_PAGES',
  UnsupportedType = 'UNSUPPORTED_TYPE',
  UndecodableText = 'UNDECODABLE_TEXT',
  NoTextFound = 'NO_TEXT_FOUND',
  OcrLimit = 'OCR_LIMIT',
}
