import { decodeHtmlEntities } from './html-entities.js';
import { parseHtmlTable } from './html-tables.js';
import { decodeText, type TextEncoding } from './plain-text.js';
import { type ExtractedTable, tableFromCells, tablePlaceholder } from './table-rows.js';

export interface HtmlText {
  title: string | null;
  /**
   * Body text: block elements become line breaks. A data table is one placeholder line (tables[i] is
   * placeholder i); cells of layout tables become tabs.
   */
  text: string;
  tables: ExtractedTable[];
  encoding: TextEncoding;
}

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
]);
const CELL = new Set(['td', 'th']);
/** Elements whose content is never visible text. */
const SKIP_CONTENT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'object',
  'head',
  // Site chrome, not document content.
  'nav',
  'footer',
]);

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const NEWLINE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[ \\t\\r\\n]*\\n[ \\t\\r\\n]*(?=[${CJK}])`, 'g');

function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096)).toLowerCase();
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_-]+)/.exec(head);
  return m?.[1] ?? null;
}

/** Collapses source whitespace the way a browser would, but without inserting spaces between CJK chars. */
function collapseWhitespace(text: string): string {
  return text.replace(NEWLINE_BETWEEN_CJK, '').replace(/[ \t\r\n\f]+/g, ' ');
}

function tagNameAt(html: string, i: number): { name: string; closing: boolean; end: number } | null {
  const m = /^<(\/?)([A-Za-z][A-Za-z0-9:-]*)\b[^>]*>/.exec(html.slice(i, i + 4096));
  if (!m || m[2] === undefined) return null;
  return { name: m[2].toLowerCase(), closing: m[1] === '/', end: i + m[0].length };
}

/** End of the <table> element opening at `start` (after its matching </table>), nested tables included. */
function tableEnd(lower: string, start: number): number {
  const pattern = /<(\/?)table\b[^>]*>/g;
  pattern.lastIndex = start;
  let depth = 0;
  for (let m = pattern.exec(lower); m; m = pattern.exec(lower)) {
    depth += m[1] === '/' ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return lower.length;
}

/** HTML → visible text. A small hand parser: comments, scripts/styles and markup are dropped. */
export function htmlToText(html: string): { title: string | null; text: string; tables: ExtractedTable[] } {
  const titleMatch = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  const title = titleMatch?.[1] ? decodeHtmlEntities(collapseWhitespace(titleMatch[1])).trim() || null : null;

  const lower = html.toLowerCase();
  const out: string[] = [];
  const tables: ExtractedTable[] = [];
  const cellToText = (inner: string) => htmlToText(inner).text;
  let i = 0;
  let preDepth = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const chunkEnd = lt < 0 ? html.length : lt;
    if (chunkEnd > i) {
      const raw = html.slice(i, chunkEnd);
      out.push(decodeHtmlEntities(preDepth > 0 ? raw : collapseWhitespace(raw)));
    }
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html.startsWith('<![CDATA[', lt)) {
      const end = html.indexOf(']]>', lt);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    const tag = tagNameAt(html, lt);
    if (!tag) {
      out.push('<'); // a bare "<" in text, e.g. "市盈率<10倍"
      i = lt + 1;
      continue;
    }
    i = tag.end;
    if (!tag.closing && SKIP_CONTENT.has(tag.name)) {
      const close = lower.indexOf(`</${tag.name}`, i);
      const end = close < 0 ? -1 : html.indexOf('>', close);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    if (tag.name === 'table' && !tag.closing) {
      const end = tableEnd(lower, lt);
      const parsed = parseHtmlTable(html.slice(lt, end), cellToText);
      if (parsed) {
        out.push(`\n${tablePlaceholder(tables.length)}\n`);
        tables.push(tableFromCells(1, parsed.cells, parsed.headerRows));
        i = end;
        continue;
      }
    }
    if (tag.name === 'pre') preDepth = Math.max(0, preDepth + (tag.closing ? -1 : 1));
    if (BLOCK.has(tag.name)) out.push('\n');
    else if (CELL.has(tag.name) && !tag.closing) out.push('\t');
  }
  return { title, text: tidyLines(out.join('')), tables };
}

function tidyLines(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/^[ \t]+|[ \t]+$/g, '').replace(/ {2,}/g, ' '))
    .filter((line) => line !== '')
    .join('\n');
}

export function extractHtmlText(bytes: Uint8Array): HtmlText {
  const charset = declaredCharset(bytes);
  const preferGb18030 = charset !== null && /^(gb2312|gbk|gb18030|x-gbk|cp936)$/.test(charset);
  const decoded = decodeText(bytes, { preferGb18030 });
  const { title, text, tables } = htmlToText(decoded.text);
  return { title, text, tables, encoding: decoded.encoding };
}
