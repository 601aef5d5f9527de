// Bytes in: formats, encodings, and every way a file can be refused. Each refusal must carry
// its code and name the file in the message.
import iconv from 'iconv-lite';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { IngestError, ingestBytes, sniffFormat, sourceSpan, type IngestErrorCode } from './index';
import { buildDocx, fixture, imageOnlyPdf, lieAboutSize, samplePlan, wPara, wTable } from './testing/build';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** 001, 第一节 发展基础: real sentences used throughout. */
const SENTENCE = '湛茂都市圈区位、土地及海洋资源等条件优越，产业发展势头良好，文化多元融合，发展建设基础较好。';
const PARAGRAPH = '湛茂都市圈位于广东省西南部沿海，是广东省沿海经济带的重要组成部分。湛茂都市圈包括湛江、茂名两市全域，土地总面积 2.47 万平方公里。';

async function refusal(p: Promise<unknown>): Promise<IngestError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(IngestError);
    return err as IngestError;
  }
  throw new Error('expected an IngestError');
}

async function expectRefused(bytes: Uint8Array, fileName: string, code: IngestErrorCode, reason: RegExp, opts?: Parameters<typeof ingestBytes>[2]): Promise<IngestError> {
  const err = await refusal(ingestBytes(bytes, fileName, opts));
  expect(err.code).toBe(code);
  expect(err.fileName).toBe(fileName);
  expect(err.message.startsWith(`${fileName}: `)).toBe(true);
  expect(err.message).toMatch(reason);
  return err;
}

describe('refusals', () => {
  it('empty file', async () => {
    await expectRefused(new Uint8Array(0), '湛江.txt', 'empty', /empty \(0 bytes\)/);
  });

  it('whitespace-only file', async () => {
    await expectRefused(enc('\u3000\u3000\r\n \n\t\n'), '湛江.txt', 'empty', /only whitespace/);
  });

  it('binary junk named .txt', async () => {
    let x = 12345;
    const junk = new Uint8Array(4096).map(() => ((x = (x * 1103515245 + 12345) >>> 0) >>> 24) & 0xff);
    await expectRefused(junk, '规划.txt', 'binary', /not text \(\d+ NUL bytes/);
  });

  it('a PNG (a scan) named .txt', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expectRefused(png, '规划.txt', 'binary', /PNG image.*OCR is not supported/);
  });

  it('an old .doc (OLE2) is unsupported, with what to do', async () => {
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expectRefused(doc, '规划.doc', 'unsupported', /save it as \.docx/);
  });

  it('bytes that are neither UTF-8 nor GB18030: names the byte offset', async () => {
    // UTF-8 with one byte lost in the middle of 茂 (E8 8C 82 → E8 82): a damaged copy.
    const good = enc(SENTENCE);
    const at = good.indexOf(0x8c);
    const bad = new Uint8Array([...good.subarray(0, at), ...good.subarray(at + 1)]);
    const err = await expectRefused(bad, '湛茂.txt', 'encoding', /first invalid sequence at byte offset \d+/);
    expect(err.message).toContain(`byte offset ${at - 1}`);
  });

  it('file over the size limit, before any decoding', async () => {
    await expectRefused(enc(samplePlan('001')), '001.txt', 'too-large', /over the 1\.0 KB limit.*maxBytes/, { maxBytes: 1024 });
  });

  it('DOCX that is a renamed ZIP of something else', async () => {
    const zip = zipSync({ 'data/indicators.csv': strToU8('指标,2020年\n地区生产总值,7617\n') });
    await expectRefused(zip, '规划.docx', 'not-docx', /ZIP archive but not a Word document \(no word\/document\.xml/);
  });

  it('an OFD (版式文档) is recognised and named', async () => {
    const ofd = zipSync({ 'OFD.xml': strToU8('<ofd:OFD/>') });
    await expectRefused(ofd, '规划.docx', 'not-docx', /OFD document.*export it as PDF/);
  });

  it('corrupt DOCX (truncated archive)', async () => {
    const docx = buildDocx(wPara(SENTENCE));
    await expectRefused(docx.subarray(0, Math.floor(docx.length * 0.6)), '规划.docx', 'corrupt-docx', /damaged ZIP\/DOCX/);
  });

  it('DOCX zip bomb by declared size', async () => {
    // 4 MB of spaces compress to a few KB (~1000:1).
    const docx = buildDocx(wPara(SENTENCE) + wPara(' '.repeat(4 * 1024 * 1024)));
    await expectRefused(docx, '规划.docx', 'zip-bomb', /compressed \d+:1.*ZIP bomb/);
    await expectRefused(docx, '规划.docx', 'zip-bomb', /over the 1\.0 MB limit/, { maxExpandedBytes: 1024 * 1024 });
  });

  it('DOCX zip bomb that lies about its sizes is caught while inflating', async () => {
    const docx = lieAboutSize(buildDocx(wPara(SENTENCE) + wPara(' '.repeat(3 * 1024 * 1024))), 'word/document.xml', 2048);
    await expectRefused(docx, '规划.docx', 'zip-bomb', /expands past the 1\.0 MB limit while unpacking word\/document\.xml.*sizes in the archive are false/, {
      maxExpandedBytes: 1024 * 1024,
    });
  });

  it('corrupt PDF', async () => {
    const junk = enc('%PDF-1.7\n' + '乱码'.repeat(200) + '\n%%EOF\n');
    await expectRefused(junk, '湛江.pdf', 'corrupt-pdf', /damaged/);
  });

  it('truncated PDF', async () => {
    const pdf = fixture('zhanmao-3pages.pdf');
    await expectRefused(pdf.subarray(0, Math.floor(pdf.length / 2)), '湛江.pdf', 'corrupt-pdf', /truncated/);
  });

  it('PDF without a text layer (an image only)', async () => {
    await expectRefused(imageOnlyPdf(), '湛江.pdf', 'no-text-layer', /no text layer .*\(scanned images\?\)\. OCR is not supported; convert it to text first\./);
  });
});

describe('encodings', () => {
  it('GBK/GB18030 without BOM is detected and decoded', async () => {
    const pt = await ingestBytes(new Uint8Array(iconv.encode(PARAGRAPH, 'gbk')), 'gbk.txt');
    expect(pt.encoding).toBe('gb18030');
    expect(pt.bom).toBe(false);
    expect(pt.text).toBe(PARAGRAPH);
  });

  it('UTF-16 LE and BE with BOM', async () => {
    for (const [label, encoding] of [
      ['utf16le', 'utf-16le'],
      ['utf16be', 'utf-16be'],
    ] as const) {
      const bytes = new Uint8Array(iconv.encode(PARAGRAPH, label, { addBOM: true }));
      expect(bytes[0]).toBe(label === 'utf16le' ? 0xff : 0xfe);
      const pt = await ingestBytes(bytes, `${label}.txt`);
      expect(pt.encoding).toBe(encoding);
      expect(pt.bom).toBe(true);
      expect(pt.text).toBe(PARAGRAPH);
    }
  });

  it('UTF-16 LE without BOM, by the pattern of NUL bytes', async () => {
    const text = `第一节 发展基础\r\n${SENTENCE}\r\n到 2030 年，常住人口城镇化率达到约 57%。\r\n`;
    const pt = await ingestBytes(new Uint8Array(iconv.encode(text, 'utf16le')), 'u16.txt');
    expect(pt.encoding).toBe('utf-16le');
    expect(pt.bom).toBe(false);
    expect(pt.text).toBe(`第一节 发展基础\n${SENTENCE}\n到 2030 年，常住人口城镇化率达到约 57%。`);
  });

  it('UTF-8 with BOM: recorded, not part of the text', async () => {
    const pt = await ingestBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(SENTENCE)]), 'bom.txt');
    expect(pt).toMatchObject({ encoding: 'utf-8', bom: true, text: SENTENCE, source: SENTENCE });
  });
});

describe('formats', () => {
  it('sniffs by content, not by name', () => {
    expect(sniffFormat(fixture('zhanmao-3pages.pdf'), 'plan.docx')).toBe('pdf');
    expect(sniffFormat(buildDocx(wPara(SENTENCE)), 'plan.pdf')).toBe('docx');
    expect(sniffFormat(enc(`<!DOCTYPE html><html><body><p>${SENTENCE}</p></body></html>`), 'plan.txt')).toBe('html');
    // 001 has a few stray <p> tags but is plain text.
    expect(sniffFormat(enc(samplePlan('001')), '001.txt')).toBe('txt');
    expect(sniffFormat(enc(`# 湛茂都市圈发展规划\n\n## 第一章 发展背景\n\n${SENTENCE}\n`), 'plan.txt')).toBe('md');
    expect(sniffFormat(enc(SENTENCE), 'notes.md')).toBe('md');
    expect(() => sniffFormat(zipSync({ 'a.txt': strToU8('x') }), 'a.docx')).toThrow(/not a Word document/);
    expect(() => sniffFormat(new Uint8Array([1, 0, 2, 0, 0, 0, 3, 250, 0, 7]), 'a.txt')).toThrow(/not text/);
  });

  it('DOCX: paragraphs become lines, table rows become tab-separated lines', async () => {
    const docx = buildDocx(
      wPara('第一节 发展基础') +
        wPara(SENTENCE) +
        wPara('专栏1 轨道网重点工程') +
        wTable([
          ['一、高速铁路', '广湛高铁、合湛高铁、深南高铁与广湛高铁茂名至岑溪连接线、湛江至海口高铁新建工程。'],
          ['二、普速铁路', '湛江宝满港区铁路专用线、铁路茂名港铁路博贺新港区专用线等疏港铁路新建工程。'],
        ]),
    );
    const pt = await ingestBytes(docx, '湛茂都市圈发展规划.docx');
    expect(pt.format).toBe('docx');
    expect(pt.encoding).toBeNull();
    expect(pt.text).toBe(
      [
        '第一节 发展基础',
        SENTENCE,
        '专栏1 轨道网重点工程',
        '一、高速铁路\t广湛高铁、合湛高铁、深南高铁与广湛高铁茂名至岑溪连接线、湛江至海口高铁新建工程。',
        '二、普速铁路\t湛江宝满港区铁路专用线、铁路茂名港铁路博贺新港区专用线等疏港铁路新建工程。',
      ].join('\n'),
    );
  });

  it('PDF with a Chinese text layer: lines, pages, header and page numbers handled', async () => {
    const pt = await ingestBytes(fixture('zhanmao-3pages.pdf'), '湛茂都市圈发展规划.pdf');
    expect(pt.format).toBe('pdf');
    expect(pt.text).toBe(
      [
        '第一章 发展背景',
        '第一节 发展基础',
        SENTENCE,
        '具备优良的自然资源禀赋。湛茂都市圈北部多山地丘陵，南部以滨海台地和平原为主，是全省土地资源最为丰富的区域，同时具备良好的开发建设和农业生产条件。海洋资源优势突出，大陆海岸线总长 1425.8 公里，占全省大陆海岸线总长的 34.65%，拥有多处优越的建港深水岸线，亚热带滨海风光独特，海洋渔业资源丰富。',
        '第二节 存在问题',
        '尽管湛茂都市圈具备较好的发展基础，但仍存在一些亟待解决的问题。',
        '专栏1 轨道网重点工程',
        '一、高速铁路 广湛高铁、合湛高铁、深南高铁与广湛高铁茂名至岑溪连接线、湛江至海口高铁新建工程。',
        '二、普速铁路 湛江宝满港区铁路专用线、铁路茂名港铁路博贺新港区专用线等疏港铁路新建工程。',
      ].join('\n'),
    );
    const rules = new Set(pt.repairs.map((r) => r.rule));
    expect(rules).toEqual(new Set(['page-number-removed', 'line-join', 'cjk-unified', 'whitespace']));
    // The source keeps what the PDF said, radicals and all.
    const h = pt.text.indexOf('第一章');
    expect(sourceSpan(pt, h, h + 3).text).toBe('第⼀章');
  });

  it('HTML: tags stripped, blocks → lines, entities decoded, script/style dropped; spans reach the HTML', async () => {
    const html = `<!DOCTYPE html><html><head><title>湛茂都市圈发展规划</title><style>p{margin:0}</style></head>
<body><script>var x = "<p>不是正文</p>";</script>
<h2>第一节&nbsp;发展基础</h2>
<p>湛茂都市圈区位、土地及海洋资源等条件优越，
产业发展势头良好，文化多元融合，发展建设基础较好。</p>
<table><tr><td>一、高速铁路</td><td>广湛高铁、合湛高铁等新建工程。</td></tr></table>
<p>到2030年，常住人口城镇化率达到约57&#37;。</p></body></html>`;
    const pt = await ingestBytes(enc(html), '规划.html');
    expect(pt.format).toBe('html');
    expect(pt.text).toBe(['第一节 发展基础', SENTENCE, '一、高速铁路\t广湛高铁、合湛高铁等新建工程。', '到2030年，常住人口城镇化率达到约57%。'].join('\n'));
    const at = pt.text.indexOf('良好');
    expect(sourceSpan(pt, at - 2, at + 2).text).toBe('势头良好');
    const pct = pt.text.indexOf('%');
    expect(sourceSpan(pt, pct, pct + 1).text).toBe('&#37;');
  });

  it('Markdown: # headings kept as lines, emphasis and links stripped', async () => {
    const md = `# 湛茂都市圈发展规划\n\n## 第一节 发展基础\n\n湛茂都市圈区位、**土地及海洋资源**等条件优越，产业发展势头良好，[文化多元融合](https://example.org)，发展建设基础较好。\n\n| 工程 | 内容 |\n|---|---|\n| 一、高速铁路 | 广湛高铁 |\n`;
    const pt = await ingestBytes(enc(md), '规划.md');
    expect(pt.format).toBe('md');
    expect(pt.text).toBe(['# 湛茂都市圈发展规划', '', '## 第一节 发展基础', '', SENTENCE, '', '工程\t内容', '一、高速铁路\t广湛高铁'].join('\n'));
  });

  it('Markdown: a YAML front matter at the top is kept as it is (not a rule and a setext heading)', async () => {
    const md = `---\n标题: 《湛茂都市圈发展规划》\n文号: -\n发布单位: 广东省人民政府\n官方链接: https://www.example.gov.cn/a?id=1\n---\n\n# 湛茂都市圈发展规划\n\n${SENTENCE}\n`;
    const pt = await ingestBytes(enc(md), '规划.md');
    expect(pt.text).toBe(['---', '标题: 《湛茂都市圈发展规划》', '文号: -', '发布单位: 广东省人民政府', '官方链接: https://www.example.gov.cn/a?id=1', '---', '', '# 湛茂都市圈发展规划', '', SENTENCE].join('\n'));
  });

  it('warns when the name and the content disagree', async () => {
    const pt = await ingestBytes(buildDocx(wPara(SENTENCE)), 'plan.pdf');
    expect(pt.format).toBe('docx');
    expect(pt.warnings.join(' ')).toMatch(/name says \.pdf but the content is DOCX/);
  });
});
