import type { DocumentKind } from '../vocabulary/document-kinds.js';
import { parseAnnouncementHeader } from './announcement-header.js';
import { detectType } from './detect-type.js';
import { detectKindOfPages } from './document-kind.js';
import { EmptyFileError } from './errors/empty-file-error.js';
import { FileTooLargeError } from './errors/file-too-large-error.js';
import { NoTextFoundError } from './errors/no-text-found-error.js';
import { NoTextLayerError } from './errors/no-text-layer-error.js';
import { NotAPdfError } from './errors/not-a-pdf-error.js';
import { OcrLimitError } from './errors/ocr-limit-error.js';
import { UndecodableTextError } from './errors/undecodable-text-error.js';
import { UnsupportedTypeError } from './errors/unsupported-type-error.js';
import { extractHtmlText } from './html-text.js';
import { cleanLayout } from './layout-cleaner.js';
import { parseNewsHeader } from './news-header.js';
import { DEFAULT_OCR_LIMITS, type OcrPage, ocrPdfPages } from './ocr/ocr-pages.js';
import { doubtedFiguresIn, sentenceBoxes } from './ocr/sentence-boxes.js';
import { extractPdfText } from './pdf-text.js';
import { extractPlainText } from './plain-text.js';
import { parseResearchReportHeader } from './research-report-header.js';
import { type PageSpan, splitSentences, type TableRowSpan } from './sentence-splitter.js';
import { restoreSourceStrings } from './source-strings.js';
import { placeTables } from './table-placement.js';
import { type ExtractedTable, shiftPlaceholders } from './table-rows.js';
import { garbageRatio, hasTextLayer, meaningfulCharCount } from './text-layer.js';
import { joinSeparator } from './text-width.js';
import { toSimplified } from './traditional-to-simplified.js';
import type {
  DocumentHeader,
  DocumentType,
  PageOcr,
  ParsedDocument,
  ParsedPage,
  ParsedTable,
  ParseLimits,
  ParseMeta,
} from './types.js';

interface RawDocument {
  type: DocumentType;
  pages: string[];
  /** tables[i] stands in `pages` as placeholder line i until it is placed. */
  tables: ExtractedTable[];
  encoding?: ParsedDocument['encoding'];
  warnings: string[];
  /** HTML <title>, prepended when the body does not repeat it. */
  title?: string | null;
  /** Pages read by OCR, by page number. */
  ocr?: Map<number, PageOcr>;
}

/** Above this share of replacement/private-use chars the PDF's font mapping is broken. */
const MAX_GARBAGE_RATIO = 0.3;

async function extractRaw(bytes: Uint8Array, meta: ParseMeta, limits: ParseLimits): Promise<RawDocument> {
  const detection = detectType(bytes, meta);
  if (detection.declaredPdf && detection.type !== 'pdf')
    throw new NotAPdfError(meta.fileName, detection.looksLike);
  switch (detection.type) {
    case 'pdf': {
      const pdf = await extractPdfText(bytes, { maxPages: limits.maxPages });
      const texts = pdf.pages.map((p) => p.text);
      // Each page's whole text layer: a page holding only the rest of a table continued from the page
      // before is not an empty page (its rows live in the table of the page the table starts on).
      const layer = pdf.pages.map((p) => p.layer);
      const noLayer = !hasTextLayer(layer);
      const garbage = garbageRatio(layer.join('\n'));
      const unreadable = noLayer || garbage > MAX_GARBAGE_RATIO;
      const ocr = limits.ocr ?? DEFAULT_OCR_LIMITS;
      if (unreadable && ocr === false) {
        if (noLayer) throw new NoTextLayerError(pdf.pageCount);
        throw new UndecodableTextError(
          `${Math.round(garbage * 100)}% of the PDF's characters have no Unicode mapping (broken embedded fonts); it needs OCR`,
        );
      }
      const warnings = [...pdf.warnings];
      const empty = layer.flatMap((t, i) => (meaningfulCharCount(t) < 5 ? [i + 1] : []));
      const mostlyScanned = empty.length > 0 && empty.length * 2 >= texts.length;
      // A document whose text layer is unusable is read by OCR throughout; one that is mostly scans, on its empty pages.
      const toRead = unreadable ? pdf.pages.map((p) => p.number) : mostlyScanned ? empty : [];
      const withoutOcr = (why: string) => {
        warnings.push(
          `${empty.length} of ${texts.length} pages have no text layer (${why}); their content is missing`,
        );
        return { type: 'pdf' as const, pages: texts, tables: pdf.tables, warnings };
      };
      if (toRead.length === 0) return { type: 'pdf', pages: texts, tables: pdf.tables, warnings };
      if (ocr === false) return withoutOcr('scanned pages need OCR');
      let read: OcrPage[];
      try {
        read = await ocrPdfPages(bytes, toRead, ocr);
      } catch (error) {
        // The text layer of the other pages is still worth having; only a wholly unreadable PDF fails.
        if (unreadable || !(error instanceof OcrLimitError)) throw error;
        return withoutOcr(error.message);
      }
      if (unreadable && read.every((p) => p.lines.length === 0)) throw new NoTextFoundError(pdf.pageCount);
      const pages = [...texts];
      const ocrPages = new Map<number, PageOcr>();
      // A garbled text layer's tables are garbled too; OCR'd pages add the ruled tables read from the scan.
      const tables = unreadable ? [] : [...pdf.tables];
      for (const page of read) {
        pages[page.number - 1] = shiftPlaceholders(page.text, tables.length);
        tables.push(...page.tables);
        ocrPages.set(page.number, { size: page.size, lines: page.lines, confidence: page.confidence });
        if (page.lines.length === 0) warnings.push(`page ${page.number}: OCR found no text`);
        if (page.turns !== 0)
          warnings.push(
            `page ${page.number}: the scan lies turned; read turned ${page.turns * 90}° clockwise`,
          );
        if (page.stamps > 0)
          warnings.push(`page ${page.number}: ${page.stamps} red seal or stamp region(s) not read`);
      }
      return { type: 'pdf', pages, tables, warnings, ocr: ocrPages };
    }
    case 'html': {
      const html = extractHtmlText(bytes);
      return {
        type: 'html',
        pages: [html.text],
        tables: html.tables,
        encoding: html.encoding,
        warnings: [],
        title: html.title,
      };
    }
    case 'text': {
      const text = extractPlainText(bytes);
      return { type: 'text', pages: text.pages, tables: [], encoding: text.encoding, warnings: [] };
    }
    default:
      throw new UnsupportedTypeError(detection.looksLike);
  }
}

function assemble(pagesText: string[], continues: boolean[]): { text: string; pages: ParsedPage[] } {
  let text = '';
  const pages: ParsedPage[] = [];
  pagesText.forEach((pageText, i) => {
    if (i > 0 && text !== '' && pageText !== '') {
      text += continues[i] ? joinSeparator(text, pageText) : '\n';
    }
    const start = text.length;
    text += pageText;
    pages.push({ number: i + 1, text: pageText, start, end: text.length });
  });
  return { text, pages };
}

/** Tables as the header readers take them: the header row first. */
function withHeaderRows(tables: ParsedTable[]): ParsedTable[] {
  return tables.map((t) => (t.header.length > 0 ? { ...t, rows: [t.header, ...t.rows] } : t));
}

function parseHeader(
  kind: DocumentKind,
  modelText: string,
  tables: ParsedTable[],
  runningLines: readonly string[],
): DocumentHeader {
  const header: DocumentHeader = {};
  if (kind === 'announcement') {
    const a = parseAnnouncementHeader(modelText);
    if (a) header.announcement = a;
  } else if (kind === 'research_report') {
    const r = parseResearchReportHeader(modelText, withHeaderRows(tables), { runningLines });
    if (r) header.researchReport = r;
    // A note that prints no "name (code)" names its company as a news item does: first in its opening, or
    // where it says the company published (X发布半年报).
    const subject = r?.stock ? undefined : parseNewsHeader(modelText).subject;
    if (subject) header.news = { subject };
  } else {
    const news = parseNewsHeader(modelText);
    if (news.subject || news.noticeDate) header.news = news;
  }
  return header;
}

/** Limits come from configuration; a bad value is a programming error, not a bad document. */
function assertLimits(limits: ParseLimits): void {
  for (const key of ['maxBytes', 'maxPages'] as const) {
    const value = limits[key];
    if (!Number.isInteger(value) || value <= 0)
      throw new TypeError(`parseDocument: limits.${key} must be a positive integer`);
  }
}

/**
 * Parses a PDF, HTML or plain-text document into cleaned text with pages, paragraphs and sentences
 * (exact UTF-16 offsets into `text`), simplified-Chinese model text and header fields.
 * Throws a DocumentInputError subclass for inputs that can never be parsed.
 */
export async function parseDocument(
  bytes: Uint8Array,
  meta: ParseMeta,
  limits: ParseLimits,
): Promise<ParsedDocument> {
  assertLimits(limits);
  if (bytes.length === 0) throw new EmptyFileError(meta.fileName);
  if (bytes.length > limits.maxBytes) throw new FileTooLargeError(bytes.length, limits.maxBytes);

  const raw = await extractRaw(bytes, meta, limits);
  if (raw.title && !raw.pages[0]?.includes(raw.title)) raw.pages[0] = `${raw.title}\n${raw.pages[0] ?? ''}`;

  // Kind decides sidebar handling; when undeclared, read it from the raw text's head and tail first.
  const kind = meta.kind ?? detectKindOfPages(raw.pages);
  const cleaned = cleanLayout(raw.pages, {
    joinLines: raw.type !== 'html',
    researchReport: kind === 'research_report',
  });
  const placement = placeTables(cleaned.pages, raw.tables);
  const { text, pages } = assemble(placement.pages, cleaned.continues);
  if (text.trim() === '') {
    if (raw.type === 'pdf') throw new NoTextLayerError(raw.pages.length);
    throw new UndecodableTextError('the document contains no visible text');
  }

  const spans: PageSpan[] = pages.map((p) => ({ number: p.number, start: p.start, end: p.end }));
  const tables: ParsedTable[] = [];
  const tableRows: TableRowSpan[] = [];
  for (const placed of placement.placed) {
    const table = raw.tables[placed.table];
    const base = pages[placed.pageIndex]?.start ?? 0;
    if (!table) continue;
    const rowSpans = placed.rows.map((r) => ({ start: base + r.start, end: base + r.end }));
    rowSpans.forEach((r, row) => {
      tableRows.push({ ...r, table: tables.length, row });
    });
    const start = rowSpans[0]?.start ?? base;
    const end = rowSpans[rowSpans.length - 1]?.end ?? start;
    tables.push({ page: table.page, header: table.header, rows: table.rows, start, end, rowSpans });
  }
  const split = splitSentences(text, spans, { tableRows });
  const model = toSimplified(text, { foldFullWidth: true });
  const warnings = [...raw.warnings];
  if (split.capped > 0) warnings.push(`${split.capped} over-long sentence(s) were cut`);
  if (cleaned.removedRepeatedLines.length > 0) {
    warnings.push(`removed running headers/footers: ${cleaned.removedRepeatedLines.slice(0, 5).join(' | ')}`);
  }

  const doc: ParsedDocument = {
    type: raw.type,
    kind,
    pages,
    text,
    paragraphs: split.paragraphs,
    sentences: split.sentences,
    modelText: model.text,
    modelOffsetMap: model.offsetMap,
    traditional: model.changedChars > Math.max(3, text.length * 0.02),
    header: restoreSourceStrings(
      parseHeader(
        kind,
        model.text,
        tables,
        cleaned.removedRepeatedLines.map((line) => toSimplified(line).text),
      ),
      model.text,
      text,
    ),
    sidebar: cleaned.sidebar,
    tables,
    warnings,
  };
  if (raw.encoding) doc.encoding = raw.encoding;
  if (raw.ocr && raw.ocr.size > 0) {
    doc.ocr = true;
    for (const page of doc.pages) {
      const read = raw.ocr.get(page.number);
      if (read) page.ocr = read;
    }
    placeOcrSentences(doc);
  }
  return doc;
}

/** Each sentence on an OCR'd page gets the boxes of its characters, searched for in page order. */
function placeOcrSentences(doc: ParsedDocument): void {
  const searchFrom = new Map<number, number>();
  for (const sentence of doc.sentences) {
    const page = doc.pages[sentence.page - 1]?.ocr;
    if (!page) continue;
    const found = sentenceBoxes(sentence.text, page, searchFrom.get(sentence.page) ?? 0);
    if (!found || found.boxes.length === 0) {
      // Not on the page in one piece (a table row with its headers): its figures are looked for one by one.
      const doubted = doubtedFiguresIn(sentence.text, page);
      if (doubted.length > 0)
        sentence.ocrDoubted = doubted.map(([a, b]) => [sentence.start + a, sentence.start + b]);
      continue;
    }
    sentence.ocrBoxes = found.boxes;
    if (found.doubted.length > 0)
      sentence.ocrDoubted = found.doubted.map(([a, b]) => [sentence.start + a, sentence.start + b]);
    searchFrom.set(sentence.page, found.end);
  }
}
