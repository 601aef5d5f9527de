// Key projects on small documents made of real lines from the sample plans (marked 000/001/002)
// and of lines in the style of other plans (marked "other plans"), and on the sample plans whole.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding, ProjectData } from '../core/findings';
import type { PlanDoc } from '../core/types';
import { ingestBytes } from '../ingest/index';
import { parsePlan, planTextFromString } from '../parse/index';
import { loadGazetteer } from '../places/index';
import { loadLexicons } from './lexicons';
import { extractProjects } from './projects';

const gazetteer = loadGazetteer();
const ctx = { gazetteer, lexicons: loadLexicons() };

const docOf = (lines: string[]) => parsePlan(planTextFromString(lines.join('\n')), gazetteer);
const projects = (lines: string[]): Array<Finding<'project'>> => extractProjects(docOf(lines), ctx);
const names = (fs: Array<Finding<'project'>>) => fs.map((f) => f.data.name);
const byName = (fs: Array<Finding<'project'>>, n: string): ProjectData | undefined => fs.find((f) => f.data.name === n)?.data;

// A chapter and a section around a box, as in 001 (the parser needs the context to see the box).
const around = (box: string[], after = ['第三节 建立稳定水安全保障体系', '协同推进一体化水利基础设施建设。']) => [
  '第三章 共建一体高效的现代化基础设施体系',
  '推进基础设施互联互通。',
  '第一节 构建互联互通综合交通运输体系',
  '加快构建区域轨道交通网络体系。',
  '第二节 建设绿色低碳能源保障体系',
  '加快推进原油成品油加工储运、供气、供电一体化发展，建设湛茂都市圈安全高效的能源体系。',
  ...box,
  ...after,
];

describe('专栏 boxes, one list a line under 一、 headings (001)', () => {
  const found = projects(
    around([
      '专栏 4 能源安全保障重点工程',
      '一、原油加工',
      '湛江雷州乌石油田群开发项目、茂名石化炼油转型升级及乙烯提质改造等工程项目。',
      '二、供电设施',
      '湛江京信东海电厂、茂名博贺电厂3、4号2×1000MW机组工程、茂名市天然气热电联产保障电源项目等电厂项目；粤电湛江外罗、粤电湛江新寮、国电投湛江徐闻等海上风电场项目。',
      '三、储能项目',
      '湛江东岛（锂电）年产30万吨动力与储能电池负极材料项目、辰望能源化州合江100MW/200MWh储能电站项目、化州独立储能项目（一期）。',
    ]),
  );

  it('lists every item, the 等… ending cut off', () => {
    expect(names(found)).toEqual([
      '湛江雷州乌石油田群开发项目',
      '茂名石化炼油转型升级及乙烯提质改造',
      '湛江京信东海电厂',
      '茂名博贺电厂3、4号2×1000MW机组工程',
      '茂名市天然气热电联产保障电源项目',
      '粤电湛江外罗海上风电场项目',
      '粤电湛江新寮海上风电场项目',
      '国电投湛江徐闻海上风电场项目',
      '湛江东岛（锂电）年产30万吨动力与储能电池负极材料项目',
      '辰望能源化州合江100MW/200MWh储能电站项目',
      '化州独立储能项目（一期）',
    ]);
  });

  it('takes the category from the box and its sub-heading', () => {
    expect(byName(found, '湛江京信东海电厂')?.category).toBe('能源安全保障重点工程 > 供电设施');
  });

  it('reads capacities as written', () => {
    expect(byName(found, '茂名博贺电厂3、4号2×1000MW机组工程')?.capacity).toBe('2×1000MW');
    expect(byName(found, '辰望能源化州合江100MW/200MWh储能电站项目')?.capacity).toBe('100MW/200MWh');
    expect(byName(found, '湛江东岛（锂电）年产30万吨动力与储能电池负极材料项目')?.capacity).toBe('年产30万吨');
  });

  it('completes items that name only the place from the 等… ending, and flags it', () => {
    const f = found.find((x) => x.data.name === '粤电湛江外罗海上风电场项目');
    expect(f?.flags).toContain('name_completed');
    expect(f?.data.places).toContain('湛江市');
  });
});

describe('专栏 boxes with run-in labels and prose (001, 002)', () => {
  it('一、机场 with its list on the same line; 港口码头： labels; a shared ending (001 专栏3)', () => {
    const found = projects(
      around([
        '专栏3 交通枢纽重点工程',
        '一、机场 湛江新塘、坡头通用机场迁建工程；雷州、徐闻、信宜、茂名通用机场建设工程。',
        '二、港航输运设施 港口码头：湛江港 40 万吨级矿石码头、茂名港博贺新港区 30 万吨级原油码头、粤西 LNG 码头。 航道工程：湛江港亚士德航道、茂名港博贺新港区 30 万吨级航道建设工程。',
      ]),
    );
    expect(names(found)).toEqual([
      '湛江新塘通用机场迁建工程',
      '坡头通用机场迁建工程',
      '雷州通用机场',
      '徐闻通用机场',
      '信宜通用机场',
      '茂名通用机场',
      '湛江港40万吨级矿石码头',
      '茂名港博贺新港区30万吨级原油码头',
      '粤西LNG码头',
      '湛江港亚士德航道',
      '茂名港博贺新港区30万吨级航道',
    ]);
    expect(byName(found, '粤西LNG码头')?.category).toBe('交通枢纽重点工程 > 港航输运设施 > 港口码头');
    expect(byName(found, '湛江港亚士德航道')?.category).toBe('交通枢纽重点工程 > 港航输运设施 > 航道工程');
    expect(byName(found, '茂名港博贺新港区30万吨级原油码头')?.capacity).toBe('30万吨级');
  });

  it('a box flattened to one line: 水运。铁路。 labels, verbs stripped, routes completed, studies left out (002 专栏2)', () => {
    const found = projects([
      '第四章协同推进重大基础设施建设推进跨区域重大基础设施一体化建设。第一节打造互联互通大通道机场建设。优化机场布局，提升干线机场服务功能。' +
        '专栏2：交通建设重点工程水运。加快建设广州至梧州段级航道。规划研究进一步提高梧州至贵港、贵港至南宁段等航道标准。建设大藤峡枢纽船闸，扩建长洲、贵港、西津、红花船闸。' +
        '铁路。推进柳州至肇庆、河池至南宁、黔桂铁路增二线、靖西至龙邦铁路建设。实施湘桂、益阳至湛江铁路扩能改造工程。' +
        '机场。加快建设南宁机场新航站区和第二跑道，规划建设玉林、贺州支线机场，研究建设广州第二机场，研究迁建柳州、百色机场。' +
        '综合交通枢纽建设。强化规划引导，推进综合交通枢纽站场建设。第二节建立安全清洁的能源保障体系优化发展火电。',
    ]);
    expect(names(found)).toEqual([
      '广州至梧州段级航道',
      '大藤峡枢纽船闸',
      '长洲船闸',
      '贵港船闸',
      '西津船闸',
      '红花船闸',
      '柳州至肇庆铁路',
      '河池至南宁铁路',
      '黔桂铁路增二线',
      '靖西至龙邦铁路',
      '湘桂铁路扩能改造工程',
      '益阳至湛江铁路扩能改造工程',
      '南宁机场新航站区和第二跑道',
      '玉林支线机场',
      '贺州支线机场',
    ]);
    expect(byName(found, '柳州至肇庆铁路')?.category).toBe('交通建设重点工程 > 铁路');
    expect(byName(found, '柳州至肇庆铁路')?.places).toEqual(['柳州市', '肇庆市']);
  });

  it('completes a bare item from the next named item, and only with a facility (001 专栏2, 专栏13)', () => {
    const found = projects(
      around([
        '专栏 2 公路网重点工程',
        '一、快速路',
        '湛江市区、茂名市区环快速路连通工程、潘州大道二期、市民大道五期建设工程。',
        '二、基础教育',
        '湛江一中、湛江二中、岭南师范学院附属中学、湛江市实验中学等学校建设项目。',
        '三、职业教育',
        '茂名职业技术学院新校区二期、广东茂名幼儿师范专科学校二期等学校建设项目、化州市职业技术学校迁建工程二期项目。',
        '四、国省道',
        '国道 G207 信宜穿城段、高州茶亭至石仔岭段以及国道 G325 电白宅口至罗坑段路面升级改造工程。',
      ]),
    );
    expect(names(found)).toEqual([
      '湛江市区环快速路连通工程',
      '茂名市区环快速路连通工程',
      '潘州大道二期',
      '市民大道五期',
      '湛江一中',
      '湛江二中',
      '岭南师范学院附属中学',
      '湛江市实验中学',
      '茂名职业技术学院新校区二期',
      '广东茂名幼儿师范专科学校二期',
      '化州市职业技术学校迁建工程二期项目',
      '国道G207信宜穿城段',
      '高州茶亭至石仔岭段',
      '国道G325电白宅口至罗坑段路面升级改造工程',
    ]);
  });

  it('skips footnotes left inside a box by PDF conversion (001 专栏7)', () => {
    const found = projects(
      around([
        '专栏 7 战略性新兴产业发展重点平台和重点项目',
        '一、数字创意产业',
        '水东湾新城海陆空 5G 物联网全景应用试验区、共青湖创新中心等。',
        '² IDC： Internet Data Center， 互联网数据中心。',
      ]),
    );
    expect(names(found)).toEqual(['水东湾新城海陆空5G物联网全景应用试验区', '共青湖创新中心']);
  });

  it('boxes that are not about projects give nothing (000 专栏1)', () => {
    const found = projects([
      '三、空间布局', '（一）总体开发策略', '坚持陆海统筹。', '（二）国土开发格局', '构建“三核、四轴、两屏”的国土开发格局。',
      '专栏1　　粤西三市重点发展地区',
      '湛江市：（1）经国家或省批准设立的各类园区。（2）东海岛新城及其南岸新港区。',
      '四、建设现代产业体系', '坚持走新型工业化道路。',
    ]);
    expect(found).toEqual([]);
  });
});

describe('projects named in the text', () => {
  it('an enumeration ending in 等工程建设 (000)', () => {
    const found = projects(['（一）大力发展临海重化工业', '加快推进中科合资广东炼化一体化、廉江国家石油储备库、茂名石化油品质量升级改扩建等工程建设。']);
    expect(names(found)).toEqual(['中科合资广东炼化一体化', '廉江国家石油储备库', '茂名石化油品质量升级改扩建']);
    expect(found[0].data.category).toBe('大力发展临海重化工业');
  });

  it('splits two complete names joined by 和 (000)', () => {
    const found = projects(['（二）建设能源保障体系', '加快推进湛江中心人民医院和广东医学院附属医院扩建、茂名中医院环水东湾新城分院等项目建设。']);
    expect(names(found)).toEqual(['湛江中心人民医院', '广东医学院附属医院扩建', '茂名中医院环水东湾新城分院']);
  });

  it('a list of places before 等 + a facility takes the facility (001)', () => {
    const found = projects(['第二节 建设绿色低碳能源保障体系', '加快推进东海岛、港城、湛江北、电白、高州等 500 千伏输变电工程，优化区域内 500 千伏骨干电网。']);
    expect(names(found)).toEqual(['东海岛500千伏输变电工程', '港城500千伏输变电工程', '湛江北500千伏输变电工程', '电白500千伏输变电工程', '高州500千伏输变电工程']);
    expect(found[0].data.capacity).toBe('500千伏');
  });

  it('leaves a name the box lists to the box (001)', () => {
    const found = projects(
      around([
        '推进原油成品油加工及储运工程建设。加快推进湛江雷州乌石油田群开发项目等项目建设。',
        '专栏 4 能源安全保障重点工程',
        '一、原油加工',
        '湛江雷州乌石油田群开发项目、茂名石化炼油转型升级及乙烯提质改造等工程项目。',
      ]),
    );
    expect(names(found).filter((n) => n.startsWith('湛江雷州乌石油田群'))).toHaveLength(1);
    expect(found.find((f) => f.data.name === '湛江雷州乌石油田群开发项目')?.data.category).toBe('能源安全保障重点工程 > 原油加工');
  });

  it('negatives: sentences that mention 项目 or 工程 without naming one (000, 002)', () => {
    const sentences = [
      '以重点项目建设为载体，积极推进规划的实施。',
      '加快推进湛江医药价格改革试点工作，推行医疗服务由按项目定价向按病种定价转变。',
      '推进行政事业性收费改革，减少收费项目，在阳江试点逐步停收审批管理收费（涉及上缴中央国库的项目除外）。',
      '以湛江港为中心枢纽，以茂名港和阳江港为支线港，充分利用深水良港优势，积极发展港口物流项目，构建现代港口物流产业带。',
      '加快建设农村自来水工程，提高农村供水保证率和质量安全水平。',
      '做好重大项目建设生态环境评估工作，携手共建生态安全屏障。',
      '加快肇庆、梧州、贵港、柳州、百色等市沿江煤炭储运配送设施建设，完善煤炭供应储备、应急保障体系。',
      '加快推进串联湛江中心城区、茂名中心城区、遂溪县城、化州市区、高州市区、吴川市区的国省道升级改造工程。',
    ];
    for (const s of sentences) expect(projects(['（一）推进重点项目建设', s]), s).toEqual([]);
  });
});

describe('other layouts (other plans)', () => {
  it('a list announced by a colon: 重点推进以下重大项目：A、B、C', () => {
    const found = projects(['（二）加快重大基础设施建设', '重点推进以下重大项目：湛江港30万吨级航道工程、茂名博贺电厂二期、阳江抽水蓄能电站。']);
    expect(names(found)).toEqual(['湛江港30万吨级航道工程', '茂名博贺电厂二期', '阳江抽水蓄能电站']);
    expect(found[0].data.capacity).toBe('30万吨级');
  });

  it('a table of projects (附表, tab-separated): name, content, place, investment with the unit of its header', () => {
    const found = projects([
      '附表', '重点建设项目表',
      '序号\t项目名称\t建设内容及规模\t建设地点\t总投资（亿元）\t建设年限',
      '一、交通运输',
      '1\t广湛高铁\t新建双线高速铁路401公里\t湛江、茂名\t958\t2020-2025',
      '2\t湛江港30万吨级航道改扩建工程\t航道全长36.7公里\t湛江市\t28.5\t2021-2024',
    ]);
    expect(found.map((f) => f.data)).toEqual([
      { name: '广湛高铁', category: '交通运输', places: ['湛江市', '茂名市'], capacity: null, investment: { value: 958, unit: '亿元' }, count: null },
      { name: '湛江港30万吨级航道改扩建工程', category: '交通运输', places: ['湛江市'], capacity: '30万吨级', investment: { value: 28.5, unit: '亿元' }, count: null },
    ]);
  });
});

describe('programme totals (000) and investments (other plans)', () => {
  it('reads 重点建设项目209项，总投资7510亿元 and the 其中… parts', () => {
    const found = projects([
      '十、建立规划实施的保障机制',
      '（一）推进重点项目建设。',
      '以重点项目建设为载体，积极推进规划的实施。“十二五”期间规划粤西地区重点建设项目209项，总投资7510亿元。其中交通运输体系工程20项，总投资约1128亿元；能源保障工程13项，总投资约1424亿元。',
    ]);
    expect(found.map((f) => f.data)).toEqual([
      { name: '粤西地区重点建设项目', category: '推进重点项目建设', places: [], capacity: null, investment: { value: 7510, unit: '亿元' }, count: 209 },
      { name: '交通运输体系工程', category: '粤西地区重点建设项目', places: [], capacity: null, investment: { value: 1128, unit: '亿元' }, count: 20 },
      { name: '能源保障工程', category: '粤西地区重点建设项目', places: [], capacity: null, investment: { value: 1424, unit: '亿元' }, count: 13 },
    ]);
    expect(found.every((f) => f.flags.includes('programme_total'))).toBe(true);
  });

  it('reads 万亿元 totals with the shared number reader (other plans)', () => {
    const [t] = projects(['（一）推进重点项目建设。', '“十四五”期间，全省共安排省重点项目1500个，总投资约5.6万亿元。']);
    expect(t.data).toMatchObject({ name: '省重点项目', count: 1500, investment: { value: 5.6, unit: '万亿元' } });
  });

  it('reads an investment after an item (other plans)', () => {
    const found = projects(
      around(['专栏5 重大产业项目', '一、钢铁', '宝钢湛江钢铁基地三高炉系统项目，总投资约192亿元；湛江钢铁零碳高等级薄钢板工厂项目（总投资120亿元）。']),
    );
    expect(byName(found, '宝钢湛江钢铁基地三高炉系统项目')?.investment).toEqual({ value: 192, unit: '亿元' });
    expect(byName(found, '湛江钢铁零碳高等级薄钢板工厂项目')?.investment).toEqual({ value: 120, unit: '亿元' });
  });
});

describe('sample plans', () => {
  const load = async (id: string): Promise<PlanDoc> => {
    const file = path.resolve(__dirname, `../../data/plans/${id}.txt`);
    return parsePlan(await ingestBytes(new Uint8Array(fs.readFileSync(file)), file), gazetteer);
  };

  it('000: the text lists and the programme totals', async () => {
    const doc = await load('000_dde77a566d45a381');
    const found = extractProjects(doc, ctx);
    expect(found.filter((f) => f.data.count != null)).toHaveLength(11);
    expect(names(found)).toContain('云浮至阳江高速公路');
    expect(names(found)).toContain('阳江抽水蓄能电站');
  });

  it('001: the items of its project boxes', async () => {
    const found = extractProjects(await load('001_240daae8c4bbf10a'), ctx);
    expect(found.length).toBeGreaterThan(300);
    expect(byName(found, '茂名港博贺新港区30万吨级原油码头')?.capacity).toBe('30万吨级');
    expect(names(found)).not.toContain('产业园');
    expect(found.filter((f) => f.data.category?.startsWith('河流生态廊道'))).toEqual([]);
  });

  it('002: the items of 专栏2 and 专栏4, nothing from 专栏1/3/5', async () => {
    const found = extractProjects(await load('002_cf5822304d6f3ba0'), ctx);
    const cats = new Set(found.map((f) => f.data.category?.split(' > ')[0]));
    expect(cats).toContain('交通建设重点工程');
    expect(cats).toContain('循环经济产业基地');
    for (const c of ['发展目标', '特色旅游精品线路']) expect(cats).not.toContain(c);
    // 专栏4 is a list of names glued to its heading and to the 第四节 after it
    expect(names(found.filter((f) => f.data.category === '循环经济产业基地'))).toEqual([
      '梧州再生资源循环利用园区国家“城市矿产”示范基地',
      '贵港国家生态工业（制糖）示范园区',
      '崇左糖业循环经济示范基地',
      '贺州循环经济产业示范区',
      '玉林再生资源循环利用示范园区',
      '广西蚕桑茧丝绸产业循环经济（宜州）示范基地',
      '肇庆亚洲金属资源再生产业园',
      '肇庆华南再生资源基地',
      '云浮循环经济工业园',
      '云浮（罗定）循环经济工业园',
    ]);
  });
});
