import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { decodeHtmlEntities } from '../../src/parse/html-entities.js';
import { extractHtmlText, htmlToText } from '../../src/parse/html-text.js';
import { tablePlaceholder } from '../../src/parse/table-rows.js';

describe('htmlToText', () => {
  it('drops scripts, styles, comments and site chrome', () => {
    const { text, title } = htmlToText(
      '<html><head><title>标题 &amp; 副标题</title><style>p{color:red}</style></head><body>' +
        '<nav>首页 &gt; 公告</nav><script>var a = "<p>不要</p>";</script><!-- 广告 -->' +
        '<p>正文第一段。</p><SCRIPT type="x">alert(1)</SCRIPT><p>第二段</p><footer>版权</footer></body></html>',
    );
    assert.equal(title, '标题 & 副标题');
    assert.equal(text, '正文第一段。\n第二段');
  });

  it('turns blocks into lines and a data table into one placeholder line', () => {
    const { text, tables } = htmlToText(
      '<div>甲</div><div>乙<br>丙</div><ul><li>一</li><li>二</li></ul><table><tr><td>项目</td><td>2025E</td></tr><tr><th>EPS</th><td>1.25</td></tr></table>',
    );
    assert.equal(text, `甲\n乙\n丙\n一\n二\n${tablePlaceholder(0)}`);
    assert.deepEqual(tables, [{ page: 1, header: ['项目', '2025E'], rows: [['EPS', '1.25']] }]);
  });

  it('keeps layout tables (one column, nested tables) as text with tabs', () => {
    const { text, tables } = htmlToText(
      '<table><tr><td><table><tr><td>甲</td><td>乙</td></tr></table></td><td>丙</td></tr></table>',
    );
    assert.equal(tables.length, 0);
    assert.match(text, /甲\t乙/);
    assert.match(text, /丙/);
  });

  it('does not insert spaces where the source wrapped Chinese text', () => {
    const { text } = htmlToText(
      '<p>\n  公司于2025年5月19日与对方签署了合同，\n  合同金额为2.36亿元。\n</p><p>Hello\n world</p>',
    );
    assert.equal(text, '公司于2025年5月19日与对方签署了合同，合同金额为2.36亿元。\nHello world');
  });

  it('keeps a literal < that is not a tag', () => {
    assert.equal(htmlToText('<p>市盈率<10倍 &lt;b&gt;</p>').text, '市盈率<10倍 <b>');
  });

  it('decodes GBK pages declared by a meta tag', () => {
    const html =
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head><body><p>中标公告</p></body></html>';
    const out = extractHtmlText(iconv.encode(html, 'gbk'));
    assert.equal(out.encoding, 'gb18030');
    assert.equal(out.text, '中标公告');
  });
});

describe('decodeHtmlEntities', () => {
  it('decodes named and numeric entities, leaving unknown ones', () => {
    assert.equal(
      decodeHtmlEntities('&ldquo;买入&rdquo;&nbsp;&#20013;&#x6587;&yen;5 &bogus; &amp;amp;'),
      '“买入” 中文¥5 &bogus; &amp;',
    );
    assert.equal(decodeHtmlEntities('&#0;&#xD800;'), '\uFFFD\uFFFD');
  });
});
