// Unit lists of 分工 annexes → normalized agency names. Lists marked (001) are from the sample
// plan 湛茂都市圈发展规划; lists marked "other plans" are written in the style of other plans.
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../places/index';
import { agencyIndex, defaultPrefixFor, isAgencyLike, normalizeAgency, splitAgencyList, splitAgencyLists, type AgencyContext } from './agencies';
import { loadLexicons } from './lexicons';

const lex = loadLexicons();
const index = agencyIndex(lex.agencies);
const provincial: AgencyContext = { index, gazetteer: loadGazetteer(), defaultPrefix: '省' };
const national: AgencyContext = { index, gazetteer: loadGazetteer(), defaultPrefix: '国家' };
const split = (s: string, ctx = provincial) => splitAgencyList(s, ctx);

describe('agencies.csv', () => {
  it('is a real lexicon: national ministries and the provincial departments, with their full names', () => {
    const names = new Set(lex.agencies.map((a) => a.name));
    for (const n of ['国家发展改革委', '财政部', '交通运输部', '生态环境部', '国家卫生健康委', '海关总署', '税务总局', '市场监管总局']) {
      expect(names, n).toContain(n);
    }
    for (const n of [
      '省发展改革委', '省教育厅', '省科技厅', '省工业和信息化厅', '省公安厅', '省民政厅', '省司法厅', '省财政厅',
      '省人力资源社会保障厅', '省自然资源厅', '省生态环境厅', '省住房城乡建设厅', '省交通运输厅', '省水利厅', '省农业农村厅',
      '省商务厅', '省文化和旅游厅', '省卫生健康委', '省退役军人事务厅', '省应急管理厅', '省审计厅', '省委外办', '省国资委',
      '省市场监管局', '省广电局', '省体育局', '省统计局', '省医保局', '省政务服务数据管理局', '省能源局', '省林业局',
      '省粮食和储备局', '省药监局', '省地方金融监管局', '省通信管理局', '省税务局',
    ]) {
      expect(names, n).toContain(n);
    }
    expect(lex.agencies.length).toBeGreaterThan(150);
  });

  it('gives every alias one canonical name, and no alias is another entry’s name', () => {
    const owner = new Map<string, string>();
    const names = new Set(lex.agencies.map((a) => a.name));
    for (const a of lex.agencies) {
      for (const al of a.aliases) {
        expect(owner.get(al) ?? a.name, `${al} claimed by ${owner.get(al)} and ${a.name}`).toBe(a.name);
        expect(names.has(al), `${al} is an alias of ${a.name} and an entry of its own`).toBe(false);
        owner.set(al, a.name);
      }
    }
  });

  it('knows full and older names: 省发展和改革委员会, 省经济和信息化委 (renamed 2018)', () => {
    expect(index.canonical('省发展和改革委员会')).toBe('省发展改革委');
    expect(index.canonical('省经济和信息化委')).toBe('省工业和信息化厅');
    expect(index.canonical('国家发展和改革委员会')).toBe('国家发展改革委');
    expect(index.canonical('环境保护部')).toBe('生态环境部');
  });
});

describe('splitAgencyList', () => {
  it('distributes the 省 prefix over a list and across a comma (001)', () => {
    expect(split('省发展改革委、科技厅、工业和信息化厅，省通信管理局')).toEqual(['省发展改革委', '省科技厅', '省工业和信息化厅', '省通信管理局']);
  });

  it('drops 等 at the end (001)', () => {
    expect(split('省发展改革委、自然资源厅、生态环境厅等')).toEqual(['省发展改革委', '省自然资源厅', '省生态环境厅']);
  });

  it('normalizes a full name without prefix: 发展和改革委员会 → 省发展改革委 (001)', () => {
    expect(split('省人力资源社会保障厅、住房城乡建设厅、发展和改革委员会')).toEqual(['省人力资源社会保障厅', '省住房城乡建设厅', '省发展改革委']);
  });

  it('completes a name written without its 厅 (001)', () => {
    expect(split('省人力资源社会保障、体育局、中医药局等')).toEqual(['省人力资源社会保障厅', '省体育局', '省中医药局']);
  });

  it('keeps a party office and lets 省 go on after it (001)', () => {
    expect(split('省委外办，省发展改革委、商务厅')).toEqual(['省委外办', '省发展改革委', '省商务厅']);
    expect(split('省委组织部，省发展改革委等')).toEqual(['省委组织部', '省发展改革委']);
    expect(split('省委组织部、宣传部')).toEqual(['省委组织部', '省委宣传部']);
  });

  it('keeps a bracketed second name as written: 省发展改革委（省大湾区办） (001)', () => {
    expect(split('省发展改革委（省大湾区办）')).toEqual(['省发展改革委（省大湾区办）']);
  });

  it('does not split inside brackets; 港澳办 takes 省 (001)', () => {
    expect(split('省工业和信息化厅、交通运输厅、港澳办等')).toEqual(['省工业和信息化厅', '省交通运输厅', '省港澳办']);
  });

  it('keeps self-contained names after the list: 中国人民银行广东省分行 (001)', () => {
    expect(split('省教育厅、公安厅、卫生健康委，中国人民银行广东省分行、国家金融监督管理总局广东监管局等')).toEqual([
      '省教育厅', '省公安厅', '省卫生健康委', '中国人民银行广东省分行', '国家金融监督管理总局广东监管局',
    ]);
  });

  it('reads 市场监管局 as a bare name, not 市 + 场监管局 (001)', () => {
    expect(split('省发展改革委、政务服务数据管理局、市场监管局')).toEqual(['省发展改革委', '省政务服务数据管理局', '省市场监管局']);
  });

  it('splits 湛江、茂名市政府 into two governments (001)', () => {
    expect(split('湛江、茂名市政府')).toEqual(['湛江市政府', '茂名市政府']);
  });

  it('splits 广东、广西两省区人民政府 (002)', () => {
    expect(split('广东、广西两省区人民政府', national)).toEqual(['广东省人民政府', '广西壮族自治区人民政府']);
  });

  it('keeps collective units as written', () => {
    expect(split('省有关部门')).toEqual(['省有关部门']);
    expect(split('各地级以上市人民政府')).toEqual(['各地级以上市人民政府']);
    expect(split('两市政府和有关县（区）政府')).toEqual(['两市政府', '有关县（区）政府']);
    expect(split('省财政厅及有关部门')).toEqual(['省财政厅', '有关部门']);
  });

  it('does not split names that contain 和 (工业和信息化厅, 文化和旅游厅)', () => {
    expect(split('省工业和信息化厅和文化和旅游厅')).toEqual(['省工业和信息化厅', '省文化和旅游厅']);
    expect(split('省文化和旅游厅')).toEqual(['省文化和旅游厅']);
  });

  it('in a national plan a bare 发展改革委 is 国家发展改革委 (002)', () => {
    expect(normalizeAgency('发展改革委', national)).toBe('国家发展改革委');
    expect(split('发展改革委、交通运输部、水利部', national)).toEqual(['国家发展改革委', '交通运输部', '水利部']);
    expect(normalizeAgency('国家发展和改革委员会', national)).toBe('国家发展改革委');
  });

  it('other plans: an old name in a list, a place-prefixed list, city departments', () => {
    expect(split('省经信委、财政厅')).toEqual(['省工业和信息化厅', '省财政厅']);
    expect(split('广东省发展改革委、财政厅')).toEqual(['广东省发展改革委', '广东省财政厅']);
    expect(split('市发展改革局、财政局、自然资源局', { ...provincial, defaultPrefix: '市' })).toEqual(['市发展改革局', '市财政局', '市自然资源局']);
  });
});

describe('other provinces and levels (other plans)', () => {
  const county: AgencyContext = { ...provincial, defaultPrefix: '县' };
  const municipal: AgencyContext = { ...provincial, defaultPrefix: '市' };

  it('names of a 县/区 department share the 市 entries, a 自治区 one the 省 entries', () => {
    expect(split('县发改局、财政局、人社局', county)).toEqual(['县发展改革局', '县财政局', '县人力资源社会保障局']);
    expect(split('区发展和改革委员会、住房和城乡建设委员会', { ...provincial, defaultPrefix: '区' })).toEqual(['区发展改革委', '区住房城乡建设委']);
    expect(split('自治区发展和改革委员会、财政厅')).toEqual(['自治区发展改革委', '自治区财政厅']);
  });

  it('keeps city names as written when the lexicon has several (发改委 / 发改局, 卫健委 / 卫健局)', () => {
    expect(split('市发改委、市卫健局、市文旅局', municipal)).toEqual(['市发展改革委', '市卫生健康局', '市文化和旅游局']);
  });

  it('does not prefix a unit that names its own place: 合肥海关, 人行合肥中心支行', () => {
    expect(split('合肥海关、人行合肥中心支行、省外汇管理局')).toEqual(['合肥海关', '人行合肥中心支行', '省外汇管理局']);
    expect(split('省商务厅、南京海关')).toEqual(['省商务厅', '南京海关']);
  });

  it('keeps 省外办 and 省委外办 apart, and 省经济和信息化厅 as named in the provinces that kept it', () => {
    expect(split('省外办、省委外办')).toEqual(['省外办', '省委外办']);
    expect(index.canonical('省人民政府外事办公室')).toBe('省外办');
    expect(split('省经济和信息化厅、文化旅游厅')).toEqual(['省经济和信息化厅', '省文化和旅游厅']);
  });

  it('keeps 各市、县（区）人民政府 as one collective unit', () => {
    expect(split('省发展改革委、各市、县（区）人民政府')).toEqual(['省发展改革委', '各市、县（区）人民政府']);
    expect(split('各县（市、区）人民政府、市直有关部门', municipal)).toEqual(['各县（市、区）人民政府', '市直有关部门']);
  });

  it('carries the prefix from one list to the next', () => {
    expect(splitAgencyLists(['广东省发展改革委', '财政厅、交通运输厅'], national)).toEqual([['广东省发展改革委'], ['广东省财政厅', '广东省交通运输厅']]);
  });

  it('completes a name without its ending only among other units (a lone 生态环境 is a topic)', () => {
    expect(split('人力资源社会保障、体育局')).toEqual(['省人力资源社会保障厅', '省体育局']);
    expect(split('生态环境', municipal)).toEqual(['生态环境']);
  });

  it('splits units a space apart (a table cell of two paragraphs)', () => {
    expect(split('市发展改革局 市财政局', municipal)).toEqual(['市发展改革局', '市财政局']);
    expect(split('省发展改革委 （省大湾区办）')).toEqual(['省发展改革委（省大湾区办）']);
  });

  it('reads a 领导小组 collective as a unit, a 领导 as a person', () => {
    expect(isAgencyLike('省推进“三地一区”建设领导小组执行小组成员单位', index)).toBe(true);
    expect(isAgencyLike('市政府分管领导', index)).toBe(false);
  });
});

describe('helpers', () => {
  it('defaultPrefixFor follows the plan level', () => {
    expect(defaultPrefixFor('national')).toBe('国家');
    expect(defaultPrefixFor('provincial')).toBe('省');
    expect(defaultPrefixFor('unknown')).toBeNull();
  });

  it('isAgencyLike accepts bodies and refuses people and phrases', () => {
    expect(isAgencyLike('省信访局', index)).toBe(true);
    expect(isAgencyLike('有关部门', index)).toBe(true);
    expect(isAgencyLike('省区人民政府主要负责人', index)).toBe(false);
    expect(isAgencyLike('按职责分工', index)).toBe(false);
  });
});
