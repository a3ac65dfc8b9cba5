import iconv from 'iconv-lite';
import type { Block, SampleDoc } from './model.js';

function blockText(block: Block): string {
  switch (block.kind) {
    case 'codes':
    case 'title':
    case 'heading':
      return block.text;
    case 'notice':
    case 'para':
      return `\u3000\u3000${block.text}`;
    case 'table':
      return block.rows.map((r) => r.join('\t')).join('\n');
    case 'sign':
      return block.lines.join('\n');
    case 'pageBreak':
      return '';
  }
}

/** Plain text: one paragraph per line, blank lines between blocks; optional GB18030 encoding. */
export function renderText(sample: SampleDoc): Buffer {
  const text = `${sample.blocks
    .map(blockText)
    .filter((t) => t !== '')
    .join('\n\n')}\n`;
  return sample.encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'codes':
      return `<p class="codes">${escapeHtml(block.text).replace(/ {2,}/g, '&nbsp;&nbsp;&nbsp;')}</p>`;
    case 'title':
      return `<h1>${escapeHtml(block.text)}</h1>`;
    case 'heading':
      return `<h2>${escapeHtml(block.text)}</h2>`;
    case 'notice':
    case 'para':
      // Source HTML is often hard-wrapped mid-sentence; the parser must not break the sentence there.
      return `<p>\n  ${escapeHtml(block.text).replace(/，/, '，\n  ')}\n</p>`;
    case 'table':
      return `<table>${block.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</table>`;
    case 'sign':
      return `<div class="sign">${block.lines.map(escapeHtml).join('<br/>')}</div>`;
    case 'pageBreak':
      return '';
  }
}

/** A web page with the noise real sites have: scripts, styles, navigation, comments and entities. */
export function renderHtml(sample: SampleDoc, pageTitle: string): Buffer {
  const body = sample.blocks
    .map(blockHtml)
    .filter((b) => b !== '')
    .join('\n');
  const html = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(pageTitle)}</title>
<style>body { font-family: sans-serif; } .codes::before { content: "公告"; }</style>
<script>window.dataLayer = window.dataLayer || []; window.dataLayer.push("不应出现在正文中");</script>
</head>
<body>
<nav><a href="/">首页</a> &gt; <a href="/news">公司公告</a></nav>
<!-- 广告位：此处内容不应被抽取 -->
<article>
${body}
</article>
<footer><p>&copy; 2025 财经资讯示例网 &nbsp;|&nbsp; 投资有风险，入市需谨慎</p></footer>
<script type="text/javascript">document.write("<p>脚本插入</p>");</script>
</body>
</html>
`;
  return Buffer.from(html, 'utf8');
}
