// The report as a DOCX in 公文-like layout (GB/T 9704): A4, margins 上37 下35 左28 右26 mm, the
// title in 方正小标宋简体 二号, headings in 黑体 三号, the body in 仿宋_GB2312 三号 at a fixed 28-point
// line, tables in 仿宋 小五 with a repeated header row, "- N -" page numbers. Every run names its
// East-Asian font; the font table names Noto CJK as the alternative where those are not installed.
// Charts go in as SVG with a PNG fallback rasterised by Chromium; without Chromium they are left
// out and the document says so.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import {
  AlignmentType,
  convertMillimetersToTwip,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { Browser } from 'playwright-core';
import { hasChromium } from '../browser/chromium';
import { renderChartSvg } from './charts';
import { layout, type Block } from './layout';
import type { ReportModel } from './model';
import { svgsToPng } from './raster';

/** The fonts a 公文 asks for, and what stands in for each where it is missing (Debian's fonts-noto-cjk). */
export const DOCX_FONTS = {
  title: { name: '方正小标宋简体', alt: 'Noto Sans CJK SC' },
  heading: { name: '黑体', alt: 'Noto Sans CJK SC' },
  body: { name: '仿宋_GB2312', alt: 'Noto Serif CJK SC' },
  kai: { name: '楷体_GB2312', alt: 'Noto Serif CJK SC' },
} as const;
type FontRole = keyof typeof DOCX_FONTS;

const LATIN = 'Times New Roman';
const PT = 2; // docx sizes are half-points
const CONTENT_MM = 156;
const LINE = { line: 560, lineRule: LineRuleType.EXACT }; // 28 pt

const run = (text: string, role: FontRole, size: number, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, size: size * PT, font: { ascii: LATIN, hAnsi: LATIN, eastAsia: DOCX_FONTS[role].name, cs: LATIN }, ...extra });

export interface DocxOptions {
  /** Chromium to rasterise the charts with (one is launched when missing and Chromium is installed). */
  browser?: Browser;
  /** false: leave the charts out. */
  charts?: boolean;
}

export async function renderDocx(m: ReportModel, opts: DocxOptions = {}): Promise<Buffer> {
  const withCharts = opts.charts !== false && (opts.browser != null || hasChromium);
  const blocks = layout(m, { charts: withCharts });
  const svgs = blocks.flatMap((b) => (b.kind === 'chart' ? [renderChartSvg(b.spec)] : []));
  const pngs = withCharts ? await svgsToPng(svgs, opts.browser) : [];
  const children: Array<Paragraph | Table> = [];
  let chart = 0;
  for (const b of blocks) {
    if (b.kind === 'chart') {
      children.push(chartParagraph(svgs[chart], pngs[chart]), para(b.caption, 'heading', 12, { center: true }));
      chart++;
    } else children.push(...render(b));
  }
  if (!withCharts && m.charts.length) {
    const why = opts.charts === false ? '' : '本机未安装Chromium，';
    children.push(para(`注：${why}${m.charts.length}幅目标路径图未嵌入本文档，请见本报告的HTML或PDF版本。`, 'body', 12));
  }
  const doc = new Document({
    creator: 'PlanAtlas 规划图谱',
    title: m.title,
    styles: { default: { document: { run: { font: { ascii: LATIN, hAnsi: LATIN, eastAsia: DOCX_FONTS.body.name }, size: 16 * PT } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: { top: convertMillimetersToTwip(37), bottom: convertMillimetersToTwip(35), left: convertMillimetersToTwip(28), right: convertMillimetersToTwip(26) },
          },
        },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'], size: 14 * PT, font: { ascii: LATIN, hAnsi: LATIN, eastAsia: '宋体' } })] })] }) },
        children,
      },
    ],
  });
  return withFontAlternatives(await Packer.toBuffer(doc));
}

function para(text: string, role: FontRole, size: number, o: { center?: boolean; indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: o.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: o.indent ? { firstLine: 2 * size * 20 } : undefined,
    spacing: size >= 16 ? LINE : { line: 360, lineRule: LineRuleType.AUTO },
    children: [run(text, role, size)],
  });
}

function render(b: Exclude<Block, { kind: 'chart' }>): Array<Paragraph | Table> {
  switch (b.kind) {
    case 'title':
      return [para(b.text, 'title', 22, { center: true })];
    case 'subtitle':
      return [para(b.text, 'kai', 16, { center: true })];
    case 'meta':
      return [para(b.text, 'body', 12, { center: true }), para('', 'body', 16)];
    case 'heading':
      return [para(b.text, 'heading', 16, { indent: true })];
    case 'para':
      return [para(b.text, 'body', 16, { indent: true })];
    case 'sources':
      return b.items.map((s) => para(s, 'body', 10.5));
    case 'table':
      return [para(b.caption, 'heading', 12, { center: true }), table(b)];
  }
}

function table(b: Extract<Block, { kind: 'table' }>): Table {
  const total = b.widths.reduce((a, w) => a + w, 0);
  const widths = b.widths.map((w) => Math.round(convertMillimetersToTwip((CONTENT_MM * w) / total)));
  const cell = (text: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      shading: head ? { fill: 'E8E8E8' } : undefined,
      margins: { left: 57, right: 57 },
      children: [
        new Paragraph({
          alignment: head || i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: text.split('\n').map((line, k) => run(line, head ? 'heading' : 'body', 9, k ? { break: 1 } : {})),
        }),
      ],
    });
  return new Table({
    width: { size: widths.reduce((a, w) => a + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [new TableRow({ tableHeader: true, children: b.headers.map((h, i) => cell(h, i, true)) }), ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) }))],
  });
}

function chartParagraph(svg: string, png: Buffer): Paragraph {
  const width = 560;
  const transformation = { width, height: width / 2 };
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new ImageRun({ type: 'svg', data: strToU8(svg), fallback: { type: 'png', data: png }, transformation })],
  });
}

/**
 * Names the Noto CJK font as each 公文 font's alternative (w:altName) in word/fontTable.xml, with
 * the GB2312 charset, so Word, WPS and LibreOffice substitute a CJK face rather than a Latin one.
 */
function withFontAlternatives(docx: Buffer): Buffer {
  const files = unzipSync(docx);
  const path = 'word/fontTable.xml';
  const xml = files[path] ? strFromU8(files[path]) : null;
  if (!xml) return docx;
  const fonts = Object.values(DOCX_FONTS)
    .filter((f) => !xml.includes(`w:name="${f.name}"`))
    .map((f) => `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:charset w:val="86"/><w:family w:val="${f.alt.includes('Sans') ? 'swiss' : 'roman'}"/><w:pitch w:val="variable"/></w:font>`)
    .join('');
  // docx writes an empty, self-closing <w:fonts/>.
  const filled = /<w:fonts([^>]*)\/>\s*$/.test(xml) ? xml.replace(/<w:fonts([^>]*)\/>\s*$/, `<w:fonts$1>${fonts}</w:fonts>`) : xml.replace(/<\/w:fonts>\s*$/, `${fonts}</w:fonts>`);
  files[path] = strToU8(filled);
  return Buffer.from(zipSync(files));
}
