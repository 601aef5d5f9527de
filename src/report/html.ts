// The report as one self-contained, print-ready HTML page: A4 with the GB/T 9704 margins (上37 下35
// 左28 右26 mm), 公文-like type (标题小标宋, 正文仿宋三号, 标题黑体; Noto CJK where those are not
// installed), tables with a repeated header row, the charts as inline SVG. Every text is escaped.
import { renderChartSvg } from './charts';
import { layout, type Block } from './layout';
import type { ReportModel } from './model';

export const FONTS = {
  // 小标宋 where installed, else 黑体 (Noto Sans CJK): the title needs a heavy face, and a bold Noto Serif would be one more
  // font for Chromium to convert into a Type 3 font (each CJK face costs about a second of printing here).
  title: '"方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "黑体", "SimHei", "Noto Sans CJK SC", sans-serif',
  body: '"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", serif',
  heading: '"黑体", "SimHei", "STHeiti", "Noto Sans CJK SC", sans-serif',
  kai: '"楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "Noto Serif CJK SC", serif',
};

const CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 156mm; font-family: ${FONTS.body}; font-size: 16pt; line-height: 1.75; color: #000; }
h1 { font-family: ${FONTS.title}; font-size: 22pt; font-weight: normal; text-align: center; line-height: 1.5; margin: 0 0 6pt; }
.subtitle { font-family: ${FONTS.kai}; text-align: center; text-indent: 0; margin: 0; }
.meta { font-size: 12pt; text-align: center; text-indent: 0; color: #333; margin: 6pt 0 18pt; }
.meta .item { white-space: nowrap; }
h2 { font-family: ${FONTS.heading}; font-size: 16pt; font-weight: normal; margin: 16pt 0 6pt; page-break-after: avoid; }
p { text-indent: 2em; margin: 0 0 6pt; text-align: justify; }
p.none { text-indent: 2em; }
table { width: 100%; border-collapse: collapse; font-size: 9pt; line-height: 1.4; margin: 4pt 0 12pt; page-break-inside: auto; }
p.caption { font-family: ${FONTS.heading}; font-size: 12pt; text-align: center; text-indent: 0; margin: 8pt 0 2pt; break-after: avoid; page-break-after: avoid; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
th { font-family: ${FONTS.heading}; font-weight: normal; background: #e8e8e8; }
th, td { border: 0.5pt solid #000; padding: 2pt 3pt; vertical-align: top; white-space: pre-line; overflow-wrap: anywhere; }
td.num { text-align: center; }
figure { margin: 8pt 0 12pt; page-break-inside: avoid; text-align: center; }
figure svg { width: 100%; height: auto; }
figcaption { font-family: ${FONTS.heading}; font-size: 12pt; }
ol.sources { list-style: none; padding: 0; font-size: 10.5pt; line-height: 1.5; }
ol.sources li { margin-bottom: 3pt; }
`;

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function renderHtml(m: ReportModel): string {
  const body = layout(m).map(block).join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="generator" content="PlanAtlas 规划图谱">
<title>${esc(m.title)}</title>
<style>${CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `<h1>${esc(b.text)}</h1>`;
    case 'subtitle':
      return `<p class="subtitle">${esc(b.text)}</p>`;
    case 'meta':
      // items kept whole on a line (评估截至2015年 never splits before 年)
      return `<p class="meta">${b.text.split('　').map((t) => `<span class="item">${esc(t)}</span>`).join('　')}</p>`;
    case 'heading':
      return `<h2>${esc(b.text)}</h2>`;
    case 'para':
      return `<p>${esc(b.text)}</p>`;
    case 'table': {
      const total = b.widths.reduce((a, w) => a + w, 0);
      const cols = b.widths.map((w) => `<col style="width:${((w / total) * 100).toFixed(1)}%">`).join('');
      const head = b.headers.map((h) => `<th>${esc(h)}</th>`).join('');
      const rows = b.rows.map((r) => `<tr>${r.map((c, i) => `<td${i === 0 ? ' class="num"' : ''}>${esc(c)}</td>`).join('')}</tr>`).join('\n');
      return `<p class="caption">${esc(b.caption)}</p>\n<table><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
    }
    case 'chart':
      // ECharts escapes the texts it writes into the SVG.
      return `<figure>${renderChartSvg(b.spec)}<figcaption>${esc(b.caption)}</figcaption></figure>`;
    case 'sources':
      return `<ol class="sources">${b.items.map((s) => `<li>${esc(s)}</li>`).join('')}</ol>`;
  }
}
