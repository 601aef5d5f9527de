// Duties on small documents made of real lines from the sample plans (marked 000/001/002) and of
// lines written in the style of other plans (marked "other plans").
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DutyData, Finding } from '../core/findings';
import type { PlanLevel } from '../core/types';
import { ingestBytes } from '../ingest/index';
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
