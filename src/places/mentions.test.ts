// findMentions on real sentences from data/plans (file noted beside each).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLACES_DIR, loadGazetteer } from './index';

const gaz = loadGazetteer();
const found = (text: string) => gaz.findMentions(text).map((m) => `${m.surface}:${m.place.code}`);
const names = (text: string) => gaz.findMentions(text).map((m) => m.place.name);

describe('findMentions', () => {
  it('finds the three prefectures of 粤西 with exact spans (000)', () => {
    const text = '粤西地区包括湛江、茂名、阳江三个地级市';
    const ms = gaz.findMentions(text);
    expect(ms.map((m) => [m.place.name, m.place.code, m.start, m.end, m.surface])).toEqual([
      ['湛江市', '440800', 6, 8, '湛江'],
      ['茂名市', '440900', 9, 11, '茂名'],
      ['阳江市', '441700', 12, 14, '阳江'],
    ]);
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.surface);
  });

  it('finds 2 provinces and 11 prefectures in the scope of 珠江—西江经济带 (002)', () => {
    const text =
      '规划范围包括广东省的广州、佛山、肇庆、云浮4市和广西壮族自治区的南宁、柳州、梧州、贵港、百色、来宾、崇左7市，区域面积165万平方公里，2013年末常住人口5228万人';
    expect(names(text)).toEqual([
      '广东省', '广州市', '佛山市', '肇庆市', '云浮市',
      '广西壮族自治区', '南宁市', '柳州市', '梧州市', '贵港市', '百色市', '来宾市', '崇左市',
    ]);
  });

  it('finds autonomous prefectures by their short names (002)', () => {
    const text = '西江上游贵州黔东南、黔南、黔西南、安顺，云南文山、曲靖的沿江部分地区作为规划延伸区';
    expect(names(text)).toEqual([
      '贵州省', '黔东南苗族侗族自治州', '黔南布依族苗族自治州', '黔西南布依族苗族自治州', '安顺市',
      '云南省', '文山壮族苗族自治州', '曲靖市',
    ]);
  });

  it('finds county-level units when their prefecture is named (001)', () => {
    const text =
      '依托汕湛高速公路、化廉高速公路、河茂铁路构建都市圈交通副轴，串联北部高州、化州、廉江等主要交通节点。湛江、茂名两市';
    expect(found(text)).toEqual(['高州:440981', '化州:440982', '廉江:440881', '湛江:440800', '茂名:440900']);
  });

  it('prefers the full name over a shorter form inside it (001)', () => {
    expect(found('支持廉江市、信宜市、雷州市等创建国家县域商业行动示范县')).toEqual([
      '廉江市:440881', '信宜市:440983', '雷州市:440882',
    ]);
  });

  it('ignores county short forms when the text does not name their region', () => {
    // 南山 (深圳), 高州 (茂名) alone are not enough
    expect(found('推动高铁引入南山作业区')).toEqual([]);
    expect(found('高州')).toEqual([]);
    expect(found('茂名高州')).toEqual(['茂名:440900', '高州:440981']);
  });

  it('does not take 县城, 示范县, 城区 for places (000, 001)', () => {
    expect(found('支持和鼓励县城积极承接珠三角产业转移')).toEqual([]);
    expect(found('推进国家级农村职业教育与成人教育示范县建设')).toEqual([]);
    expect(found('经过吴川城区、海东新区、湛江城区、东海岛经济开发区、徐闻县城')).toEqual([
      '吴川:440883', '湛江:440800', '徐闻县:440825',
    ]);
  });

  it('does not match words that contain a place name (not-places.csv)', () => {
    expect(found('雷州半岛治旱工程')).toEqual([]); // 000
    expect(found('逐步形成都市圈充电基础设施网络体系')).toEqual([]); // 001, not 成都市
    expect(found('建设国家级滨海旅游休闲目的地')).toEqual([]); // 000, not 滨海新区
    expect(found('加快建设沿海大通道，推进通达太平洋的出海通道')).toEqual([]); // 001
    expect(found('加快建设黄金水道，以干线航道为重点')).toEqual([]); // 002
    expect(found('支持合作共建重大科技创新平台')).toEqual([]); // 002
    expect(found('大力推进乡村振兴，实现共同富裕')).toEqual([]);
  });

  it('does not match one-character forms or generic two-character districts', () => {
    expect(found('粤桂琼海洋经济合作')).toEqual([]);
    expect(found('园区东区和西区、中心城区、郊区')).toEqual([]);
  });

  it('honours a within-scoped not-place: 海东 in a 湛江 text is its 海东新区 area (001)', () => {
    expect(found('广东医科大学湛江海东校区')).toEqual(['广东:440000', '湛江:440800']);
    expect(found('青海海东')).toEqual(['青海:630000', '海东:630200']);
  });

  it('splits 海南区域 into 海南 + 区域, not the district 海南区 of 乌海 (001)', () => {
    expect(found('加强与海南区域合作')).toEqual(['海南:460000']);
  });

  it('keeps 中山 (中山市) but not 中山路 (001)', () => {
    // 阳春 (阳江) needs 阳江 named in the text; 信宜 has 茂名
    expect(found('中山至茂名高速阳春至信宜段')).toEqual(['中山:442000', '茂名:440900', '信宜:440983']);
    expect(found('阳江、中山至茂名高速阳春至信宜段')).toEqual(['阳江:441700', '中山:442000', '茂名:440900', '阳春:441781', '信宜:440983']);
    expect(found('高州市中山路、南华路等历史文化街区')).toEqual(['高州市:440981']);
  });

  it('uses the text to choose between namesakes', () => {
    expect(found('广州市白云区')).toEqual(['广州市:440100', '白云区:440111']);
    expect(found('贵阳市白云区')).toEqual(['贵阳市:520100', '白云区:520113']);
    expect(found('大连市中山区')).toEqual(['大连市:210200', '中山区:210202']);
    expect(found('与海南的合作')).toEqual(['海南:460000']);
    expect(found('青海省海南州')).toEqual(['青海省:630000', '海南州:632500']);
  });

  it('resolves old names and two-character county names with their parent named (002)', () => {
    expect(found('南宁横县西津')).toEqual(['南宁:450100', '横县:450181']);
    expect(found('梧州藤县')).toEqual(['梧州:450400', '藤县:450422']);
    expect(found('提高县城综合承载能力')).toEqual([]);
  });

  // (speed is measured by bench/ingest.ts, not asserted here)
  it('scans a whole plan and every span is exact', () => {
    const dir = join(DEFAULT_PLACES_DIR, '..', 'plans');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      const ms = gaz.findMentions(text);
      expect(ms.length, f).toBeGreaterThan(100);
      let last = -1;
      for (const m of ms) {
        expect(text.slice(m.start, m.end)).toBe(m.surface);
        expect(m.start).toBeGreaterThanOrEqual(last);
        last = m.end;
      }
    }
  });
});
