// What each converter must get right for a plan to read the same from any container: the lines
// and sentences here are from the sample plans; the page furniture is what government sites put
// around them. (Whole plans in every format: test/formats.test.ts.)
import { describe, expect, it } from 'vitest';
import { continuedLines } from './converters/pdf-layout';
import { itemsToLines, type PdfLine } from './converters/pdf';
import { ingestBytes, sourceSpan } from './index';
import { styledBlocks } from './testing/blocks';
import { buildDocx, wPara } from './testing/build';
import { docxOf } from './testing/docx-writer';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const page = (body: string): string => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>粤西</title></head><body>${body}</body></html>`;

describe('HTML', () => {
  it('a paragraph indented with ideographic spaces is text, not layout whitespace (000: 　　　　一、发展背景)', async () => {
    const pt = await ingestBytes(enc(page('<p>前　言</p><p>　　　　一、发展背景</p><p>　　（一）发展基础。 </p>')), '粤西.html');
    expect(pt.text).toBe('前言\n一、发展背景\n（一）发展基础。');
  });

  it('site furniture goes: banner, menu, breadcrumb, tool bar, footer (HTML5 elements and class names)', async () => {
    const html = page(
      '<header><span>广东省人民政府门户网站</span></header><nav><ul><li>首页</li><li>政务公开</li></ul></nav>' +
        '<div class="breadcrumb">当前位置：首页 &gt; 政策文件</div>' +
        '<article><header><h1>粤西地区经济社会发展规划纲要（2011—2015年）</h1></header>' +
        '<p>粤西地区包括湛江、茂名、阳江三个地级市。</p></article>' +
        '<div class="article-tools">【字体：大 中 小】 打印本页</div>' +
        '<div id="footer"><p>主办：广东省人民政府办公厅</p></div>',
    );
    const pt = await ingestBytes(enc(html), 'content.html');
    // The article's own <header> (the title) stays; the site's goes.
    expect(pt.text).toBe('# 粤西地区经济社会发展规划纲要（2011—2015年）\n粤西地区包括湛江、茂名、阳江三个地级市。');
    expect(pt.repairs.find((r) => r.rule === 'html-converted')?.message).toMatch(/site furniture <nav> dropped/);
  });

  it('a class name of furniture on the element holding the whole article does not drop the article', async () => {
    const body = '<p>粤西地区包括湛江、茂名、阳江三个地级市。</p>'.repeat(5);
    const pt = await ingestBytes(enc(page(`<div class="main-nav-wrapper">${body}</div><div class="nav">首页</div>`)), 'a.html');
    expect(pt.text.split('\n')).toHaveLength(5);
    expect(pt.text).not.toContain('首页');
  });

  it('an article in a layout table reads as paragraphs; a data table inside it still gives tab-separated rows', async () => {
    const paragraphs = Array.from({ length: 25 }, (_, i) => `<p>第${i + 1}段。</p>`).join('');
    const html = page(
      `<table width="1000"><tr><td class="position">您现在的位置：首页</td></tr><tr><td>${paragraphs}` +
        '<table border="1"><tr><td>一、高速铁路</td><td>广湛高铁、合湛高铁等新建工程。</td></tr></table></td></tr></table>',
    );
    const pt = await ingestBytes(enc(html), 'a.htm');
    const lines = pt.text.split('\n');
    expect(lines.slice(0, 2)).toEqual(['第1段。', '第2段。']);
    expect(lines).toHaveLength(26);
    expect(lines[25]).toBe('一、高速铁路\t广湛高铁、合湛高铁等新建工程。');
  });

  it('a heading without numbering of its own keeps its heading style as a # mark (inserted: it maps to no source)', async () => {
    const pt = await ingestBytes(enc(page('<h1>江门市西部发展区发展战略规划</h1><h2>（2019—2035年）</h2><h2>一、基础条件和发展环境</h2>')), 'a.html');
    expect(pt.text).toBe('# 江门市西部发展区发展战略规划\n## （2019—2035年）\n一、基础条件和发展环境');
    expect(sourceSpan(pt, 0, 2).text).toBe('');
    expect(sourceSpan(pt, 2, 5).text).toBe('江门市');
  });

  it('gb2312 page bytes decode (GBK), numeric references for characters outside GBK', async () => {
    const iconv = (await import('iconv-lite')).default;
    const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>湛江、茂名、阳江三市&#8226;粤西</p></body></html>';
    const pt = await ingestBytes(new Uint8Array(iconv.encode(html, 'gbk')), 'a.htm');
    expect(pt.encoding).toBe('gb18030');
    expect(pt.text).toBe('湛江、茂名、阳江三市•粤西');
  });
});

describe('DOCX', () => {
  it('a Word tab inside a paragraph stays a tab (a hand-made table row)', async () => {
    const docx = buildDocx('<w:p><w:r><w:t>第一节</w:t></w:r><w:r><w:tab/><w:t>主动融入粤港澳大湾区建设.....</w:t><w:tab/><w:t>44</w:t></w:r></w:p>');
    expect((await ingestBytes(docx, 'a.docx')).text).toBe('第一节\t主动融入粤港澳大湾区建设.....\t44');
  });

  it('Markdown pasted into Word, a paragraph per line, is read as Markdown (003: # headings, pipe tables)', async () => {
    const docx = buildDocx(
      ['# 江门市西部发展区发展战略规划', '# 目 录', '|    |    |', '|----|----|', '| 一、基础条件和发展环境..... | 1 |', '## **五、加快推动基础设施互联互通**'].map(wPara).join(''),
    );
    const pt = await ingestBytes(docx, 'a.docx');
    expect(pt.text).toContain('一、基础条件和发展环境.....\t1');
    expect(pt.text).toContain('## 五、加快推动基础设施互联互通');
    expect(pt.text).not.toMatch(/\||\*\*/);
  });

  it('heading styles (WPS numeric style ids, "heading 1") read like the Markdown the .txt has', async () => {
    const docx = docxOf(styledBlocks('# 江门市西部发展区发展战略规划\n## （2019—2035年）\n## 一、基础条件和发展环境\n国际政治经济格局呈现大发展大变革大调整新态势。'), { flavour: 'wps' });
    const pt = await ingestBytes(docx, 'a.docx');
    expect(pt.text).toBe('# 江门市西部发展区发展战略规划\n## （2019—2035年）\n一、基础条件和发展环境\n国际政治经济格局呈现大发展大变革大调整新态势。');
  });
});

describe('PDF layout', () => {
  /** A line of 12pt text at the left margin 62 running to the right edge 520 unless `x1` is given. */
  const line = (text: string, y: number, x0 = 62, x1 = 520, size = 12, starts: number[] = [x0]): PdfLine => ({ text, x0, x1, y, size, starts });

  it('a line running to the right edge is continued by a line at the left edge; an indented line starts a paragraph', () => {
    const lines = [
      line('具备优良的自然资源禀赋。湛茂都市圈北部多山地丘陵，南部以滨海台地和平原为', 700, 86),
      line('主，是全省土地资源最为丰富的区域。', 680, 62, 300),
      line('初步建成现代化临港重化产业基地。湛茂都市圈深水港条件优越，湛江港是全国沿', 660, 86),
      line('海 12 个战略枢纽港之一，拥有华南地区唯一通航 40 万吨航道和港口，茂名港拥有全', 640),
      line('国最大的海上单点系泊。', 620, 62, 200),
    ];
    expect(continuedLines([lines])).toEqual([[true, false, true, true, false]]);
  });

  it('a wrapped line may end in 。 or begin with 第四节 when a whole chapter is one paragraph (002)', () => {
    const lines = [line('…创造了良好环境。', 700), line('第四节发展目标到2020年，综合实力显著增强，区域一体化发展水平明显提升，支撑西', 680), line('南、中南地区开放发展的能力显著提高。', 660, 62, 300)];
    expect(continuedLines([lines])[0].slice(0, 2)).toEqual([true, true]);
  });

  it('not continued: into a heading set larger, after extra space, or a short numbered line after a sentence', () => {
    const larger = [line('化州独立储能项目（一期）。', 700), line('第三节 建立稳定水安全保障体系', 680, 62, 250, 13)];
    const spaced = [line('化州独立储能项目（一期）。', 700), line('第三节 建立稳定水安全保障体系', 660, 62, 250)];
    const sameSize = [line('化州独立储能项目（一期）。', 700), line('第三节 建立稳定水安全保障体系', 680, 62, 250), line('协同推进一体化水利基础设施建设。', 660, 86, 300)];
    expect(continuedLines([larger])[0][0]).toBe(false);
    expect(continuedLines([spaced, [line('正文', 700), line('正文', 680)]])[0][0]).toBe(false);
    expect(continuedLines([sameSize])[0][0]).toBe(false);
  });

  it('across a page break, past the page number', () => {
    const p1 = [line('南部以滨海台地和平原为主，是全省土地资源最为丰富的区域，同', 700), line('- 1 -', 60, 280, 310, 9)];
    const p2 = [line('时具备良好的开发建设和农业生产条件。', 760, 62, 300)];
    expect(continuedLines([p1, p2])).toEqual([[true, false], [false]]);
  });

  it('the last cell of a table row wrapping onto the next line, under it', () => {
    const row = line('一、高速铁路 广湛高铁、合湛高铁、深南高铁与广湛高铁茂名至岑溪', 480, 51, 520, 10, [51, 123.5]);
    const rest = line('连接线、湛江至海口高铁新建工程。', 464, 123.5, 300, 10);
    expect(continuedLines([[row, rest]])[0][0]).toBe(true);
  });

  const item = (str: string, x: number, y: number, width = 12 * str.length) => ({ str, transform: [12, 0, 0, 12, x, y], width, height: 12 });

  it('cells of a table: a narrow gap is a cell boundary where two more rows have one at the same place', () => {
    const rows = ['一、基础条件和发展环境.....', '(一) 基础条件.....', '(二) 发展环境.....'].map((t, i) => [item(t, 62, 700 - 20 * i, 300), item(String(i + 1), 372, 700 - 20 * i, 7)]);
    expect(itemsToLines(rows.flat()).map((l) => l.text)).toEqual(['一、基础条件和发展环境.....\t1', '(一) 基础条件.....\t2', '(二) 发展环境.....\t3']);
  });

  it('…but 目　录 over 前　言 (letter spacing lining up) is not a table', () => {
    const lines = itemsToLines([item('目', 280, 700), item('录', 304, 700), item('前', 280, 680), item('言', 304, 680)]);
    expect(lines.map((l) => l.text)).toEqual(['目录', '前言']);
  });
});
