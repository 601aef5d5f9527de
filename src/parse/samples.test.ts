// The three sample plans, parsed from the raw file text and (when src/ingest is present)
// from ingest's normalized text: outline, table of contents and metadata against the gold.
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanDoc, PlanMeta, PlanText, Section } from '../core/types.js';
import type { ExtractMeta } from '../extract/index.js';
import { loadGazetteer } from '../places/index.js';
import { detectToc, flattenSections, headingText, outlineToText, parsePlan, planTextFromString } from './index.js';

const gazetteer = loadGazetteer();
const planUrl = (id: string) => new URL(`../../data/plans/${id}.txt`, import.meta.url);
const IDS = ['000_dde77a566d45a381', '001_240daae8c4bbf10a', '002_cf5822304d6f3ba0'] as const;
type Id = (typeof IDS)[number];

// src/ingest is written concurrently: import it by path so this file typechecks without it.
interface IngestModule {
  ingestBytes(bytes: Uint8Array, fileName: string): Promise<PlanText>;
}
const INGEST_URL = new URL('../ingest/index.ts', import.meta.url);
const hasIngest = existsSync(INGEST_URL);

async function load(id: Id, mode: 'raw' | 'ingest'): Promise<PlanText> {
  const bytes = readFileSync(planUrl(id));
  if (mode === 'raw') return planTextFromString(bytes.toString('utf8'), `${id}.txt`);
  const mod = (await import(/* @vite-ignore */ INGEST_URL.href)) as IngestModule;
  return mod.ingestBytes(new Uint8Array(bytes), `${id}.txt`);
}

/** Gold metadata (from ../shared/eval/gold/*.meta.json), the fields the parser reports. */
const GOLD: Record<Id, Omit<PlanMeta, 'evidence' | 'frame'>> = {
  '000_dde77a566d45a381': {
    title: '粤西地区经济社会发展规划纲要（2011—2015年）',
    issuer: ['广东省人民政府'],
    docNumber: '粤府〔2011〕152号',
    issued: '2011-12-31',
    period: [2011, 2015],
    horizon: null,
    scope: ['湛江市', '茂名市', '阳江市'],
    extension: [],
    level: 'provincial',
  },
  '001_240daae8c4bbf10a': {
    title: '湛茂都市圈发展规划',
    issuer: ['广东省人民政府'],
    docNumber: null,
    issued: null,
    period: [2023, 2030],
    horizon: 2035,
    scope: ['湛江市', '茂名市'],
    extension: [],
    level: 'provincial',
  },
  '002_cf5822304d6f3ba0': {
    title: '珠江—西江经济带发展规划',
    issuer: ['国家发展改革委'],
    docNumber: null,
    issued: '2014-07',
    period: [2014, 2020],
    horizon: 2030,
    scope: ['广州市', '佛山市', '肇庆市', '云浮市', '南宁市', '柳州市', '梧州市', '贵港市', '百色市', '来宾市', '崇左市'],
    extension: [
      '桂林市', '玉林市', '贺州市', '河池市', '黔东南苗族侗族自治州', '黔南布依族苗族自治州', '黔西南布依族苗族自治州',
      '安顺市', '文山壮族苗族自治州', '曲靖市',
    ],
    level: 'cross-provincial',
  },
};

const GOLD_DIR = new URL('../../../shared/eval/gold/', import.meta.url);
/** A gold file's metadata: the extract JSON's meta, where extension may be missing and evidence has no offsets. */
type GoldFile = Omit<ExtractMeta, 'extension' | 'evidence'> & { extension?: string[]; evidence: Array<{ field: string; quote: string }> };
const goldFile = (id: Id): GoldFile | null => {
  const url = new URL(`${id}.meta.json`, GOLD_DIR);
  return existsSync(url) ? (JSON.parse(readFileSync(url, 'utf8')) as GoldFile) : null;
};

const titles = (ss: readonly Section[]) => ss.map(headingText);
const top = (doc: PlanDoc) => titles(doc.sections);
const chapter = (doc: PlanDoc, label: string) => {
  const c = doc.sections.find((s) => s.label === label);
  if (!c) throw new Error(`no top-level section labelled ${label}`);
  return c;
};
const structural = (ss: readonly Section[]) => ss.filter((s) => s.kind !== 'runin' && s.kind !== 'box');

describe('the gold copied here is the gold of ../shared/eval', () => {
  it.each(IDS)('%s', (id) => {
    const g = goldFile(id);
    if (!g) return; // the shared folder is not there (e.g. in a fresh clone): nothing to compare
    const { title, issuer, doc_number, issued, period, horizon, scope, extension = [], level } = g;
    expect(GOLD[id]).toEqual({ title, issuer, docNumber: doc_number, issued, period, horizon, scope, extension, level });
  });
});

const MODES = hasIngest ? (['raw', 'ingest'] as const) : (['raw'] as const);

describe.each(MODES)('sample plans (%s text)', (mode) => {
  const docs = {} as Record<Id, PlanDoc>;
  beforeAll(async () => {
    for (const id of IDS) docs[id] = parsePlan(await load(id, mode), gazetteer);
  });

  describe('000 粤西 (web text, 一、 chapters, （一） sections)', () => {
    const id = '000_dde77a566d45a381';
    it('has the preface and ten chapters 一 … 十, not the TOC entries', () => {
      const doc = docs[id];
      expect(top(doc)).toEqual([
        '前言', '一、发展背景', '二、总体要求和发展目标', '三、空间布局', '四、建设现代产业体系', '五、建设统筹城乡发展示范区',
        '六、完善基础设施建设', '七、保障和改善民生', '八、加强生态环境保护', '九、深化改革开放合作', '十、建立规划实施的保障机制',
      ]);
      expect(doc.sections.map((s) => s.kind)).toEqual(['preface', ...Array(10).fill('chapter')]);
      expect(doc.toc).not.toBeNull();
      const toc = doc.toc!;
      for (const s of flattenSections(doc.sections)) expect(s.start >= toc.end || s.end <= toc.start).toBe(true);
    });
    it('chapters have their （一） sections; 九 has （二） although the TOC skips it', () => {
      const doc = docs[id];
      expect(titles(structural(chapter(doc, '二').children))).toEqual(['（一）指导思想', '（二）战略定位', '（三）发展目标']);
      expect(titles(structural(chapter(doc, '九').children))).toEqual(['（一）推进体制改革', '（二）提升开放型经济水平', '（三）加强区域合作']);
      expect(doc.sections.slice(1).map((c) => structural(c.children).length)).toEqual([2, 3, 3, 5, 4, 4, 6, 3, 3, 4]);
      expect(flattenSections(doc.sections).filter((s) => s.kind === 'subitem').every((s) => s.level === 2)).toBe(true);
    });
    it('finds the 专栏 boxes inside the section they appear in, and run-in headings', () => {
      const doc = docs[id];
      const layout = chapter(doc, '三').children[2];
      expect(headingText(layout)).toBe('（三）产业空间布局');
      expect(titles(layout.children.filter((s) => s.kind === 'box'))).toEqual(['专栏1 粤西三市重点发展地区', '专栏2 粤西三市重点保护地区']);
      const basis = chapter(doc, '一').children[0];
      expect(basis.children.map((s) => [s.kind, s.title])).toEqual([
        ['runin', '经济综合实力明显提升'], ['runin', '产业结构进一步优化'], ['runin', '宜居城乡建设取得新成效'], ['runin', '人民生活进一步改善'],
      ]);
    });
    it('section spans cover their text', () => {
      const doc = docs[id];
      const t = doc.text.text;
      const ch1 = chapter(doc, '一');
      expect(t.slice(ch1.headingStart, ch1.headingEnd)).toBe('一、发展背景');
      expect(t.slice(ch1.start, ch1.end)).toContain('加快振兴发展');
      expect(ch1.end).toBeLessThanOrEqual(chapter(doc, '二').start);
      const last = doc.sections[doc.sections.length - 1];
      expect(t.slice(last.start, last.end).endsWith('鼓励公众积极参与规划的实施和监督。')).toBe(true);
    });
  });

  describe('001 湛茂 (PDF text, 第X章/第X节, 附件)', () => {
    const id = '001_240daae8c4bbf10a';
    it('has 前言, 第一章 … 第九章 and the annex at the top level', () => {
      const doc = docs[id];
      expect(top(doc)).toEqual([
        '前言', '第一章 发展背景', '第二章 总体要求', '第三章 共建一体高效的现代化基础设施体系', '第四章 构建协作共赢的现代产业体系',
        '第五章 构筑区域合作开放新格局', '第六章 共保共治优美生态环境', '第七章 共建共享优质公共服务', '第八章 协同推进城乡融合发展',
        '第九章 加强规划实施保障', '附件 重点任务分工方案',
      ]);
      expect(doc.sections.map((s) => s.kind)).toEqual(['preface', ...Array(9).fill('chapter'), 'annex']);
    });
    it('第X节 titles match the table of contents', () => {
      const doc = docs[id];
      const raw = readFileSync(planUrl(id), 'utf8');
      const tocSections = detectToc(raw)!.entries.filter((e) => e.type === 'jie').map((e) => `${e.label} ${e.title}`);
      expect(tocSections).toHaveLength(38);
      const bodySections = flattenSections(doc.sections).filter((s) => s.kind === 'section').map(headingText);
      expect(bodySections).toEqual(tocSections);
    });
    it('the annex holds its task list; the 13 专栏 boxes are found in order', () => {
      const doc = docs[id];
      const annex = doc.sections[doc.sections.length - 1];
      expect(annex.children.map((s) => s.kind)).toEqual(Array(7).fill('item'));
      expect(annex.children.map((s) => s.children.length)).toEqual([4, 6, 4, 4, 5, 3, 0]);
      const boxes = flattenSections(doc.sections).filter((s) => s.kind === 'box');
      expect(boxes.map((b) => b.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
      expect(headingText(boxes[0])).toBe('专栏1 轨道网重点工程');
    });
    it('a 专栏 list closes when the section list goes on (三、 after the box\'s 四、)', () => {
      const doc = docs[id];
      const transport = chapter(doc, '第三章').children[0];
      expect(titles(structural(transport.children))).toEqual([
        '一、打造“两轴五射”的综合交通格局', '二、加快构建区域轨道交通网络体系', '三、积极打造“环状+放射状”的高快速公路网络', '四、全面提升综合立体交通枢纽辐射能力',
      ]);
      const box1 = transport.children[1].children.find((s) => s.kind === 'box')!;
      expect(titles(box1.children)).toEqual(['一、高速铁路', '二、普速铁路', '三、城际铁路', '四、市域铁路']);
    });
  });

  describe('002 珠江—西江 (the whole document on one line)', () => {
    const id = '002_cf5822304d6f3ba0';
    it('has 前言 and 第一章 … 第十章', () => {
      const doc = docs[id];
      expect(top(doc)).toEqual([
        '前言', '第一章 发展背景', '第二章 总体要求', '第三章 构建协调联动空间格局', '第四章 协同推进重大基础设施建设',
        '第五章 共建珠江—西江生态廊道', '第六章 促进产业协同发展', '第七章 建设特色多元沿江城镇体系', '第八章 推进公共服务一体化',
        '第九章 共创开放合作新高地', '第十章 保障措施',
      ]);
    });
    it('sections match the TOC titles exactly', () => {
      const doc = docs[id];
      const raw = readFileSync(planUrl(id), 'utf8');
      const tocSections = detectToc(raw)!.entries.filter((e) => e.type === 'jie').map((e) => `${e.label} ${e.title}`);
      const bodySections = flattenSections(doc.sections).filter((s) => s.kind === 'section').map(headingText);
      expect(bodySections).toEqual(tocSections);
      expect(titles(chapter(doc, '第一章').children)).toEqual(['第一节 发展条件', '第二节 重大意义']);
      expect(doc.sections.slice(1).map((c) => c.children.length)).toEqual([2, 4, 2, 3, 5, 3, 2, 6, 3, 2]);
      const t = doc.text.text;
      const ch1 = chapter(doc, '第一章');
      expect(t.slice(ch1.headingStart, ch1.headingEnd)).toBe('第一章发展背景');
      expect(t.slice(ch1.children[0].headingEnd, ch1.children[0].headingEnd + 6)).toBe('珠江—西江经');
    });
    it('finds the 专栏 boxes with their titles', () => {
      const doc = docs[id];
      const boxes = flattenSections(doc.sections).filter((s) => s.kind === 'box').map(headingText);
      expect(boxes).toEqual([
        '专栏1 发展目标', '专栏2 交通建设重点工程', '专栏3 重点生态功能区、自然保护区、风景名胜区、森林公园、地质公园、湿地公园',
        '专栏4 循环经济产业基地', '专栏5 特色旅游精品线路',
      ]);
    });
  });

  describe.each(IDS)('metadata of %s', (id) => {
    it('equals the gold', () => {
      const { evidence, frame, ...meta } = docs[id].meta;
      expect(meta).toEqual(GOLD[id]);
      expect(frame.period).toEqual(meta.period);
      expect(evidence.length).toBeGreaterThan(0);
    });
    it('cites evidence where the gold quotes are', () => {
      const g = goldFile(id);
      if (!g) return;
      const doc = docs[id];
      const t = doc.text.text;
      const fieldOf: Record<string, string> = { doc_number: 'docNumber' };
      for (const q of g.evidence) {
        const field = fieldOf[q.field] ?? q.field;
        const places: number[] = [];
        for (let at = t.indexOf(q.quote); at >= 0; at = t.indexOf(q.quote, at + 1)) places.push(at);
        if (places.length === 0) continue; // normalized away (e.g. width unified by ingest)
        const ours = doc.meta.evidence.filter((e) => e.field === field);
        const hit = ours.some((e) => places.some((at) => e.start < at + q.quote.length && e.end > at));
        // 001's issuer is cited at the first 省有关部门, the gold quotes the annex's: one of them suffices
        if (!hit && g.evidence.some((o) => o !== q && o.field === q.field)) continue;
        expect({ field, hit }).toEqual({ field, hit: true });
      }
    });
  });
});

describe('outlineToText', () => {
  it('prints an indented outline with label and title', () => {
    const doc = parsePlan(planTextFromString(readFileSync(planUrl('000_dde77a566d45a381'), 'utf8')), gazetteer);
    const text = outlineToText(doc.sections, { maxLevel: 2 });
    expect(text.split('\n').slice(0, 4)).toEqual(['前言', '一、发展背景', '  （一）发展基础', '  （二）发展机遇']);
  });
});
