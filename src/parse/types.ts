import type { DocumentKind } from '../vocabulary/document-kinds.js';
import type { AnnouncementHeader } from './announcement-header.js';
import type { NewsHeader } from './news-header.js';
import type { ParsedTable } from './parsed-table.js';
import type { ResearchReportHeader } from './research-report-header.js';

export type { ParsedTable };
export type DocumentType = 'pdf' | 'html' | 'text';

export interface ParseMeta {
  fileName?: string;
  mimeType?: string;
  kind?: DocumentKind;
}

export interface OcrLimits {
  /** Most pages one document may have read by OCR. */
  maxPages: number;
  /** Most time OCR may take on one document, in milliseconds. */
  timeoutMs: number;
}

export interface ParseLimits {
  maxBytes: number;
  maxPages: number;
  /**
   * OCR of PDF pages with no usable text layer; `false` leaves such PDFs a NO_TEXT_LAYER error.
   * @defaultValue DEFAULT_OCR_LIMITS
   */
  ocr?: OcrLimits | false;
}

/** [left, top, right, bottom] on the page in PDF points (1/72 inch), origin top-left. */
export type PageBox = [number, number, number, number];

/** A character read by OCR. */
export interface OcrChar {
  text: string;
  /** Probability the recogniser gave it, 0–1. */
  confidence: number;
  /** Approximate: the line's height, the width from the time steps that emitted it. */
  box: PageBox;
  /** Set on the characters of a figure the reader doubts (an impossible digit grouping, an unsure digit). */
  doubted?: true;
}

/** A line read by OCR. */
export interface OcrLine {
  text: string;
  /** Mean probability of its characters, 0–1. */
  confidence: number;
  box: PageBox;
  /** Its characters in order; `chars.map(c => c.text).join('') === text`. */
  chars: OcrChar[];
}

export interface PageOcr {
  /** The page's size in PDF points, [width, height]. */
  size: [number, number];
  /** Lines in reading order. */
  lines: OcrLine[];
  /** Mean confidence of the page's characters (0 when nothing was read). */
  confidence: number;
}

export interface ParsedPage {
  /** 1-based page number (HTML and text documents have a single page unless split by form feeds). */
  number: number;
  /** Cleaned text of this page; equals `text.slice(start, end)` of the document. */
  text: string;
  start: number;
  end: number;
  /** Set when the page's text was read by OCR. */
  ocr?: PageOcr;
}

export interface ParsedParagraph {
  index: number;
  start: number;
  end: number;
  /** Page the paragraph starts on. */
  page: number;
}

export interface ParsedSentence {
  index: number;
  /** Equals `document.text.slice(start, end)`. */
  text: string;
  /** UTF-16 offsets into the document's cleaned `text`. */
  start: number;
  end: number;
  /** Page the sentence starts on. */
  page: number;
  /** Index into `paragraphs`. */
  paragraph: number;
  /** Set when the sentence is a table row: the whole row, linearised ("表头：单元格；…"). */
  table?: { index: number; row: number };
  /** On a page read by OCR: the boxes of its characters on that page, one per line it crosses. */
  ocrBoxes?: PageBox[];
  /** On a page read by OCR: figures the reader doubts, as [start, end) offsets into the document's text. */
  ocrDoubted?: Array<[number, number]>;
}

export interface DocumentHeader {
  announcement?: AnnouncementHeader;
  researchReport?: ResearchReportHeader;
  /** News and other items: the company the headline names and the date of its notice. */
  news?: NewsHeader;
}

export interface ParsedDocument {
  type: DocumentType;
  /** The declared kind, or the one guessed from the header when none was declared. */
  kind: DocumentKind;
  pages: ParsedPage[];
  /** Full cleaned text; every offset in this object indexes into it. */
  text: string;
  paragraphs: ParsedParagraph[];
  sentences: ParsedSentence[];
  /** Simplified-Chinese text for the model. */
  modelText: string;
  /**
   * null when `modelText` has the same length as `text` and char i maps to char i (the usual case).
   * Otherwise `modelOffsetMap[i]` is the offset in `text` of model char i (length modelText.length + 1).
   */
  modelOffsetMap: number[] | null;
  /** True when the source was mostly Traditional Chinese. */
  traditional: boolean;
  header: DocumentHeader;
  /** Research-report sidebar lines (analysts, rating, price, related reports); they also stay in `text`. */
  sidebar: string[];
  tables: ParsedTable[];
  /** Text encoding of text/HTML inputs. */
  encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  /** True when some page's text was read by OCR (see `pages[i].ocr`). */
  ocr?: true;
  /** Non-fatal oddities worth logging (e.g. page numbers removed, sentences capped). */
  warnings: string[];
}
