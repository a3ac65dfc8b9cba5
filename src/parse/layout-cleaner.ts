import { isPlaceholder } from './table-rows.js';
import { isCjk, joinSeparator, visualWidth } from './text-width.js';

export interface LayoutCleanerOptions {
  /** Join lines broken mid-sentence (PDF and hard-wrapped text). Off for HTML, whose lines are blocks. */
  joinLines?: boolean;
  /** Detect research-report sidebars (analysts, rating, price, related reports) and keep them unjoined. */
  researchReport?: boolean;
}

export interface CleanedLayout {
  /** Cleaned text per input page (lines joined, boilerplate removed). */
  pages: string[];
  /** continues[i] is true when page i starts in the middle of a sentence begun on page i-1. */
  continues: boolean[];
  /** Sidebar lines, in order of appearance. */
  sidebar: string[];
  /** Running header/footer lines that were dropped (one entry per distinct line). */
  removedRepeatedLines: string[];
  removedPageNumbers: number;
}

interface Line {
  text: string;
  /** Paragraph cues: blank line before or an indented start. */
  breakBefore: boolean;
  sidebar: boolean;
}

/** Broker PDF templates leak placeholder tags like [Table_Main] into the text layer. */
const TEMPLATE_TAG =
  /\[(?:Table|TABLE|Author|Stock|Rank|Title|Industry|Report|Invest|Summary|Info)_[A-Za-z0-9_]*\]/g;

const PAGE_NUMBER =
  /^(?:第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|[-—–－]?\s*\d{1,4}\s*[-—–－]?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d+(?:\s*(?:of|\/)\s*\d+)?|[-—–]\s*\d+\s*[-—–]|共\s*\d+\s*页\s*第\s*\d+\s*页)$/i;

const SIDEBAR_LABEL =
  '投资评级|评级|当前评级|上次评级|公司评级|行业评级|目标价|目标价格|当前价格|当前股价|收盘价|现价|最新收盘价|总股本|流通股本|流通A股|总市值|流通市值|52周股价区间|52周最高|52周最低|一年内最高|一年内最低|每股净资产|资产负债率|市净率|市盈率|主要股东';
const SIDEBAR_LINE = new RegExp(
  [
    '^(?:(?:证券)?分析师|研究员|联系人|研究助理)[:：\\s]',
    '(?:SAC\\s*)?执业证书编号|^证书编号[:：]',
    '^S\\d{13}$',
    '^(?:邮箱|电话|Email|E-mail|Tel)[:：]',
    `^(?:${SIDEBAR_LABEL})\\s*(?:[（(][^）)]{1,8}[）)])?\\s*[:：]`,
    '^(?:基础数据|市场数据|公司数据|股票数据|相关研究|相关报告|近期报告|往期回顾|股价走势|相对指数表现|股价表现)$',
  ].join('|'),
  'i',
);
const RELATED_REPORTS_HEADING = /^(?:相关研究|相关报告|近期报告|往期回顾)/;
const RELATED_REPORT_ITEM = /^(?:\d+[.、．]?\s*)?《/;
const DATE_ONLY = /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?$/;

/** Sentence ends (and colons, which introduce lists); an English full stop only after a letter. */
const TERMINAL = /(?:[。！？；!?;：:]|(?<=[A-Za-z)])\.)["'”’」』）)]*$/;
const SOFT_BREAK = /[，,、（(“‘《—-]$/;
const ITEM_START =
  /^(?:第[一二三四五六七八九十百零\d]+[章节条部分]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|[①-⑳]|[•●■◆▪·]|特此公告|证券代码|股票代码|债券代码|公告编号|重要内容提示|附件|备查文件|董事会$|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$)/;

const EDGE_LINES = 3;
/** Narrowest column (in ems) whose lines we treat as wrapped; sidebars are narrower still. */
const MIN_FULL_WIDTH = 12;

const SPACED_CJK =
  /(?<=[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]) (?=[\u3400-\u9fff\uff00-\uffef\u3000-\u303f])/g;

/**
 * Letter-spaced text (titles, justified lines) comes out as "公 司 公 告". When most tokens are single
 * characters the spaces are layout, not content, so drop those between CJK characters.
 */
function unspaceLetterSpaced(line: string): string {
  const tokens = line.split(' ');
  if (tokens.length < 4) return line;
  const single = tokens.filter((t) => [...t].length === 1).length;
  return single / tokens.length >= 0.6 ? line.replace(SPACED_CJK, '') : line;
}

function normalizeLine(raw: string): string {
  const text = raw
    .replace(TEMPLATE_TAG, '')
    .replace(/[\u00a0\u2002\u2003\u2009]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .replace(/^[ \u3000]+|[ \u3000]+$/g, '');
  return unspaceLetterSpaced(text);
}

function toLines(page: string): Line[] {
  const lines: Line[] = [];
  let blank = true;
  for (const raw of page.replace(/\r\n?/g, '\n').split('\n')) {
    const text = normalizeLine(raw);
    if (text === '' || /^\t*$/.test(text)) {
      blank = true;
      continue;
    }
    const indented = /^[\u3000]{1,}|^ {2,}/.test(raw.replace(TEMPLATE_TAG, ''));
    // Template tags open a new block ([Table_Summary] 投资要点).
    const tagged = /^\s*\[[A-Za-z]+_[A-Za-z0-9_]*\]/.test(raw);
    lines.push({ text, breakBefore: blank || indented || tagged, sidebar: false });
    blank = false;
  }
  return lines;
}

/** Digits vary between pages ("第 3 页", dates), so compare lines with digits masked. */
function repeatKey(text: string): string {
  return text.replace(/\s+/g, '').replace(/[0-9０-９]+/g, '#');
}

function edgeIndexes(count: number): number[] {
  const out = new Set<number>();
  for (let i = 0; i < Math.min(EDGE_LINES, count); i++) {
    out.add(i);
    out.add(count - 1 - i);
  }
  return [...out];
}

/** Running headers/footers are short and are not sentences; body lines that merely look alike are kept. */
function looksLikeRunningLine(text: string): boolean {
  return text.length <= 60 && !/[。！？；]$/.test(text);
}

function removeRepeatedLines(pages: Line[][]): string[] {
  if (pages.length < 2) return [];
  const seenOn = new Map<string, number>();
  for (const lines of pages) {
    const keys = new Set(edgeIndexes(lines.length).map((i) => repeatKey(lines[i]?.text ?? '')));
    for (const key of keys) seenOn.set(key, (seenOn.get(key) ?? 0) + 1);
  }
  const threshold = Math.max(2, Math.ceil(pages.length * 0.6));
  const removed = new Set<string>();
  pages.forEach((lines, p) => {
    const drop = new Set(
      edgeIndexes(lines.length).filter((i) => {
        const text = lines[i]?.text ?? '';
        const key = repeatKey(text);
        return (
          key.length > 0 &&
          !isPlaceholder(text) &&
          looksLikeRunningLine(text) &&
          (seenOn.get(key) ?? 0) >= threshold &&
          !PAGE_NUMBER.test(key.replace(/#/g, '1'))
        );
      }),
    );
    for (const i of drop) removed.add(lines[i]?.text ?? '');
    pages[p] = lines.filter((_, i) => !drop.has(i));
  });
  return [...removed];
}

function removePageNumbers(pages: Line[][]): number {
  let removed = 0;
  pages.forEach((lines, p) => {
    const edges = new Set([0, 1, lines.length - 1, lines.length - 2].filter((i) => i >= 0));
    pages[p] = lines.filter((line, i) => {
      const isNumber = edges.has(i) && PAGE_NUMBER.test(line.text);
      if (isNumber) removed++;
      return !isNumber;
    });
  });
  return removed;
}

/** Vertical titles come out one character per line: 公\n司\n研\n究 → 公司研究. */
function mergeVerticalRuns(lines: Line[]): Line[] {
  const out: Line[] = [];
  let i = 0;
  while (i < lines.length) {
    let j = i;
    while (j < lines.length && [...(lines[j]?.text ?? '')].length === 1 && isCjk(lines[j]?.text)) j++;
    if (j - i >= 3) {
      out.push({
        text: lines
          .slice(i, j)
          .map((l) => l.text)
          .join(''),
        breakBefore: true,
        sidebar: false,
      });
      const next = lines[j];
      if (next) next.breakBefore = true;
      i = j;
    } else {
      const line = lines[i];
      if (line) out.push(line);
      i++;
    }
  }
  return out;
}

/** Marks sidebar lines; tab-separated cells that are sidebar items are split onto their own lines. */
function markSidebar(lines: Line[]): Line[] {
  const out: Line[] = [];
  let inRelated = false;
  for (const line of lines) {
    if (isPlaceholder(line.text)) {
      out.push(line);
      continue;
    }
    const cells = line.text.split('\t');
    const sideCells = cells.filter((c) => SIDEBAR_LINE.test(c.trim()));
    if (cells.length > 1 && sideCells.length > 0 && sideCells.length < cells.length) {
      const body = cells.filter((c) => !SIDEBAR_LINE.test(c.trim())).join('\t');
      out.push({ ...line, text: body });
      for (const c of sideCells) out.push({ text: c.trim(), breakBefore: true, sidebar: true });
      continue;
    }
    const text = line.text.trim();
    const prev = out[out.length - 1];
    if (RELATED_REPORTS_HEADING.test(text)) inRelated = true;
    const continuation = prev !== undefined && continuesSidebarEntry(prev, line);
    if (
      inRelated &&
      !RELATED_REPORTS_HEADING.test(text) &&
      !RELATED_REPORT_ITEM.test(text) &&
      !continuation
    ) {
      inRelated = false;
    }
    out.push({ ...line, sidebar: inRelated || continuation || SIDEBAR_LINE.test(text) });
  }
  return out;
}

function widthPercentile(lines: Line[]): number {
  const widths = lines
    .filter((l) => !l.sidebar && !isTabular(l.text) && !isPlaceholder(l.text))
    .map((l) => visualWidth(l.text))
    .sort((a, b) => b - a);
  if (widths.length === 0) return 0;
  return widths[Math.floor(widths.length * 0.1)] ?? widths[0] ?? 0;
}

/** Column width per page (pages differ: a report's first page has a sidebar); short pages use the document's. */
function fullLineWidths(pages: Line[][]): number[] {
  const documentWidth = widthPercentile(pages.flat());
  return pages.map((lines) => (lines.length >= 6 ? widthPercentile(lines) : documentWidth));
}

/** Narrow sidebar columns wrap values onto the next line ("执业证书编号：" / "S…", "《…" / "…》" / date). */
function continuesSidebarEntry(a: Line, b: Line): boolean {
  if (!a.sidebar) return false;
  if (/[:：]$/.test(a.text)) return true;
  const openTitle = a.text.lastIndexOf('《') > a.text.lastIndexOf('》');
  if (openTitle) return true;
  if (/》$/.test(a.text) && DATE_ONLY.test(b.text)) return true;
  return /[-@._]$/.test(a.text) && /^[A-Za-z0-9.-]+$/.test(b.text);
}

const NUMERIC_CELL =
  /^[-+(（]?[\d,.]+[%％)）]?$|^(?:19|20)\d{2}[AEFP]?$|^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^[-—–]$/i;

/**
 * Table rows come out as space/tab separated cells; they are never part of a sentence.
 * Mostly-numeric cells, or several short Chinese cells, mark a row (English prose with numbers does not).
 */
export function isTabular(text: string): boolean {
  if (text.includes('\t')) return true;
  const cells = text.split(/ +/);
  if (cells.length < 3) return false;
  const numeric = cells.filter((c) => NUMERIC_CELL.test(c)).length;
  if (numeric >= 2 && numeric / cells.length >= 0.4) return true;
  const shortCjkCells = cells.filter((c) => isCjk(c[0]) && c.length <= 12).length;
  return shortCjkCells >= 2 && shortCjkCells / cells.length >= 0.5;
}

function shouldJoin(a: Line, b: Line, fullWidth: number): boolean {
  // A table stands on its own lines.
  if (isPlaceholder(a.text) || isPlaceholder(b.text)) return false;
  if (continuesSidebarEntry(a, b)) return true;
  if (a.sidebar || b.sidebar || b.breakBefore) return false;
  if (isTabular(a.text) || isTabular(b.text)) return false;
  if (TERMINAL.test(a.text) || ITEM_START.test(b.text)) return false;
  if (SOFT_BREAK.test(a.text)) return true;
  // Short lines are never "full": headings and list items would otherwise glue together.
  return fullWidth > 0 && visualWidth(a.text) >= Math.max(fullWidth * 0.8, MIN_FULL_WIDTH);
}

function joinLines(lines: Line[], fullWidth: number): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (prev && shouldJoin(prev, line, fullWidth)) {
      prev.text += joinSeparator(prev.text, line.text) + line.text;
    } else {
      out.push({ ...line });
    }
  }
  return out;
}

/**
 * Turns raw page text into clean paragraphs: drops template tags, running headers/footers and page numbers,
 * reassembles vertical titles, joins lines broken by layout and flags sidebar lines.
 */
export function cleanLayout(rawPages: string[], options: LayoutCleanerOptions = {}): CleanedLayout {
  const join = options.joinLines !== false;
  let pages = rawPages.map(toLines);
  const removedRepeatedLines = removeRepeatedLines(pages);
  const removedPageNumbers = pages.length > 1 || join ? removePageNumbers(pages) : 0;
  pages = pages.map(mergeVerticalRuns);
  if (options.researchReport) pages = pages.map(markSidebar);

  const widths = fullLineWidths(pages);
  const joined = join ? pages.map((lines, i) => joinLines(lines, widths[i] ?? 0)) : pages;
  const continues = joined.map((lines, i) => {
    const prev = joined[i - 1];
    const last = prev?.[prev.length - 1];
    const first = lines[0];
    return (
      join &&
      last !== undefined &&
      first !== undefined &&
      shouldJoin(last, { ...first, breakBefore: false }, widths[i - 1] ?? 0)
    );
  });
  const sidebar = joined.flatMap((lines) => lines.filter((l) => l.sidebar).map((l) => l.text));
  return {
    pages: joined.map((lines) => lines.map((l) => l.text).join('\n')),
    continues,
    sidebar,
    removedRepeatedLines,
    removedPageNumbers,
  };
}
