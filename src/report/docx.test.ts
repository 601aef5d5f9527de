// The 粤西 report as DOCX: a Word package whose document holds the title, the 公文 fonts, the
// GB/T 9704 margins and the target table; the charts as SVG with PNG fallbacks where Chromium is.
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../browser/chromium';
import { renderDocx } from './docx';
import { buildReportModel } from './model';
import { yuexiReportInput } from './testing/yuexi';

const model = buildReportModel(await yuexiReportInput(2015));

function unpack(docx: Buffer) {
  const files = unzipSync(new Uint8Array(docx));
  return { files, document: strFromU8(files['word/document.xml']), fonts: strFromU8(files['word/fontTable.xml']) };
}

describe('the report as DOCX', async () => {
  const docx = await renderDocx(model, { charts: false });
  const { files, document, fonts } = unpack(docx);
  const text = [...document.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

  it('holds the title, the summary and every section', () => {
    expect(text).toContain('《粤西地区经济社会发展规划纲要（2011—2015年）》实施情况评估报告');
    expect(text).toContain(model.summary);
    for (const h of ['一、总体判断', '二、目标指标进展', '三、重点任务推进情况', '四、重大项目进展', '五、数据缺口', '六、数据来源']) expect(text).toContain(h);
  });

  it('reads back with another DOCX reader (mammoth): the title as text, the tables as tables', async () => {
    const { value: html, messages } = await mammoth.convertToHtml({ buffer: docx });
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    expect(html).toContain('实施情况评估报告');
    expect(html.match(/<table>/g)!.length).toBe(3);
    expect(html).toContain('<td><p>6340亿元</p></td>');
  });

  it('names the 公文 fonts for East-Asian text, with Noto CJK as their alternatives', () => {
    expect(document).toContain('w:eastAsia="仿宋_GB2312"');
    expect(document).toContain('w:eastAsia="黑体"');
    expect(document).toContain('w:eastAsia="方正小标宋简体"');
    expect(fonts).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="Noto Serif CJK SC"\/>/);
    expect(fonts).toMatch(/<w:font w:name="黑体"><w:altName w:val="Noto Sans CJK SC"\/>/);
    expect(document).toMatch(/<w:sz w:val="32"\/>/); // 三号 16 pt
    expect(document).toMatch(/<w:sz w:val="44"\/>/); // 二号 22 pt
  });

  it('is A4 with the GB/T 9704 margins and page numbers', () => {
    expect(document).toMatch(/<w:pgSz w:w="1190[56]" w:h="1683[78]"/);
    expect(document).toMatch(/<w:pgMar w:top="209[78]" w:right="147[34]" w:bottom="198[34]" w:left="158[78]"/);
    expect(strFromU8(files['word/footer1.xml'])).toContain('PAGE');
  });

  it('has the target table with a repeated header row and a row per target', () => {
    const tables = document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!;
    expect(tables.length).toBe(3); // counts, targets, gaps: no tasks or projects
    const targets = tables.find((t) => t.includes('序时进度应达'))!;
    expect(targets).toContain('<w:tblHeader/>');
    expect(targets.match(/<w:tr>|<w:tr /g)!.length).toBe(model.targets.length + 1);
    for (const t of model.targets) expect(targets).toContain(t.indicator);
    expect(targets).toContain('6075.66亿元');
    expect(text).toContain('（暂无）');
  });

  it('says the charts are left out when they are', () => {
    expect(text).toContain(`${model.charts.length}幅目标路径图未嵌入本文档`);
    expect(Object.keys(files).some((f) => f.startsWith('word/media/'))).toBe(false);
  });

  it.skipIf(!hasChromium)('embeds each chart as SVG with a PNG fallback', async () => {
    const { files, document } = unpack(await renderDocx(model));
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
    expect(media.filter((f) => f.endsWith('.svg')).length).toBe(model.charts.length);
    const pngs = media.filter((f) => f.endsWith('.png'));
    expect(pngs.length).toBe(model.charts.length);
    expect([...files[pngs[0]].slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]); // "PNG"
    expect(files[pngs[0]].length).toBeGreaterThan(10_000);
    expect(document).toContain('asvg:svgBlip');
    expect(document).not.toContain('未嵌入本文档');
  });
});
