// Spatial structures on small documents made of real lines from the sample plans (marked 000, 001,
// 002) and of lines written in the style of other plans (marked "other plans").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, StructureElement } from '../core/findings';
import { ingestBytes } from '../ingest/index';
import { parsePlan, planTextFromString } from '../parse/index';
import { loadGazetteer } from '../places/index';
import { codeKey, numeralValue, parseCode, readRun } from './structure-code';
import { cleanItems, splitList } from './structure-members';
import { loadLexicons } from './lexicons';
import { extractStructures } from './structures';

const gazetteer = loadGazetteer();
const ctx = { gazetteer, lexicons: loadLexicons() };

function structures(lines: string[], scope: string[] = []): Array<Finding<'structure'>> {
  const doc = parsePlan(planTextFromString(lines.join('\n')), gazetteer);
  return extractStructures({ ...doc, meta: { ...doc.meta, scope } }, ctx);
}
const codes = (lines: string[]) => structures(lines).map((s) => s.data.code);
const byCode = (fs: Array<Finding<'structure'>>, code: string) => {
  const f = fs.find((s) => s.data.code === code);
  if (!f) throw new Error(`no structure ${code} in ${fs.map((s) => s.data.code).join(', ')}`);
  return f;
};
const element = (f: Finding<'structure'>, name: string): StructureElement => {
  const e = f.data.elements.find((x) => x.name === name);
  if (!e) throw new Error(`no element ${name} in ${f.data.code}`);
  return e;
};
const samples = new Map<string, Array<Finding<'structure'>>>();
/** Structures of a sample plan (ingested as the CLI does); read once in beforeAll. */
const sampleStructures = (id: string): Array<Finding<'structure'>> => samples.get(id) ?? [];
beforeAll(async () => {
  for (const id of ['001_240daae8c4bbf10a', '002_cf5822304d6f3ba0']) {
    const file = join(import.meta.dirname, '../../data/plans', `${id}.txt`);
    const text = await ingestBytes(new Uint8Array(readFileSync(file)), file);
    samples.set(id, extractStructures(parsePlan(text, gazetteer), ctx));
  }
});
const members = (f: Finding<'structure'>) => Object.fromEntries(f.data.elements.map((e) => [e.name, e.members]));

describe('reading a code', () => {
  it('splits codes into numeral + noun elements, with classifiers and counts', () => {
    const read = (s: string) => parseCode(s)?.map((e) => [e.name, e.count]);
    expect(read('三核、四轴、两屏')).toEqual([['三核', 3], ['四轴', 4], ['两屏', 2]]);
    expect(read('双心一极点六轴三圈层')).toEqual([['双心', 2], ['一极点', 1], ['六轴', 6], ['三圈层', 3]]);
    expect(read('一个走廊、两个密集区、三条发展轴、多个节点')).toEqual([['一个走廊', 1], ['两个密集区', 2], ['三条发展轴', 3], ['多个节点', null]]);
    expect(read('一轴两核四组团')).toEqual([['一轴', 1], ['两核', 2], ['四组团', 4]]);
    expect(read('一环九射')).toEqual([['一环', 1], ['九射', 9]]);
  });

  it('rejects numeral phrases that are not made of elements', () => {
    for (const s of ['十二五', '三个代表', '三网融合', '一带一路', '四个全面', '三农', '六本六专', '三线一单', '一张网', '一网通办', '三旧', '双转移', '十年大跨越']) {
      expect(parseCode(s) === null || parseCode(s)!.length < 2 ? null : s).toBeNull();
    }
  });

  it('reads numerals as counts', () => {
    expect([numeralValue('两'), numeralValue('双'), numeralValue('十'), numeralValue('十二'), numeralValue('二十'), numeralValue('6'), numeralValue('多')]).toEqual([2, 2, 10, 12, 20, 6, null]);
  });

  it('reads a run in running text up to the first word that is no element', () => {
    const t = '构建一核一带一区区域发展格局';
    expect(readRun(t, 2).map((e) => e.name)).toEqual(['一核', '一带', '一区']);
    expect(codeKey(parseCode('三核、四轴、两屏')!)).toBe(codeKey(parseCode('三核四轴两屏')!));
  });

  it('splits a list at 和 and 、, and at 及 only when the count asks for it (000)', () => {
    const four = '现代港口物流产业带、热带及南亚热带农产品产业带、沿海海洋水产养殖加工产业带和滨海休闲旅游产业带';
    expect(splitList(four, 4)).toHaveLength(4);
    expect(splitList('东雷高速及其西延线、兰海高速', 3)).toEqual(['东雷高速及其西延线', '兰海高速']);
    expect(splitList('云开大山及鹤地水库', 2)).toEqual(['云开大山', '鹤地水库']);
  });

  it('strips a leading verb from the first member only (001 三圈层, 002 四组团)', () => {
    expect(cleanItems(['一体化核心圈', '紧密协作圈', '提升拓展圈'])).toEqual(['一体化核心圈', '紧密协作圈', '提升拓展圈']);
    expect(cleanItems(['重点建设广州—佛山', '柳州—来宾'])).toEqual(['广州—佛山', '柳州—来宾']);
    expect(cleanItems(['依托渝湛高速—黎湛铁路形成的湛江城镇发展轴'])).toEqual(['湛江城镇发展轴']);
  });
});

describe('quoted codes with explanations after them (000)', () => {
  const lines = [
    '三、空间布局',
    '按照主体功能区定位，以“东融西联、南拓北优”的开发策略，科学规划发展布局，合理开发利用国土空间，构建“三核、四轴、两屏”的国土开发格局和“三区、四带”的产业空间布局，形成人口、经济、资源环境相互协调的发展格局。',
    '（二）国土开发格局。',
    '统筹考虑现有开发强度和发展潜力，以三市中心城区为核心，以高速公路、铁路等通道为区域开发主轴，以各类自然保护区为生态屏障，加快“湛茂阳”经济圈发展，全力构建“三核、四轴、两屏”的国土开发战略格局。',
    '“三核”——以湛江、茂名、阳江市的中心城区为核心区，进一步完善城市功能，提升城市品位，充分发挥辐射带动效应，引领周边地区加快发展。湛江市发展为全国重要的沿海开放城市、现代化港口城市。',
    '“四轴”——即以“徐闻—遂溪—湛江市城区—吴川—茂南茂港—水东新城—阳西—阳江城南新区—阳东”为国土开发横轴，“东海岛—廉江”、“信宜—高州—茂南茂港”、“阳春 —阳江高新区—海陵岛”等为国土开发纵轴，沿高速公路、铁路等交通要道，以县（市）城区为核心节点，辐射带动周边村镇发展，形成“一横三纵”的国土开发格局。',
    '“两屏”——即以大雾岭自然保护区、云雾山系、云开大山及鹤地水库水源涵养区等为重点的北部森林生态屏障和南部海洋生态屏障，以保护自然生态和生物多样性为重点，利用生态优势适度发展符合生态功能的适宜产业，实现经济与自然协调发展。',
    '（三）产业空间布局。',
    '以国土开发战略格局为依据，以各类开发区和重点产业园区为依托，“点、块、带”有机结合，构建“三区、四带”产业空间布局，实现产业合理布局，推进产业协调发展。',
    '“三区”——即湛江临港重化工业基地、茂名世界级石化产业基地和阳江能源产业基地。以湛江东海岛为核心，以湛江湾、雷州湾沿岸地区的产业园区为重要的产业配套基地，加快发展钢铁石化产业。',
    '“四带”——即现代港口物流产业带、热带及南亚热带农产品产业带、沿海海洋水产养殖加工产业带和滨海休闲旅游产业带。以湛江港为中心枢纽，以茂名港和阳江港为支线港。',
  ];
  const found = structures(lines, ['湛江市', '茂名市', '阳江市']);

  it('finds each code once, with the subject after it (cut at 和)', () => {
    expect(found.map((f) => [f.data.code, f.data.subject])).toEqual([
      ['三核、四轴、两屏', '国土开发格局'],
      ['三区、四带', '产业空间布局'],
      ['一横三纵', '国土开发格局'],
    ]);
    const f = byCode(found, '三核、四轴、两屏');
    const text = lines.join('\n');
    expect(text.slice(f.start, f.end)).toBe('“三核、四轴、两屏”的国土开发格局');
  });

  it('以A、B、C市的中心城区为核心区: one member per place, linked to the gazetteer', () => {
    const e = element(byCode(found, '三核、四轴、两屏'), '三核');
    expect(e.members).toEqual(['湛江市中心城区', '茂名市中心城区', '阳江市中心城区']);
    expect(e.memberCodes).toEqual(['440800', '440900', '441700']);
    expect(e.span).not.toBeNull();
  });

  it('以“A”为横轴，“B”、“C”、“D”等为纵轴: the lists before 为 whose predicate names the noun', () => {
    expect(element(byCode(found, '三核、四轴、两屏'), '四轴').members).toEqual([
      '徐闻—遂溪—湛江市城区—吴川—茂南茂港—水东新城—阳西—阳江城南新区—阳东',
      '东海岛—廉江',
      '信宜—高州—茂南茂港',
      '阳春—阳江高新区—海陵岛',
    ]);
  });

  it('以…等为重点的X和Y: the idiom 为重点 is no membership, the members follow 的', () => {
    expect(element(byCode(found, '三核、四轴、两屏'), '两屏').members).toEqual(['北部森林生态屏障', '南部海洋生态屏障']);
  });

  it('“三区”——即A、B和C: a definition lists the members; 及 stays inside a member of four', () => {
    expect(members(byCode(found, '三区、四带'))).toEqual({
      三区: ['湛江临港重化工业基地', '茂名世界级石化产业基地', '阳江能源产业基地'],
      四带: ['现代港口物流产业带', '热带及南亚热带农产品产业带', '沿海海洋水产养殖加工产业带', '滨海休闲旅游产业带'],
    });
  });

  it('a code nested in another element\'s explanation takes its members from the same sentence', () => {
    expect(members(byCode(found, '一横三纵'))).toEqual({
      一横: ['徐闻—遂溪—湛江市城区—吴川—茂南茂港—水东新城—阳西—阳江城南新区—阳东'],
      三纵: ['东海岛—廉江', '信宜—高州—茂南茂港', '阳春—阳江高新区—海陵岛'],
    });
  });
});

describe('colon labels right after the subject (000)', () => {
  const lines = [
    '（一）推进城镇体系建设。',
    '阳江要着力提升中心城区的集聚和服务功能，大力推进城南新区开发。形成“一个走廊、两个密集区、三条发展轴、多个节点”的城镇总体发展格局一个走廊：沿海城镇－产业聚合发展走廊；两个密集区：湛茂都市区、阳江沿海城镇密集区；三条发展轴：依托渝湛高速—黎湛铁路形成的湛江城镇发展轴、依托包茂高速－洛湛铁路形成的茂名城镇发展轴、依托云阳高速－阳阳铁路形成的阳江城镇发展轴……强化中心镇规划建设，完善城镇基础设施和公共服务设施。',
  ];
  const f = structures(lines)[0];

  it('cuts the subject before the first label and reads each label up to the next', () => {
    expect(f.data.subject).toBe('城镇总体发展格局');
    expect(members(f)).toEqual({
      一个走廊: ['沿海城镇－产业聚合发展走廊'],
      两个密集区: ['湛茂都市区', '阳江沿海城镇密集区'],
      三条发展轴: ['湛江城镇发展轴', '茂名城镇发展轴', '阳江城镇发展轴'],
      多个节点: [],
    });
    expect(element(f, '多个节点').count).toBeNull();
  });
});

describe('headings that explain a code (001)', () => {
  const lines = [
    '第二章 总体要求',
    '第四节 总体发展格局',
    '加强“双心”协同引领，发挥“极点”一体联动作用，深度融入西部陆海新通道，推动陆海统筹、圈层发展，构建“双心一极点六轴三圈层”都市圈发展格局。',
    '一、双心一极点：湛江主中心、茂名副中心、空港经济区极点',
    '湛江主中心。以湛江市城区为主中心，强化湛江市作为省域副中心城市的引领作用。',
    '茂名副中心。以茂名市城区为副中心，坚持向海而兴、山海联动。',
    '空港经济区极点。依托湛江吴川机场、吴川站等枢纽，协同建设“双心”之间的空港经济区。',
    '二、六轴：“一横五射”发展轴',
    '湛茂一体化发展轴。依托广湛高铁、深湛铁路等轨道交通，串联湛江和茂名两市中心城区。',
    '湛茂—粤港澳大湾区发展轴。依托沈海高速公路、省滨海旅游公路等交通线路，打造资本与创新集聚通道。',
    '湛茂—广西北部湾经济区发展轴。依托兰海高速公路、包茂高速等交通线路，推进粤桂双方深度合作。',
    '湛茂—海南自由贸易港发展轴。依托沈海高速公路、湛海高铁等交通线路，打造产业与专类服务通道。',
    '湛茂—桂黔川渝发展轴。依托黎湛铁路和玉湛高速公路等交通线路，打造物流与旅游集散通道。',
    '湛茂—桂湘鄂发展轴。依托洛湛铁路、深南高铁等交通线路，打造物流与旅游集散通道。',
    '三、三圈层：一体化核心圈、紧密协作圈和提升拓展圈',
    '一体化核心圈。以都市圈主中心、副中心、空港经济区、吴川城区和化州南部为主体，形成高质量发展的一体化核心圈。',
    '紧密协作圈。依托沈海高速公路等交通线路，串联化州、高州、廉江、遂溪和雷州等市（县），形成紧密协作圈。',
    '提升拓展圈。以徐闻、信宜城区为基础，加快扩容提质，形成提升拓展圈。',
    '第三章 共建一体高效的现代化基础设施体系',
  ];
  const found = structures(lines, ['湛江市', '茂名市']);

  it('a quoted element (“双心”) is no code; the code and the nested code are', () => {
    expect(found.map((f) => [f.data.code, f.data.subject])).toEqual([
      ['双心一极点六轴三圈层', '都市圈发展格局'],
      ['一横五射', '发展轴'],
    ]);
  });

  it('a heading label for two elements shares its list by the nouns the members end with', () => {
    const f = byCode(found, '双心一极点六轴三圈层');
    expect(members(f)).toEqual({
      双心: ['湛江主中心', '茂名副中心'],
      一极点: ['空港经济区极点'],
      六轴: [
        '湛茂一体化发展轴',
        '湛茂—粤港澳大湾区发展轴',
        '湛茂—广西北部湾经济区发展轴',
        '湛茂—海南自由贸易港发展轴',
        '湛茂—桂黔川渝发展轴',
        '湛茂—桂湘鄂发展轴',
      ],
      三圈层: ['一体化核心圈', '紧密协作圈', '提升拓展圈'],
    });
  });

  it('a code in a heading shares the heading\'s children in order when the counts add up, flagged as inferred', () => {
    const f = byCode(found, '一横五射');
    expect(element(f, '一横').members).toEqual(['湛茂一体化发展轴']);
    expect(element(f, '五射').members).toHaveLength(5);
    expect(f.flags).toContain('members_inferred');
  });
});

describe('run-in labels, readings by verb, 为“环线”, explanations before the code (001)', () => {
  const lines = [
    '第一节 构建互联互通综合交通运输体系',
    '一、打造“两轴五射”的综合交通格局',
    '加快完善都市圈各类交通运输功能，构建“两轴五射”的综合交通格局，提升对内对外交通的可达性和连通性。',
    '两轴。依托沈海高速公路、茂名至吴川高速公路、深湛铁路、广湛高铁等构建都市圈交通主轴，串联湛江城区、茂名城区和空港经济区；依托汕湛高速公路、化廉高速公路、河茂铁路构建都市圈交通副轴，串联北部高州、化州、廉江等主要交通节点。',
    '五射。向东依托广湛高铁、深湛铁路、沈海高速公路、汕湛高速公路构建湛茂—粤港澳大湾区主通道，向西依托合湛高铁、兰海高速公路、湛江至南宁高速公路构建连通北部湾城市群的湛茂—广西北部湾经济区主通道；向南依托湛海高铁、粤海铁路、沈海高速公路构建连通海南自由贸易港的湛茂—海南自由贸易港主通道，向北依托黎湛铁路和洛湛铁路构建连通长江中游城市群的湛茂—桂黔川渝和湛茂—桂湘鄂次通道。',
    '三、积极打造“环状+放射状”的高快速公路网络',
    '构建“一环九射”的高速公路网。以汕湛高速—兰海高速—沈海高速—东雷高速—汕湛高速吴川支线—茂名至吴川高速—包茂高速为“环线”，以沈海高速（海南方向）、东雷高速及其西延线、兰海高速、湛江至南宁高速广东段、玉湛高速、化州至北流高速、包茂高速、汕湛高速、沈海高速（珠三角方向）为“放射线”，构建“一环九射”的都市圈高速公路网络，实现都市圈核心圈1小时通达。',
    '四、全面提升综合立体交通枢纽辐射能力',
    '打造层级分明、客货分离的轨道枢纽体系。以湛江北站为主枢纽，茂名站和湛江吴川机场站为副枢纽，湛江站、湛江东站、茂名南站、湛江西站等为节点，构建“一主两副多节点”客运铁路枢纽布局，提升综合交通枢纽联通全国的功能。',
    '附件',
    '重点任务分工方案',
    '打造“两轴四射”的综合交通格局，加快构建区域轨道交通网络体系，构建“一环九射”的高速公路网，加强都市圈内部快速路联系。',
  ];
  const found = structures(lines, ['湛江市', '茂名市']);

  it('finds the codes, the 一环九射 of the annex merged with the first', () => {
    expect(found.map((f) => f.data.code)).toEqual(['两轴五射', '一环九射', '一主两副多节点', '两轴四射']);
  });

  it('两轴。… 五射。…: what 构建 makes, by noun or when the count matches', () => {
    expect(members(byCode(found, '两轴五射'))).toEqual({
      两轴: ['都市圈交通主轴', '都市圈交通副轴'],
      五射: ['湛茂—粤港澳大湾区主通道', '湛茂—广西北部湾经济区主通道', '湛茂—海南自由贸易港主通道', '湛茂—桂黔川渝', '湛茂—桂湘鄂次通道'],
    });
  });

  it('以A为“环线”，以B、C…为“放射线”', () => {
    const f = byCode(found, '一环九射');
    expect(f.data.subject).toBe('高速公路网');
    expect(element(f, '一环').members).toEqual(['汕湛高速—兰海高速—沈海高速—东雷高速—汕湛高速吴川支线—茂名至吴川高速—包茂高速']);
    expect(element(f, '九射').members).toEqual([
      '沈海高速（海南方向）', '东雷高速及其西延线', '兰海高速', '湛江至南宁高速广东段', '玉湛高速', '化州至北流高速', '包茂高速', '汕湛高速', '沈海高速（珠三角方向）',
    ]);
  });

  it('以A为主枢纽，B和C为副枢纽，…等为节点，构建“一主两副多节点”: members before the code; 为主枢纽 is not the idiom 为主', () => {
    expect(members(byCode(found, '一主两副多节点'))).toEqual({
      一主: ['湛江北站'],
      两副: ['茂名站', '湛江吴川机场站'],
      多节点: ['湛江站', '湛江东站', '茂名南站', '湛江西站'],
    });
  });

  it('flags the same pattern written with another count (两轴五射 / 两轴四射 in the annex)', () => {
    expect(byCode(found, '两轴四射').flags).toContain('inconsistent_counts');
  });
});

describe('heading labels with children and child paragraphs named after an element (001)', () => {
  const lines = [
    '第四章 构建协作共赢的现代产业体系',
    '第一节 优化产业发展格局',
    '立足资源禀赋和产业基础，推动港产城融合发展，拓展蓝色发展空间，携手共筑湛茂都市圈“双核一带五集群”的产业发展格局。',
    '一、双核：构建配套完善的产业发展核',
    '湛江综合服务发展核。发挥湛江岸线资源、港口资源、旅游资源和临海经济优势。',
    '茂名港产城融合发展核。发挥空港、港口、高铁枢纽高效集聚资源优势。',
    '二、一带：形成独具风情的滨海旅游发展带',
    '共同建设以湛江“五岛一湾”滨海旅游集聚区、华侨城欢乐海湾等为载体，打造滨海旅游发展带。',
    '¹ 五岛一湾：《广东省海岛旅游发展总体规划（2017—2030年）》中提出，含特呈岛、南三岛、东海岛、碇洲岛、南屏岛和湛江湾，总面积1130.68平方公里。',
    '三、五集群：形成协调高效的产业集群',
    '世界级绿色石化产业集群。以茂名、湛江石化基地为核心。',
    '先进材料产业集群。依托湛江钢铁基地。',
    '现代轻工纺织产业集群。发挥轻工纺织传统优势。',
    '高端装备制造产业集群。培育海工装备。',
    '绿色建筑产业集群。发展装配式建筑。',
    '第六章 共保共治优美生态环境',
    '第一节 共同构建生态安全格局',
    '促进湛茂都市圈生态系统的完整性、稳定性，提升生态屏障的生态服务功能，筑牢海洋生态防护带，构建河流生态廊道，形成“一屏一带六廊”的生态安全格局。',
    '强化山林屏障功能。构建以云开山系、云雾山系及自然保护区等连绵山地森林，以及鹤地水库、九洲江和罗江等水源周边的低丘地区为主体的北部生态屏障。加大该区域生态保护修复力度。',
    '筑牢沿海蓝色生态海岸带。以雷州珍稀海洋生物国家级自然保护区、湛江红树林国家级自然保护区等为重点，以河口、防护林带、滨海湿地、海湾、海岛以及近海水域等为要素，强化蓝色生态空间协同保护和修复，合力打造蓝色生态海岸带，发挥陆海交互带的缓冲作用。',
    '构建六条河流生态廊道。加快建设鉴江、罗江、沙琅江—袂花江、雷州青年运河、九洲江和南渡河 6 条河流生态廊道，串联沿线生态林地、郊野公园、江河湖海等节点。',
    '第二节 加强生态系统保护修复',
  ];
  const found = structures(lines, ['湛江市', '茂名市']);

  it('heading labels: children as members, or the heading tail after its verb and 的', () => {
    expect(members(byCode(found, '双核一带五集群'))).toEqual({
      双核: ['湛江综合服务发展核', '茂名港产城融合发展核'],
      一带: ['滨海旅游发展带'],
      五集群: ['世界级绿色石化产业集群', '先进材料产业集群', '现代轻工纺织产业集群', '高端装备制造产业集群', '绿色建筑产业集群'],
    });
  });

  it('a footnote that defines a code (五岛一湾：…含…) shares its list among the elements', () => {
    const f = byCode(found, '五岛一湾');
    expect(f.data.subject).toBe('滨海旅游集聚区');
    expect(members(f)).toEqual({ 五岛: ['特呈岛', '南三岛', '东海岛', '碇洲岛', '南屏岛'], 一湾: ['湛江湾'] });
  });

  it('child paragraphs whose titles name an element (山林屏障, 海岸带, 生态廊道) explain it', () => {
    expect(members(byCode(found, '一屏一带六廊'))).toEqual({
      一屏: ['北部生态屏障'],
      一带: ['蓝色生态海岸带'],
      六廊: ['鉴江', '罗江', '沙琅江—袂花江', '雷州青年运河', '九洲江', '南渡河'],
    });
  });
});

describe('footnote labels “一湾”，是指… (001)', () => {
  it('reads quoted labels followed by ，是指 / ，指', () => {
    const f = structures([
      '第二节 共促北部湾城市群一体化发展',
      '共建链接国家西部陆海新通道战略支点。积极参加北部湾城城市群“一湾双轴”建设，促进都市圈与南（宁）北（海）钦（州）防（城港）城镇发展轴的连接。',
      '⁴ “一湾双轴”：“一湾”，是指以北海、湛江、海口等城市为支撑的环北部湾沿海地区。“双轴”，指南北钦防、湛茂阳城镇发展轴。',
    ])[0];
    expect(f.data.code).toBe('一湾双轴');
    expect(f.data.subject).toBeNull();
    expect(element(f, '一湾').members).toEqual(['环北部湾沿海地区']);
    expect(element(f, '双轴').members).toEqual(['南北钦防', '湛茂阳城镇发展轴']);
  });
});

describe('labels at sentence starts without a written code (002, one line)', () => {
  // the real file: a PDF flattened to one line, where only the outline tells where 第一节空间布局 ends
  const plan = () => sampleStructures('002_cf5822304d6f3ba0');

  it('joins 一轴。两核。四组团。 into a code named after its section, with the unnumbered 延伸区', () => {
    expect(plan().map((f) => f.data.code)).toEqual(['一轴两核四组团']);
    const f = plan()[0];
    expect(f.data.subject).toBe('空间布局');
    expect(f.flags).toEqual(expect.arrayContaining(['code_from_labels', 'subject_from_heading']));
    expect(f.data.elements.map((e) => [e.name, e.count])).toEqual([['一轴', 1], ['两核', 2], ['四组团', 4], ['延伸区', null]]);
  });

  it('以X为轴带 · A和B作为…的双核 · A、B、C、D等四组团', () => {
    const f = plan()[0];
    expect(members(f)).toEqual({
      一轴: ['珠江—西江主干流区域'],
      两核: ['广州', '南宁'],
      四组团: ['广州—佛山', '肇庆—云浮—梧州—贵港', '柳州—来宾', '南宁—崇左—百色'],
      延伸区: [],
    });
    expect(element(f, '两核').memberCodes).toEqual(['440100', '450100']);
  });

  it('the same labels one per line (other plans)', () => {
    const f = structures([
      '第一节 空间布局',
      '一轴。以珠江—西江主干流区域为轴带，加快通道基础设施建设。',
      '两核。强化广州和南宁作为经济带的双核作用。',
      '四组团。重点建设广州—佛山、肇庆—云浮—梧州—贵港、柳州—来宾、南宁—崇左—百色等四组团。',
      '第二节 功能分区',
    ]);
    expect(f.map((x) => [x.data.code, x.data.subject])).toEqual([['一轴两核四组团', '空间布局']]);
  });
});

describe('not structures', () => {
  it('periods, slogans, policies and initiatives in quotes (000, 001, 002)', () => {
    expect(
      codes([
        '本规划纲要规划期从2011至2015年，属我省“十二五”区域规划，是指导粤西地区“十二五”时期发展的行动纲领。',
        '坚持以邓小平理论和“三个代表”重要思想为指导，在2012年实现“三年大变化”的基础上，大阔步迈向“十年大跨越”的目标。',
        '顺应国家促进“三网融合”的政策，加快推进“三旧”改造，以推进“双转移”为重点主动融入珠三角。',
        '随着湛江市被定位为“一带一路”海上战略支点，“一带一路”倡议与粤港澳大湾区建设等叠加，统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局。',
        '衔接区域“三线一单”生态环境分区管控要求，提升“六本六专”高等院校办学水平，创新“三农”投融资机制，持续强化生态环境监测预警“一张网”建设。',
        '推进中越“两廊一圈”合作，加快中越边境口岸基础设施和配套设施建设。',
      ]),
    ).toEqual([]);
  });

  it('a code followed by 合作, and codes of national policy listed as not structures (other plans)', () => {
    expect(codes(['深化中老“一廊两带”合作，推动口岸互联互通。', '科学划定“三区三线”，严格落实生态保护红线。'])).toEqual([]);
  });

  it('a single quoted element is a reference to an element, not a code (001)', () => {
    expect(codes(['加强“双心”协同引领，发挥“极点”一体联动作用，协同建设“双心”之间的空港经济区。'])).toEqual([]);
  });

  it('numbered sentences that are no layout do not make a code from labels (other plans)', () => {
    expect(codes(['一是。加快发展。二是。推进改革。', '两个市场：国内市场、国际市场。'])).toEqual([]);
  });

  it('an unquoted run needs a layout noun after it (other plans)', () => {
    expect(codes(['支持一县一园建设，推动一村一品、一镇一业发展。', '五湖四海的人才汇聚于此。'])).toEqual([]);
  });
});

describe('sentences in the style of other plans', () => {
  it('东、中、西三大片区 and 南、北两大组团: one element of areas after the directions it names (other plans)', () => {
    expect(codes(['立足区位特征，构筑功能互补的东、中、西三大片区，推动片区联动发展。'])).toEqual(['三大片区']);
    expect(codes(['优化城市空间结构，形成南、北两大组团协同发展的格局。'])).toEqual(['两大组团']);
    // no directions, or not as many as the count: a slogan, not a layout
    expect(codes(['打好三大攻坚战，构建五大板块产业体系。'])).toEqual([]);
    expect(codes(['推动东、西三大片区建设。'])).toEqual([]);
  });

  it('构建“一核一带一区”区域发展格局 (other plans)', () => {
    const f = structures(['构建“一核一带一区”区域发展格局，推动珠三角核心区优化发展。'])[0];
    expect([f.data.code, f.data.subject]).toEqual(['一核一带一区', '区域发展格局']);
    expect(f.data.elements.map((e) => [e.name, e.count])).toEqual([['一核', 1], ['一带', 1], ['一区', 1]]);
  });

  it('“一主两副多节点”城镇体系 with 一主：… labels (other plans)', () => {
    const f = structures([
      '优化城镇空间布局，构建“一主两副多节点”的城镇体系。',
      '一主：中心城区；两副：东部新城、西部新城；多节点：各建制镇。',
    ])[0];
    expect(f.data.subject).toBe('城镇体系');
    expect(members(f)).toEqual({ 一主: ['中心城区'], 两副: ['东部新城', '西部新城'], 多节点: ['各建制镇'] });
  });

  it('以X为主 is an idiom, 以X为主城 a membership (other plans)', () => {
    const f = structures(['以中心城区为主城，以东部新城、西部新城为副城，城镇发展以服务业为主，构建“一主两副”城镇格局。'])[0];
    expect(members(f)).toEqual({ 一主: ['中心城区'], 两副: ['东部新城', '西部新城'] });
  });

  it('an unquoted code followed by a layout noun (other plans)', () => {
    const f = structures(['着力构建一核两翼三带空间格局，促进区域协调发展。'])[0];
    expect([f.data.code, f.data.subject]).toEqual(['一核两翼三带', '空间格局']);
    expect(f.flags).toContain('unquoted');
  });

  it('（一）…核 headings with members in their explanation (other plans)', () => {
    const f = structures([
      '第二节 空间结构',
      '规划形成“一心两轴三片区”的空间结构。',
      '（一）一心。以老城区和高铁新区为城市综合服务中心。',
      '（二）两轴。以滨江大道为东西向发展轴，以迎宾大道为南北向发展轴。',
      '（三）三片区：北部工业片区、中部生活片区和南部生态片区。',
    ])[0];
    expect(f.data.subject).toBe('空间结构');
    expect(members(f)).toEqual({
      一心: ['老城区', '高铁新区'],
      两轴: ['滨江大道', '迎宾大道'],
      三片区: ['北部工业片区', '中部生活片区', '南部生态片区'],
    });
  });

  it('elements with an action each, elements quoted one by one (other plans)', () => {
    expect(codes(['构建“一核引领、两翼齐飞、多点支撑”的区域发展格局。'])).toEqual(['一核引领、两翼齐飞、多点支撑']);
    const f = structures(['构建“一核引领、两翼齐飞、多点支撑”的区域发展格局。'])[0];
    expect(f.data.elements.map((e) => e.name)).toEqual(['一核', '两翼', '多点']);
    expect(codes(['形成“一核”“两轴”“三区”的空间结构。'])).toEqual(['一核两轴三区']);
    expect(codes(['形成“一核”、“两轴”、“三区”的空间结构。'])).toEqual(['一核、两轴、三区']);
    expect(codes(['深入推进“一网通办”“一网统管”“一网协同”，实施“一网通办、一网统管”。'])).toEqual([]);
  });

  it('skips 为主体的 before the subject (other plans)', () => {
    expect(structures(['形成“两屏三带”为主体的生态安全战略格局。'])[0].data.subject).toBe('生态安全战略格局');
  });

  it('“一轴”为…，“两翼”为…: quoted labels followed by 为 (not 以“X”为) (other plans)', () => {
    const f = structures([
      '打造“一轴两翼三区”空间格局，其中“一轴”为沿江发展轴，“两翼”为东翼、西翼，“三区”为城区、园区和景区。',
    ])[0];
    expect(members(f)).toEqual({ 一轴: ['沿江发展轴'], 两翼: ['东翼', '西翼'], 三区: ['城区', '园区', '景区'] });
  });

  it('the code itself is no list of members of its last element (other plans)', () => {
    const f = structures(['形成一核、两带、三区的空间结构。'])[0];
    expect(members(f)).toEqual({ 一核: [], 两带: [], 三区: [] });
  });

  it('after 两带。 a sentence of nothing but members ending in the noun lists them (other plans)', () => {
    const f = structures(['一核。以县城为核心，提升综合承载能力。', '两带。沿江城镇发展带和沿路城镇发展带。', '多点。各中心镇和特色镇。'])[0];
    expect(f.data.code).toBe('一核两带多点');
    expect(members(f)).toEqual({ 一核: ['县城'], 两带: ['沿江城镇发展带', '沿路城镇发展带'], 多点: [] });
  });

  it('“四区一带”国土综合整治格局 (全国国土规划纲要, other plans)', () => {
    const f = structures(['第六章 综合整治', '第一节 推动形成“四区一带”国土综合整治格局'])[0];
    expect([f.data.code, f.data.subject]).toEqual(['四区一带', '国土综合整治格局']);
  });

  it('is less sure of a quoted code with no layout noun and no explanation (other plans)', () => {
    const [slogan] = structures(['加快建设“三中心一基地”，提升城市能级。']);
    const [layout] = structures(['构建“一核一带一区”区域发展格局。']);
    expect(slogan.confidence).toBeLessThan(layout.confidence);
  });

  it('两翼：东翼为…，西翼为…: the parts the clauses open with (other plans)', () => {
    const f = structures(['构建“一核两翼”的发展格局。', '一核：以中心城区为核心，打造区域综合服务中心。', '两翼：东翼为临港产业区，西翼为生态旅游区。'])[0];
    expect(members(f)).toEqual({ 一核: ['中心城区'], 两翼: ['东翼', '西翼'] });
  });

  it('以“双核”为引领 is no label; “一带”为… is (other plans)', () => {
    const f = structures(['构建“双核一带”发展格局，以“双核”为引领，“一带”为滨海发展带。'])[0];
    expect(members(f)).toEqual({ 双核: [], 一带: ['滨海发展带'] });
  });

  it('a subject said before the code (城镇空间结构为“…”), single quotes inside a quotation (other plans)', () => {
    const [f] = structures(['优化城镇空间结构为“一主两副多节点”，提升中心城区首位度。']);
    expect([f.data.code, f.data.subject]).toEqual(['一主两副多节点', '城镇空间结构']);
    expect(codes(['会议提出“着力构建‘一核两翼’空间格局”。'])).toEqual(['一核两翼']);
  });

  it('a heading label followed by a space instead of a colon (other plans)', () => {
    const f = structures([
      '第一章 总体布局',
      '第一节 空间格局',
      '构建“一核两翼”的区域发展格局。',
      '一、一核 中心城区和临港新城',
      '以中心城区为主体，加快建设临港新城。',
      '二、两翼 东部工业区、西部生态区',
      '东部工业区承接产业转移，西部生态区加强生态保护。',
      '第二节 城镇体系',
      '提升县城综合承载能力。',
    ])[0];
    expect(members(f)).toEqual({ 一核: ['中心城区', '临港新城'], 两翼: ['东部工业区', '西部生态区'] });
  });

  it('“一江两岸”, written with ASCII quotes after PDF conversion (other plans)', () => {
    expect(codes(['打造"一江两岸"滨水空间格局，提升城市品质。'])).toEqual(['一江两岸']);
  });
});

describe('the sample plans', () => {
  it('finds every code of 001', () => {
    expect(sampleStructures('001_240daae8c4bbf10a').map((f) => f.data.code)).toEqual([
      '双心一极点六轴三圈层', '一横五射', '两轴五射', '一环九射', '一主两副多节点', '双核一带五集群', '五岛一湾', '一湾双轴', '一屏一带六廊', '两轴四射',
    ]);
  });
});
