// Generate the PDF fixture for the ingest tests: three A5 pages of real sentences from
// 湛茂都市圈发展规划 (data/plans/001_*), with a running header, "- N -" page footers, a
// paragraph broken across a page break, and a 专栏 table — printed by headless Chromium, so
// the text layer is what real converters produce (including Kangxi radicals such as ⼀ for 一).
//
// Needs (once, not at test time):  apt-get install -y chromium fonts-noto-cjk
// Run:                             npx tsx scripts/make-fixtures.ts
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, chromiumPath } from '../src/browser/chromium';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'test/fixtures/zhanmao-3pages.pdf');

const header = '<div class="hd">湛茂都市圈发展规划</div>';
const footer = (n: number): string => `<div class="ft">- ${n} -</div>`;

const html = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><style>
  @page { size: A5; margin: 14mm 16mm; }
  body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 11pt; line-height: 1.6; margin: 0; }
  .page { height: 178mm; position: relative; page-break-after: always; }
  .page:last-child { page-break-after: auto; }
  .hd { text-align: center; font-size: 9pt; margin-bottom: 6mm; }
  .ft { position: absolute; bottom: 0; width: 100%; text-align: center; font-size: 9pt; }
  h1 { font-size: 15pt; font-weight: normal; text-align: center; margin: 0 0 4mm; }
  h2 { font-size: 12pt; font-weight: normal; margin: 3mm 0; }
  p { text-indent: 2em; margin: 0; }
  table { border-collapse: collapse; width: 100%; font-size: 10pt; }
  td { border: 1px solid #000; padding: 1mm 2mm; vertical-align: top; }
  td:first-child { white-space: nowrap; }
</style></head><body>
<div class="page">${header}
  <h1>第一章 发展背景</h1>
  <h2>第一节 发展基础</h2>
  <p>湛茂都市圈区位、土地及海洋资源等条件优越，产业发展势头良好，文化多元融合，发展建设基础较好。</p>
  <p>具备优良的自然资源禀赋。湛茂都市圈北部多山地丘陵，南部以滨海台地和平原为主，是全省土地资源最为丰富的区域，同</p>
${footer(1)}</div>
<div class="page">${header}
  <p style="text-indent:0">时具备良好的开发建设和农业生产条件。海洋资源优势突出，大陆海岸线总长 1425.8 公里，占全省大陆海岸线总长的 34.65%，拥有多处优越的建港深水岸线，亚热带滨海风光独特，海洋渔业资源丰富。</p>
  <h2>第二节 存在问题</h2>
  <p>尽管湛茂都市圈具备较好的发展基础，但仍存在一些亟待解决的问题。</p>
${footer(2)}</div>
<div class="page">${header}
  <h2>专栏1 轨道网重点工程</h2>
  <table>
    <tr><td>一、高速铁路</td><td>广湛高铁、合湛高铁、深南高铁与广湛高铁茂名至岑溪连接线、湛江至海口高铁新建工程。</td></tr>
    <tr><td>二、普速铁路</td><td>湛江宝满港区铁路专用线、铁路茂名港铁路博贺新港区专用线等疏港铁路新建工程。</td></tr>
  </table>
${footer(3)}</div>
</body></html>
`;

const dir = mkdtempSync(join(tmpdir(), 'planatlas-fixtures-'));
try {
  const page = join(dir, 'plan.html');
  writeFileSync(page, html);
  execFileSync(
    chromiumPath,
    [
      ...CHROMIUM_ARGS,
      '--no-pdf-header-footer',
      `--print-to-pdf=${out}`,
      page,
    ],
    { stdio: ['ignore', 'ignore', 'ignore'] },
  );
  console.log(`wrote ${out} (${statSync(out).size} bytes)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
