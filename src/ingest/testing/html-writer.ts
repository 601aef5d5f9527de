// Blocks → a government web page: the plan's text in the article area, with the furniture
// around it that such pages carry (site banner, menu, breadcrumb "当前位置", print/share bar,
// footer with 主办/ICP lines). Two layouts seen on real sites: HTML5 elements (<header>, <nav>,
// <footer>) and the older table/div layout of TRS-style CMS pages (class="nav", "position",
// "footer"), optionally served as gb2312 (GBK bytes; characters outside GBK as &#NNNN;).
// A print style sheet hides the furniture, as "打印本页" pages do, so Chromium can print the
// same page to PDF. Test-only.
import iconv from 'iconv-lite';
import { blockText, type Block, type Run } from './blocks';

export type HtmlLayout = 'html5' | 'cms';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function inline(runs: readonly Run[]): string {
  return runs.map((r) => (r.bold ? `<strong>${esc(r.text)}</strong>` : esc(r.text))).join('');
}

function blockHtml(b: Block): string {
  if (b.kind === 'h') return `<h${b.level}>${inline(b.runs)}</h${b.level}>`;
  if (b.kind === 'table') {
    const rows = b.rows.map((cells) => `<tr>${cells.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`);
    return `<table border="1" cellspacing="0" cellpadding="4"><tbody>\n${rows.join('\n')}\n</tbody></table>`;
  }
  // Editors write an empty line as a paragraph holding a no-break space.
  return b.runs.length === 0 || blockText(b.runs).trim() === '' ? '<p>&nbsp;</p>' : `<p>${inline(b.runs)}</p>`;
}

const PRINT_CSS = `
  body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 12pt; line-height: 1.7; margin: 0; }
  .article p { text-indent: 2em; margin: 0; }
  .article h1, .article h2, .article h3, .article h4, .article h5, .article h6 { font-size: 13pt; margin: 6pt 0; }
  .article table { border-collapse: collapse; width: 100%; font-size: 10.5pt; margin: 4pt 0; }
  .article td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }
  @page { size: A4; margin: 25mm 22mm; }
  @media print { .furniture, header, nav, footer { display: none !important; } }
`;

function html5Page(title: string, article: string, charset: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="${charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="ArticleTitle" content="${esc(title)}">
<title>${esc(title)}_广东省人民政府门户网站</title>
<style>${PRINT_CSS}</style>
<script>var _hmt = _hmt || []; (function(){ var s = document.createElement("script"); s.src = "https://hm.example.gov.cn/hm.js"; })();</script>
</head>
<body>
<header class="site-header">
  <a class="logo" href="/"><img src="/images/logo.png" alt="广东省人民政府门户网站"></a>
  <span class="site-name">广东省人民政府门户网站</span>
  <form class="search" action="/search"><input name="q" placeholder="请输入关键词"><button>搜索</button></form>
  <div class="links"><a href="/en">English</a> | <a href="/wza">无障碍</a> | <a href="/m">手机版</a></div>
</header>
<nav class="main-nav">
  <ul><li><a href="/">首页</a></li><li><a href="/gdyw">要闻动态</a></li><li><a href="/zwgk">政务公开</a></li>
  <li><a href="/hdjl">互动交流</a></li><li><a href="/zwfw">政务服务</a></li><li><a href="/zjgd">走进广东</a></li></ul>
</nav>
<div class="breadcrumb furniture">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/zwgk/wjk">政策文件</a> &gt; 正文</div>
<main>
<article>
<div class="article" id="zoom">
${article}
</div>
<div class="article-tools furniture">【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】 <a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a> 分享到：<a href="#">微信</a> <a href="#">微博</a></div>
</article>
</main>
<footer class="site-footer">
  <p><a href="/about">关于本网</a> | <a href="/sitemap">网站地图</a> | <a href="/contact">联系我们</a></p>
  <p>主办：广东省人民政府办公厅 承办：南方网 版权所有</p>
  <p>网站标识码：4400000064 粤ICP备05070829号 粤公网安备 44010402001234号</p>
</footer>
</body>
</html>
`;
}

function cmsPage(title: string, article: string, charset: string): string {
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}" />
<title>${esc(title)}</title>
<style type="text/css">${PRINT_CSS}</style>
</head>
<body>
<div class="top furniture"><div class="logo"><img src="../../images/logo.gif" alt="广东省人民政府" /></div>
  <div class="topbar">今天是：<script type="text/javascript">document.write(new Date().toLocaleDateString());</script> <a href="#">设为首页</a> <a href="#">加入收藏</a></div></div>
<div id="nav" class="furniture"><ul>
  <li><a href="/">首 页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li><li><a href="/gzhd/">公众互动</a></li>
</ul></div>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td class="position furniture">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/zwgk/">政务公开</a> &gt;&gt; <a href="/zwgk/gongbao/">政府公报</a></td></tr>
<tr><td>
<div class="TRS_Editor"><div class="Custom_UnionStyle">
${article}
</div></div>
</td></tr>
</table>
<div class="footer furniture">
<p>版权所有：广东省人民政府办公厅 &nbsp; 地址：广州市越秀区府前路1号 &nbsp; 邮编：510031</p>
<p>ICP备案编号：粤ICP备05070829号</p>
</div>
</body>
</html>
`;
}

/** The page as a string (UTF-8 pages declare utf-8; a cms page can declare gb2312). */
export function htmlOf(blocks: readonly Block[], opts: { layout?: HtmlLayout; charset?: 'utf-8' | 'gb2312'; title?: string } = {}): string {
  const layout = opts.layout ?? 'html5';
  const charset = opts.charset ?? 'utf-8';
  const article = blocks.map(blockHtml).join('\n');
  const title = opts.title ?? '';
  return layout === 'html5' ? html5Page(title, article, charset) : cmsPage(title, article, charset);
}

/**
 * The bytes a server sends for the page: UTF-8, or GBK for a gb2312 page (browsers and CMSs
 * read gb2312 as GBK), with characters GBK cannot encode written as numeric references.
 */
export function htmlBytes(page: string, charset: 'utf-8' | 'gb2312'): Uint8Array {
  if (charset === 'utf-8') return new TextEncoder().encode(page);
  const encodable = new Map<string, boolean>();
  let safe = '';
  for (const ch of page) {
    let ok = encodable.get(ch);
    if (ok === undefined) {
      ok = iconv.decode(iconv.encode(ch, 'gbk'), 'gbk') === ch;
      encodable.set(ch, ok);
    }
    safe += ok ? ch : `&#${ch.codePointAt(0)};`;
  }
  return new Uint8Array(iconv.encode(safe, 'gbk'));
}
