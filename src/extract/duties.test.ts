// Duties on small documents made of real lines from the sample plans (marked 000/001/002) and of
// lines written in the style of other plans (marked "other plans").
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DutyData, Finding } from '../core/findings';
import type { PlanLevel } from '../core/types';
import { ingestBytes } from '../ingest/index';
import { buildDocx, wPara } from '../ingest/testing/build';
import { parsePlan, planTextFromString } from '../parse/index';
import { loadGazetteer } from '../places/index';
import { extractDuties } from './duties';
import { loadLexicons } from './lexicons';

const gazetteer = loadGazetteer();
const ctx = { gazetteer, lexicons: loadLexicons() };

function duties(lines: string[], level: PlanLevel = 'provincial'): Array<Finding<'duty'>> {
  const doc = parsePlan(planTextFromString(lines.join('\n')), gazetteer);
  doc.meta.level = level;
  return extractDuties(doc, ctx);
}
const data = (fs: Array<Finding<'duty'>>): DutyData[] => fs.map((f) => f.data);

const ANNEX_HEAD = ['附件', '重点任务分工方案', '按照规划建设都市圈的任务安排，各地区各部门为规划实施的责任单位。本分工方案重点对省有关部门的实施责任进行分工，湛江、茂名市政府按职责分工负责，切实发挥好都市圈建设的主体作用。'];

describe('labelled fields in an annex (001)', () => {
  const lines = [
    ...ANNEX_HEAD,
    '一、共建一体高效的现代化基础设施体系',
    '（一）构建互联互通综合交通运输体系。',
    '打造“两轴四射”的综合交通格局，加快构建区域轨道交通网络体系，构建“一环九射”的高速公路网，加强都市圈内部快速路联系，大力推动粤西港口群协同发展，打造层级分明、客货分离的轨道枢纽体系，共建区域性航空综合枢纽。（牵头单位：省发展改革委、交通运输厅；参加单位：省自然资源厅等）',
    '（二）建立稳定水安全保障体系。',
    '统筹优化区域水资源配置，合作共建水安全防灾减灾体系，提升水利建设管理一体化水平。（牵头单位：省水利厅；参加单',
    '',
    '位：省发展改革委、自然资源厅、生态环境厅等）',
    '二、加强规划实施保障',
    '加强组织领导，强化政策协同，落实重大项目，强化实施监督。（牵头单位：省发展改革委；参加单位：省财政厅、自然资源厅等）',
  ];
  const found = duties(lines);

  it('takes the task from the （一） heading, lead and support from the fields', () => {
    expect(data(found)[0]).toEqual({
      task: '构建互联互通综合交通运输体系',
      lead: ['省发展改革委', '省交通运输厅'],
      support: ['省自然资源厅'],
      deadline: null,
    });
  });

  it('spans the task paragraph and the bracket', () => {
    const text = lines.join('\n');
    const f = found[0];
    expect(text.slice(f.start, f.end)).toMatch(/^打造“两轴四射”.*参加单位：省自然资源厅等）$/);
    expect(f.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('reads a label broken by a page break (参加单\\n\\n位：)', () => {
    expect(data(found)[1]).toMatchObject({ task: '建立稳定水安全保障体系', lead: ['省水利厅'], support: ['省发展改革委', '省自然资源厅', '省生态环境厅'] });
  });

  it('takes a top-level item as the task when there is no （一） (七、 in 001)', () => {
    expect(data(found)[2]).toMatchObject({ task: '加强规划实施保障', lead: ['省发展改革委'], support: ['省财政厅', '省自然资源厅'] });
  });

  it('does not read the annex preamble (湛江、茂名市政府按职责分工负责) as a duty', () => {
    expect(found).toHaveLength(3);
  });
});

describe('labelled fields, other forms (other plans)', () => {
  it('reads 配合单位 and 完成时限', () => {
    const [d] = data(
      duties([
        '附件', '重点任务分工', '（一）加快广湛高铁建设。',
        '2025年底前建成广湛高铁。（牵头单位：省发展改革委；配合单位：省交通运输厅、自然资源厅；完成时限：2025年底前）',
      ]),
    );
    expect(d).toEqual({ task: '加快广湛高铁建设', lead: ['省发展改革委'], support: ['省交通运输厅', '省自然资源厅'], deadline: '2025年底前' });
  });

  it('reads 时间要求：持续推进', () => {
    const [d] = data(duties(['（三）深化营商环境改革。', '推进政务服务联通互认。（责任单位：省政务服务数据管理局；时间要求：持续推进）']));
    expect(d).toMatchObject({ lead: ['省政务服务数据管理局'], deadline: '持续推进' });
  });

  it('uses the text before each marker as the task when a section has several', () => {
    const found = data(
      duties([
        '（二）强化要素保障。',
        '1. 完善用地保障机制。（牵头单位：省自然资源厅）',
        '2. 加大财政支持力度。（牵头单位：省财政厅）',
      ]),
    );
    expect(found.map((d) => d.lead[0])).toEqual(['省自然资源厅', '省财政厅']);
    expect(found[1].task).toContain('加大财政支持力度');
  });

  it('reads fields after the task on the same line, without brackets', () => {
    const found = data(duties(['（一）推进港口群协同发展。', '统筹湛江港、茂名港分工协作。责任单位：省交通运输厅，湛江、茂名市政府。']));
    expect(found).toEqual([{ task: '推进港口群协同发展', lead: ['省交通运输厅', '湛江市政府', '茂名市政府'], support: [], deadline: null }]);
  });

  it('reads fields on lines of their own', () => {
    const found = data(duties(['（一）推进港口群协同发展。', '统筹湛江港、茂名港分工协作。', '牵头单位：省交通运输厅', '配合单位：省发展改革委、湛江、茂名市政府']));
    expect(found).toEqual([
      { task: '推进港口群协同发展', lead: ['省交通运输厅'], support: ['省发展改革委', '湛江市政府', '茂名市政府'], deadline: null },
    ]);
  });
});

describe('tables (other plans)', () => {
  it('reads tab-separated rows under a header with 牵头单位', () => {
    const found = data(
      duties([
        '附件', '重点任务分工表',
        '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
        '1\t建成广湛高铁\t省发展改革委\t省交通运输厅、自然资源厅\t2025年底前',
        '2\t推进鉴江流域综合治理\t省水利厅\t湛江、茂名市政府\t持续推进',
      ]),
    );
    expect(found).toEqual([
      { task: '建成广湛高铁', lead: ['省发展改革委'], support: ['省交通运输厅', '省自然资源厅'], deadline: '2025年底前' },
      { task: '推进鉴江流域综合治理', lead: ['省水利厅'], support: ['湛江市政府', '茂名市政府'], deadline: '持续推进' },
    ]);
  });
});

describe('duty tables from parse\'s blocks (other plans)', () => {
  const T = (...cells: string[]) => cells.join('\t');

  it('a 考评办法 table with 牵头考核单位, group rows between its rows (tab-separated, as from a DOCX)', () => {
    const found = data(
      duties(
        [
          '附件',
          '2024年度高质量发展综合考评指标及评分细则',
          T('序号', '考核指标', '分值', '考核内容及评分标准', '牵头考核单位'),
          '一、经济发展（40分）',
          T('1', '地区生产总值增速', '6', '完成年度目标得满分，每低0.1个百分点扣0.5分。', '市统计局、市发展改革委'),
          T('2', '规模以上工业增加值增速', '5', '完成年度目标得满分，未完成的按比例扣分。', '市工业和信息化局'),
          '二、社会民生（30分）',
          T('3', '城镇新增就业人数', '4', '完成年度目标得满分。', '市人社局'),
        ],
        'prefectural',
      ),
    );
    expect(found).toEqual([
      { task: '地区生产总值增速', lead: ['市统计局', '市发展改革委'], support: [], deadline: null },
      { task: '规模以上工业增加值增速', lead: ['市工业和信息化局'], support: [], deadline: null },
      { task: '城镇新增就业人数', lead: ['市人力资源社会保障局'], support: [], deadline: null },
    ]);
  });

  it('the same kind of table written one cell a paragraph, a 考核内容 cell broken into two sentences', () => {
    const found = data(
      duties(
        [
          '附件', '2024年度县（市、区）综合考评指标',
          '序号', '考核指标', '分值', '考核内容', '牵头考核单位',
          '1', '一般公共预算收入', '5', '完成年度目标得满分。', '未完成的按比例扣分。', '市财政局',
          '2', '实际利用外资', '3', '完成省下达任务得满分。', '市商务局',
          '3', '森林覆盖率', '2', '达到年度目标得满分。', '市林业局',
          '本办法由市考评办负责解释。',
        ],
        'prefectural',
      ),
    );
    expect(found.map((d) => [d.task, d.lead])).toEqual([
      ['一般公共预算收入', ['市财政局']],
      ['实际利用外资', ['市商务局']],
      ['森林覆盖率', ['市林业局']],
    ]);
  });

  it('a 任务分工表 one cell a paragraph, tasks of several sentences, deadlines', () => {
    const found = data(
      duties(
        [
          '附件2', '重点任务分工表',
          '序号', '重点任务', '牵头单位', '配合单位', '完成时限',
          '1', '建成市级数据共享交换平台，实现部门数据按需共享。', '市政务服务数据管理局', '市发展改革局、市财政局', '2024年底前',
          '2', '开展“一网通办”改革试点。', '推行高频事项“跨省通办”。', '市政务服务数据管理局', '各县（市、区）人民政府', '持续推进',
        ],
        'prefectural',
      ),
    );
    expect(found).toEqual([
      { task: '建成市级数据共享交换平台，实现部门数据按需共享', lead: ['市政务服务数据管理局'], support: ['市发展改革局', '市财政局'], deadline: '2024年底前' },
      { task: '开展“一网通办”改革试点。推行高频事项“跨省通办”', lead: ['市政务服务数据管理局'], support: ['各县（市、区）人民政府'], deadline: '持续推进' },
    ]);
  });

  it('rows that lost their 牵头单位 or 完成时限 to a merged cell take the row above’s', () => {
    const found = data(
      duties(
        [
          '附件', '任务分工表',
          T('序号', '工作任务', '牵头单位', '配合单位', '完成时限'),
          T('1', '制定产业园区发展规划', '县发展改革局', '县自然资源局', '2024年6月底前'),
          T('2', '完成园区道路管网建设', '县财政局', '2024年12月底前'), // 牵头单位 merged with the row above
          T('3', '建立园区服务专员制度', '县工业和信息化局', '县人社局', '长期坚持'),
        ],
        'county',
      ),
    );
    expect(found).toEqual([
      { task: '制定产业园区发展规划', lead: ['县发展改革局'], support: ['县自然资源局'], deadline: '2024年6月底前' },
      { task: '完成园区道路管网建设', lead: ['县发展改革局'], support: ['县财政局'], deadline: '2024年12月底前' },
      { task: '建立园区服务专员制度', lead: ['县工业和信息化局'], support: ['县人力资源社会保障局'], deadline: '长期坚持' },
    ]);
  });

  it('重点任务 over 具体措施: the measure is the task, a 重点任务 cell merged down the rows groups them', () => {
    const found = data(
      duties(
        [
          '附件', '重点任务分工',
          T('序号', '重点任务', '具体措施', '牵头单位', '配合单位'),
          T('1', '强化科技创新', '建设省实验室体系。', '省科技厅', '省财政厅'),
          T('2', '培育科技型企业。', '省科技厅', '省工业和信息化厅'), // 重点任务 merged with the row above
          T('3', '扩大开放合作', '举办中国—东盟博览会。', '省商务厅', ''),
        ],
      ),
    );
    expect(found.map((d) => [d.task, d.lead, d.support])).toEqual([
      ['建设省实验室体系', ['省科技厅'], ['省财政厅']],
      ['培育科技型企业', ['省科技厅'], ['省工业和信息化厅']],
      ['举办中国—东盟博览会', ['省商务厅'], []],
    ]);
  });

  it('牵头单位 beside 责任单位: the second column supports; （牵头） marks the lead inside one cell', () => {
    const found = data(
      duties(
        [
          '附件', '2025年优化营商环境重点任务清单',
          T('序号', '任务类别', '具体任务', '牵头单位', '责任单位', '完成时限'),
          T('1', '政务服务', '推行惠企政策“免申即享”。', '市发展改革委', '市财政局、市税务局', '2025年9月底前'),
          T('2', '政务服务', '实现企业开办全程网办。', '市市场监管局（牵头）、市公安局、市人社局', '', '2025年底前'),
        ],
        'prefectural',
      ),
    );
    expect(found.map((d) => [d.lead, d.support])).toEqual([
      [['市发展改革委'], ['市财政局', '市税务局']],
      [['市市场监管局'], ['市公安局', '市人力资源社会保障局']],
    ]);
  });

  it('a column of leading officials (牵头市领导) is no unit column, one cell a paragraph', () => {
    const found = data(
      duties(
        ['附件', '重大项目推进责任清单', '序号', '项目名称', '牵头市领导', '责任单位', '完成时限', '1', '东部快速路二期', '张某某', '市交通运输局', '2025年底前', '2', '城市污水处理厂扩建', '李某某', '市水务局', '2024年底前'],
        'prefectural',
      ),
    );
    expect(found).toEqual([
      { task: '东部快速路二期', lead: ['市交通运输局'], support: [], deadline: '2025年底前' },
      { task: '城市污水处理厂扩建', lead: ['市水务局'], support: [], deadline: '2024年底前' },
    ]);
  });

  it('an indicator table and a table whose lead cells are no bodies give no duties', () => {
    expect(
      duties([
        T('序号', '指标名称', '单位', '2025年', '属性'),
        T('1', '地区生产总值', '亿元', '6340', '预期性'),
        '',
        T('序号', '重点任务', '责任主体', '完成时限'),
        T('1', '开展技术改造', '规上工业企业', '2025年底前'),
      ]),
    ).toEqual([]);
  });
});

describe('a whole 考评办法 (other plans, written for this test)', () => {
  const articles = [
    '某某市县域经济高质量发展考评办法',
    '第一章 总则',
    '第一条 为推动县域经济高质量发展，结合我市实际，制定本办法。',
    '第二条 考评对象为各县（市、区）人民政府。',
    '第二章 组织领导',
    '第三条 成立考评工作领导小组，由市政府主要负责同志任组长，领导小组办公室设在市发展改革委，负责考评的日常工作。',
    '第四条 各牵头考核单位负责制定具体评分细则，按时报送考核结果。',
    '第五条 市统计局负责统一提供统计数据。',
    '第三章 附则',
    '第六条 本办法由市发展改革委负责解释，自印发之日起施行。',
    '附件',
    '某某市县域经济高质量发展考评指标及评分细则',
  ];
  const header = ['序号', '考评指标', '分值', '评分标准', '牵头考核单位', '配合考核单位'];
  // [group heading | row]: the 配合考核单位 cell is empty in several rows
  const rows: Array<string | string[]> = [
    '经济发展',
    ['1', '地区生产总值增速', '8', '完成年度目标得满分，每低0.1个百分点扣0.5分。', '市统计局', '市发展改革委'],
    ['2', '一般公共预算收入增速', '6', '完成年度目标得满分。', '市财政局', '市税务局'],
    ['3', '实际使用外资', '5', '完成省下达任务得满分。', '市商务局', ''],
    '创新驱动',
    ['4', '研发经费投入强度', '6', '达到2.5%得满分。', '市科技局', '市统计局、市财政局'],
    ['5', '高新技术企业数量', '5', '净增数完成年度目标得满分。', '市科技局', ''],
    ['6', '专利授权量', '4', '完成年度目标得满分。', '市市场监管局（市知识产权局）', ''],
    '生态环境',
    ['7', '细颗粒物（PM2.5）平均浓度', '6', '完成省下达目标得满分。', '市生态环境局', ''],
    ['8', '森林覆盖率', '4', '完成年度造林任务得满分。', '市林业局', '市自然资源局'],
    '社会民生',
    ['9', '城镇新增就业', '6', '完成年度目标得满分。', '市人社局', ''],
    ['10', '安全生产', '6', '未发生较大以上生产安全事故得满分。', '市应急管理局', '各县（市、区）人民政府'],
  ];
  const expected = rows.filter((r): r is string[] => Array.isArray(r)).map((r) => [r[1], r[4] === '市人社局' ? '市人力资源社会保障局' : r[4]]);
  const fromTable = (found: Array<Finding<'duty'>>) => found.filter((f) => f.confidence >= 0.8).map((f) => [f.data.task, f.data.lead.join('、')]);

  it('tab-separated (a DOCX or HTML table): one duty a row, the articles add only 第五条', () => {
    const lines = [...articles, header.join('\t'), ...rows.map((r) => (Array.isArray(r) ? r.join('\t') : r))];
    const found = duties(lines, 'prefectural');
    expect(fromTable(found)).toEqual(expected);
    expect(found.filter((f) => f.confidence < 0.8).map((f) => f.data.lead)).toEqual([['市统计局']]);
  });

  it('one cell a paragraph, empty cells leaving no paragraph, group names between rows', () => {
    const lines = [...articles, ...header, ...rows.flatMap((r) => (Array.isArray(r) ? r.filter(Boolean) : [r]))];
    const found = duties(lines, 'prefectural');
    expect(fromTable(found)).toEqual(expected);
    expect(found.find((f) => f.data.task === '实际使用外资')?.data.support).toEqual([]);
    expect(found.find((f) => f.data.task === '安全生产')?.data.support).toEqual(['各县（市、区）人民政府']);
  });
});

describe('a 任务分工表 in a DOCX, through ingest (other plans)', () => {
  // WordprocessingML cells: vMerge continues the cell above (mammoth drops it: the row comes out
  // short), gridSpan spans the row, several paragraphs in one cell come out joined by a space
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  type Cell = string | { t: string[]; merge?: 'restart' | 'continue'; span?: number };
  const tc = (c: Cell) => {
    const o = typeof c === 'string' ? { t: [c] } : c;
    const pr = (o.merge === 'restart' ? '<w:vMerge w:val="restart"/>' : o.merge === 'continue' ? '<w:vMerge/>' : '') + (o.span ? `<w:gridSpan w:val="${o.span}"/>` : '');
    const paras = o.merge === 'continue' ? '<w:p/>' : o.t.map((x) => `<w:p><w:r><w:t>${esc(x)}</w:t></w:r></w:p>`).join('');
    return `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${paras}</w:tc>`;
  };
  const table = (rows: Cell[][]) => `<w:tbl>${rows.map((r) => `<w:tr>${r.map(tc).join('')}</w:tr>`).join('')}</w:tbl>`;

  it('reads merged 牵头单位 / 完成时限 cells, a spanning group row and a two-paragraph cell', async () => {
    const body =
      wPara('附件') +
      wPara('重点任务分工表') +
      table([
        ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'],
        [{ t: ['优化营商环境'], span: 5 }],
        ['1', '建成企业服务综合平台。', { t: ['市发展改革局'], merge: 'restart' }, { t: ['市财政局', '市工业和信息化局'] }, { t: ['2024年底前'], merge: 'restart' }],
        ['2', '推行惠企政策免申即享。', { t: [], merge: 'continue' }, '市财政局', { t: [], merge: 'continue' }],
        ['3', '压减企业开办时间至1个工作日。', '市市场监管局', '市公安局、市人社局', '持续推进'],
      ]);
    const doc = parsePlan(await ingestBytes(buildDocx(body), '分工方案.docx'), gazetteer);
    doc.meta.level = 'prefectural';
    const found = extractDuties(doc, ctx);
    expect(data(found)).toEqual([
      { task: '建成企业服务综合平台', lead: ['市发展改革局'], support: ['市财政局', '市工业和信息化局'], deadline: '2024年底前' },
      { task: '推行惠企政策免申即享', lead: ['市发展改革局'], support: ['市财政局'], deadline: '2024年底前' },
      { task: '压减企业开办时间至1个工作日', lead: ['市市场监管局'], support: ['市公安局', '市人力资源社会保障局'], deadline: '持续推进' },
    ]);
    expect(found[1].flags).toEqual(['cells_realigned', 'lead_from_row_above']);
    expect(found[1].confidence).toBeLessThan(found[0].confidence);
  });
});

describe('labelled fields in a 考评办法 written as text (other plans)', () => {
  it('reads 牵头考核单位： on its own line and 【牵头考核单位】, the points left out of the task', () => {
    const found = data(
      duties(
        [
          '附件', '2024年度县（市、区）高质量发展考评细则',
          '一、经济发展（40分）',
          '1.地区生产总值增速（6分）',
          '考核内容：完成年度目标得满分，每低0.1个百分点扣0.5分。',
          '牵头考核单位：市统计局',
          '2.固定资产投资增速（5分）',
          '考核内容：完成年度目标得满分，未完成的按比例扣分。',
          '牵头考核单位：市发展改革委、市统计局',
          '配合考核单位：市财政局',
          '二、社会民生（30分）',
          '3.城镇新增就业（4分）。完成年度目标得满分。【牵头考核单位】市人社局',
        ],
        'prefectural',
      ),
    );
    expect(found).toEqual([
      { task: '地区生产总值增速', lead: ['市统计局'], support: [], deadline: null },
      { task: '固定资产投资增速', lead: ['市发展改革委', '市统计局'], support: ['市财政局'], deadline: null },
      { task: '城镇新增就业', lead: ['市人力资源社会保障局'], support: [], deadline: null },
    ]);
  });

  it('reads roles marked after units: 责任单位：X（牵头）、Y; Y（按职责分工负责）; X为牵头单位 (other plans)', () => {
    const found = data(
      duties(
        [
          '（一）推进城市更新。',
          '1.实施城中村改造。责任单位：市住房城乡建设局（牵头）、市自然资源局、各区人民政府',
          '2.完善地下管网。（牵头单位：市城管局；责任单位：市水务局、市财政局（按职责分工负责））',
          '3.建设口袋公园。（市城管局为牵头单位，各区人民政府为配合单位，2025年底前完成）',
        ],
        'prefectural',
      ),
    );
    expect(found).toEqual([
      { task: '实施城中村改造', lead: ['市住房城乡建设局'], support: ['市自然资源局', '各区人民政府'], deadline: null },
      { task: '完善地下管网', lead: ['市城管局'], support: ['市水务局', '市财政局'], deadline: null },
      { task: '建设口袋公园', lead: ['市城管局'], support: ['各区人民政府'], deadline: '2025年底前' },
    ]);
  });

  it('reads a bracket in a heading (（一）加快…（X牵头，Y配合）)', () => {
    const found = data(duties(['二、重点任务', '（一）加快广湛高铁建设（省发展改革委牵头，省交通运输厅配合）', '2025年底前建成通车。', '（二）推进港口扩能（省交通运输厅负责）', '建设30万吨级航道。']));
    expect(found).toEqual([
      { task: '加快广湛高铁建设', lead: ['省发展改革委'], support: ['省交通运输厅'], deadline: null },
      { task: '推进港口扩能', lead: ['省交通运输厅'], support: [], deadline: null },
    ]);
  });
});

describe('responsibility phrases in the text', () => {
  it('short bracket: （省发展改革委牵头，省财政厅等配合） (other plans)', () => {
    const [d] = data(duties(['（一）推进重点项目建设。', '建立省市联动的重大项目协调机制（省发展改革委牵头，省财政厅、自然资源厅等配合）。']));
    expect(d).toMatchObject({ task: '建立省市联动的重大项目协调机制', lead: ['省发展改革委'], support: ['省财政厅', '省自然资源厅'] });
  });

  it('（X、Y按职责分工负责） (other plans)', () => {
    const [d] = data(duties(['（三）完善交通网络。', '加快打通两市之间的断头路（湛江、茂名市政府按职责分工负责）。']));
    expect(d).toMatchObject({ task: '加快打通两市之间的断头路', lead: ['湛江市政府', '茂名市政府'] });
  });

  it('2025年底前 in the task is its deadline (other plans)', () => {
    const [d] = data(duties(['（一）推进重点项目建设。', '2025年底前建成湛江吴川机场配套工程（省交通运输厅牵头）。']));
    expect(d).toMatchObject({ lead: ['省交通运输厅'], deadline: '2025年底前' });
  });

  it('由X负责 (other plans)', () => {
    const [d] = data(duties(['（二）加强交通衔接。', '湛江吴川机场连接线建设由省交通运输厅负责，湛江市政府配合。']));
    expect(d.lead).toEqual(['省交通运输厅']);
  });

  it('X要会同Y… (000)', () => {
    const [d] = data(duties(['（四）加强监督检查。', '省发展改革委要会同有关部门加强对本规划实施情况的跟踪分析，做好各项工作和政策措施落实的督促检查工作。']));
    expect(d).toMatchObject({ lead: ['省发展改革委'], support: ['有关部门'] });
    expect(d.task).toMatch(/^加强对本规划实施情况的跟踪分析/);
  });

  it('a bare 发展改革委 in a national plan is 国家发展改革委 (002)', () => {
    const [d] = data(
      duties(['第二节 加强组织协调', '发展改革委要会同有关部门加强对本规划实施情况的跟踪分析和督促检查，及时向国务院报告重大问题。'], 'national'),
    );
    expect(d.lead).toEqual(['国家发展改革委']);
  });

  it('X要… in an implementation chapter, with 广东、广西两省区人民政府 split (002)', () => {
    const [d] = data(
      duties(['第十章 保障措施', '第一节 强化政策支持', '加大对城市防洪工程、水利骨干工程、重点水源工程的中央投资支持力度。', '第二节 加强组织协调', '广东、广西两省区人民政府要切实加强对规划实施的组织领导，制定实施方案，明确分工，落实责任，完善机制，推动规划实施。'], 'national'),
    );
    expect(d.lead).toEqual(['广东省人民政府', '广西壮族自治区人民政府']);
  });

  it('X要… outside implementation chapters is not a duty', () => {
    expect(duties(['（三）推进新农村建设。', '各级政府要加大投入，改善农村人居环境。'])).toEqual([]);
  });

  it('negatives: a person leads, hospitals lead, an exhortation (001, 002)', () => {
    expect(duties(['第二节 加强组织协调', '创新合作协调机制，建立由省区人民政府主要负责人牵头的联席会议制度，协调解决规划实施过程中的重大问题。'])).toEqual([]);
    expect(duties(['（二）完善医疗服务体系。', '支持湛江市第一中医医院、茂名市中医院和高州市中医院等牵头组建中医优势专科联盟。'])).toEqual([]);
    expect(duties(['第二节 加强组织协调', '两省区和国务院有关部门要抓住机遇、开拓创新、加强合作、狠抓落实，推动经济带科学发展。'], 'national')).toEqual([]);
  });
});

describe('task lists with bracketed leads (other plans)', () => {
  // a provincial 实施意见: numbered tasks, one to three brackets each, not parsed as headings
  const opinion = [
    '二、重点任务',
    '（一）提升对外贸易质量',
    '3.壮大外贸经营主体。实施外贸主体培育行动，建立重点企业联系清单。（省商务厅负责）推动加工贸易梯度转移，支持企业在综合保税区开展保税维修。（省商务厅牵头，南昌海关、省发展改革委按职责分工配合）完善出口退税服务，压缩办理时间。（省税务局负责）',
    '4.培育外贸新业态。发展市场采购贸易，支持建设一批公共海外仓。（省商务厅牵头，财政厅、交通运输厅配合）',
  ];

  it('reads one duty per bracket, each task the clause(s) its bracket closes', () => {
    const found = duties(opinion);
    expect(data(found)).toEqual([
      { task: '实施外贸主体培育行动，建立重点企业联系清单', lead: ['省商务厅'], support: [], deadline: null },
      { task: '推动加工贸易梯度转移，支持企业在综合保税区开展保税维修', lead: ['省商务厅'], support: ['南昌海关', '省发展改革委'], deadline: null },
      { task: '完善出口退税服务，压缩办理时间', lead: ['省税务局'], support: [], deadline: null },
      { task: '培育外贸新业态', lead: ['省商务厅'], support: ['省财政厅', '省交通运输厅'], deadline: null },
    ]);
    const text = opinion.join('\n');
    // the first duty of an item spans it from its number; the next ones start after the bracket before
    expect(text.slice(found[0].start, found[0].end)).toBe('3.壮大外贸经营主体。实施外贸主体培育行动，建立重点企业联系清单。（省商务厅负责）');
    expect(text.slice(found[1].start, found[1].end)).toMatch(/^推动加工贸易.*按职责分工配合）$/);
  });

  // a municipal 行动方案: （一） headings, deadlines and 按职责分工负责 inside the bracket
  const plan = [
    '三、主要任务',
    '（一）推进老旧小区改造。',
    '完成2000年前建成的老旧小区改造任务，同步加装电梯和充电设施。（市住房城乡建设局牵头，各区人民政府按职责分工负责，2025年底前完成）',
    '（二）完善社区养老服务。',
    '每个街道至少建成1个综合养老服务中心。（市民政局负责，持续推进）',
    '（三）加强组织保障。',
    '建立工作调度机制，定期通报进展。（各市、县（区）人民政府按职责分工负责）',
  ];

  it('takes the heading as the task, 按职责分工负责 after 牵头 as support, and the deadline in the bracket', () => {
    expect(data(duties(plan, 'prefectural'))).toEqual([
      { task: '推进老旧小区改造', lead: ['市住房城乡建设局'], support: ['各区人民政府'], deadline: '2025年底前' },
      { task: '完善社区养老服务', lead: ['市民政局'], support: [], deadline: '持续推进' },
      { task: '加强组织保障', lead: ['各市、县（区）人民政府'], support: [], deadline: null },
    ]);
  });

  it('keeps vertical offices and banks of any province as written, without the list prefix', () => {
    const found = data(
      duties([
        '（四）强化金融支持。',
        '1.扩大跨境人民币结算。（人民银行杭州中心支行、浙江金融监管局按职责分工负责）',
        '2.优化通关流程。（南京海关牵头，国家税务总局湖北省税务局配合）',
      ]),
    );
    expect(found.map((d) => [d.lead, d.support])).toEqual([
      [['人民银行杭州中心支行', '浙江金融监管局'], []],
      [['南京海关'], ['国家税务总局湖北省税务局']],
    ]);
  });

  it('reads a bare unit list in a bracket that closes an item, not an alias after a name', () => {
    const found = data(
      duties(
        ['（二）发展低空经济。', '1.编制全市低空经济发展规划。（市发展改革委、市交通运输局）', '2.工作专班办公室设在市商务局（市口岸办），负责日常工作。'],
        'prefectural',
      ),
    );
    expect(found).toEqual([{ task: '编制全市低空经济发展规划', lead: ['市发展改革委', '市交通运输局'], support: [], deadline: null }]);
  });

  it('negatives: the brackets of ordinary plan text (计算口径, 简称, 单位, 责任主体：企业, 负责人)', () => {
    expect(
      duties([
        '第三章 发展目标',
        '到2025年，全省地区生产总值达到6万亿元（按2020年价格计算），细颗粒物（PM2.5）浓度下降10%（以2020年为基数）。',
        '《规划》（以下简称《规划》）由省政府印发（详见附件），规划期为2021—2025年（含）。',
        '推动龙头企业牵头组建联合体（责任主体：企业），建立“链长制”（由省领导担任链长）。',
        '重点项目投资（单位：亿元）稳步增长，项目负责人（负责人：项目法人）对质量负总责。',
      ]),
    ).toEqual([]);
  });

  it('negatives: brackets that name no one responsible', () => {
    expect(
      duties([
        '（一）培育创新主体。',
        '支持龙头企业牵头组建创新联合体（企业负责）。实施“揭榜挂帅”（以下简称“揭榜制”）项目，覆盖重点产业（含省属企业），分年度推进（2023—2025年）。',
      ]),
    ).toEqual([]);
  });
});

describe('sample plans', () => {
  const load = async (id: string) => {
    const file = path.resolve(__dirname, `../../data/plans/${id}.txt`);
    return parsePlan(await ingestBytes(new Uint8Array(fs.readFileSync(file)), file), gazetteer);
  };

  it('002 (one line): a sentence glued to the heading before it still starts at the heading’s end', async () => {
    const found = extractDuties(await load('002_cf5822304d6f3ba0'), ctx).map((f) => f.data);
    expect(found.map((d) => d.lead)).toEqual([['广东省人民政府', '广西壮族自治区人民政府'], ['国务院有关部门'], ['国家发展改革委']]);
  });

  it('000: the two duties of its implementation chapter', async () => {
    const found = extractDuties(await load('000_dde77a566d45a381'), ctx).map((f) => f.data.lead);
    expect(found).toEqual([['省有关部门'], ['省发展改革委']]);
  });
});

describe('sample plan 001', () => {
  it('finds the 27 task groups of the annex with their lead units, fast', async () => {
    const file = path.resolve(__dirname, '../../data/plans/001_240daae8c4bbf10a.txt');
    const doc = parsePlan(await ingestBytes(new Uint8Array(fs.readFileSync(file)), file), gazetteer);
    const t0 = performance.now();
    const found = extractDuties(doc, ctx);
    expect(performance.now() - t0).toBeLessThan(200);
    const annex = found.filter((f) => f.confidence >= 0.9);
    expect(annex).toHaveLength(27);
    expect(annex.find((f) => f.data.task === '打造营商环境新高地')?.data).toMatchObject({
      lead: ['省发展改革委', '省政务服务数据管理局', '省市场监管局'],
      support: ['省商务厅', '省地方金融监管局', '省税务局'],
    });
    expect(found.length).toBeLessThanOrEqual(30); // the text adds few: precision matters
  });
});
