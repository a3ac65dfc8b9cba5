import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Block, SampleDoc } from './model.js';

/** CJK fonts to try, with the PostScript name pdfkit needs to pick a face out of a .ttc collection. */
const FONT_CANDIDATES: ReadonlyArray<readonly [string, string | undefined]> = [
  ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', 'WenQuanYiMicroHei'],
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
  ['/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', 'WenQuanYiZenHei'],
];

export function findCjkFont(): { path: string; family: string | undefined } {
  const fromEnv = process.env.FINKG_CJK_FONT;
  if (fromEnv) return { path: fromEnv, family: process.env.FINKG_CJK_FONT_FAMILY };
  for (const [path, family] of FONT_CANDIDATES) if (existsSync(path)) return { path, family };
  throw new Error(
    'No CJK font found. Install one (apt-get install -y fonts-wqy-microhei) or set FINKG_CJK_FONT (and FINKG_CJK_FONT_FAMILY for .ttc files).',
  );
}

const PAGE = { width: 595.28, height: 841.89, margin: 64 };
const BODY_SIZE = 10.5;
/** Report first pages keep a right-hand sidebar column. */
const SIDEBAR_WIDTH = 130;

function pageNumberText(style: SampleDoc['pageNumbers'], n: number, total: number): string {
  if (style === 'cn') return `第 ${n} 页 共 ${total} 页`;
  if (style === 'slash') return `${n} / ${total}`;
  return `- ${n} -`;
}

function drawTable(
  doc: PDFKit.PDFDocument,
  block: Extract<Block, { kind: 'table' }>,
  x: number,
  width: number,
): void {
  const cols = block.rows[0]?.length ?? 1;
  const widths = block.widths ?? Array.from({ length: cols }, () => width / cols);
  const rowHeight = 18;
  if (doc.y + rowHeight * block.rows.length > PAGE.height - PAGE.margin) doc.addPage();
  let y = doc.y + 4;
  doc.fontSize(9);
  for (const row of block.rows) {
    let cx = x;
    row.forEach((cell, i) => {
      const w = widths[i] ?? 60;
      doc.lineWidth(0.5).rect(cx, y, w, rowHeight).stroke();
      doc.text(cell, cx + 3, y + 5, { width: w - 6, lineBreak: false, align: i === 0 ? 'left' : 'right' });
      cx += w;
    });
    y += rowHeight;
  }
  doc.fontSize(BODY_SIZE);
  doc.x = x;
  doc.y = y + 8;
}

function drawBlock(doc: PDFKit.PDFDocument, block: Block, x: number, width: number): void {
  switch (block.kind) {
    case 'codes':
      doc.fontSize(10).text(block.text, x, doc.y, { width });
      doc.moveDown(1.2);
      break;
    case 'title':
      doc.fontSize(16).text(block.text, x, doc.y, { width, align: 'center' });
      doc.moveDown(0.8);
      break;
    case 'notice':
      doc.fontSize(BODY_SIZE).text(block.text, x, doc.y, { width, indent: BODY_SIZE * 2, lineGap: 3 });
      doc.moveDown(0.8);
      break;
    case 'heading':
      doc.fontSize(11.5).text(block.text, x, doc.y, { width });
      doc.moveDown(0.4);
      break;
    case 'para':
      doc.fontSize(BODY_SIZE).text(block.text, x, doc.y, { width, indent: BODY_SIZE * 2, lineGap: 3 });
      doc.moveDown(0.5);
      break;
    case 'table':
      drawTable(doc, block, x, width);
      break;
    case 'sign':
      doc.moveDown(1);
      for (const line of block.lines) doc.fontSize(BODY_SIZE).text(line, x, doc.y, { width, align: 'right' });
      break;
    case 'pageBreak':
      doc.addPage();
      break;
  }
}

/** Invisible text as broker templates leave it: present in the text layer, not on paper. */
function templateTag(doc: PDFKit.PDFDocument, tag: string, x: number, y: number): void {
  doc.save().fillColor('#ffffff').fontSize(4).text(tag, x, y, { lineBreak: false }).restore();
  doc.fillColor('#000000');
}

function drawSidebar(doc: PDFKit.PDFDocument, sample: SampleDoc, top: number): void {
  const sidebar = sample.sidebar;
  if (!sidebar) return;
  const x = PAGE.width - PAGE.margin - SIDEBAR_WIDTH + 10;
  if (sample.templateTags) templateTag(doc, '[Table_Invest]', x, top - 8);
  doc.fontSize(9);
  let y = top;
  for (const line of sidebar.lines) {
    doc.text(line, x, y, { width: SIDEBAR_WIDTH - 10 });
    y = doc.y + 3;
  }
  // The vertical band title on the left edge, one glyph per line.
  doc.fontSize(12);
  let vy = top;
  for (const ch of sidebar.verticalTitle) {
    doc.text(ch, 22, vy, { lineBreak: false });
    vy += 16;
  }
  doc.fontSize(BODY_SIZE);
}

/** Renders a sample as a PDF with an embedded (subset) CJK font; deterministic for fixed input. */
export async function renderPdf(sample: SampleDoc): Promise<Buffer> {
  const font = findCjkFont();
  const fixedDate = new Date(`${sample.publishedAt}T08:00:00Z`);
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    bufferPages: true,
    info: { Title: sample.file, Producer: 'finkg make-samples', Creator: 'finkg', CreationDate: fixedDate },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.registerFont('cjk', font.path, font.family);
  doc.font('cjk');

  const x = PAGE.margin;
  const fullWidth = PAGE.width - 2 * PAGE.margin;
  const top = PAGE.margin + 10;
  doc.y = top;
  let pageIndex = 0;
  for (const block of sample.blocks) {
    // Only the first page of a report is narrowed by the sidebar.
    const onFirstPage = pageIndex === 0 && doc.bufferedPageRange().count === 1;
    const width = sample.sidebar && onFirstPage ? fullWidth - SIDEBAR_WIDTH : fullWidth;
    if (sample.templateTags && block.kind === 'title') templateTag(doc, '[Table_Title]', x, doc.y - 6);
    if (sample.templateTags && block.kind === 'para' && onFirstPage)
      templateTag(doc, '[Table_Summary]', x, doc.y - 5);
    drawBlock(doc, block, x, width);
    if (block.kind === 'pageBreak') pageIndex++;
  }

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // drawing in the margin must not trigger a new page
    doc.fontSize(8);
    if (i === 0) drawSidebar(doc, sample, top);
    doc.fontSize(8);
    if (sample.runningHeader) {
      doc.text(sample.runningHeader, x, 30, { width: fullWidth, lineBreak: false });
      doc
        .moveTo(x, 42)
        .lineTo(x + fullWidth, 42)
        .lineWidth(0.5)
        .stroke();
    }
    if (sample.runningFooter) {
      doc.text(sample.runningFooter, x, PAGE.height - 40, { width: fullWidth, lineBreak: false });
    }
    if (sample.pageNumbers) {
      doc.text(pageNumberText(sample.pageNumbers, i + 1, range.count), x, PAGE.height - 28, {
        width: fullWidth,
        align: 'center',
        lineBreak: false,
      });
    }
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
