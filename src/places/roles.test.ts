// readRoles on real sentences of the sample plans (data/plans): 粤西 (000), 湛茂都市圈 (001), 珠江—西江 (002).
import { describe, expect, it } from 'vitest';
import { cutRole, readRoles } from './roles';

const ZJ = ['湛江市', '湛江'];
const roles = (s: string, forms = ZJ) => readRoles(s, forms).map((r) => r.role);

describe('readRoles', () => {
  it('reads 作为 X', () => {
    expect(roles('湛江作为粤西中心城市，要发挥龙头作用，高标准规划建设宜居宜业的生态型海湾城市。')).toEqual(['粤西中心城市']);
    // the phrase ends on its last head noun, not on 的引领作用
    expect(roles('以湛江市城区为主中心，强化湛江市作为省域副中心城市和现代化沿海经济带重要发展极的引领作用，围绕海洋经济、现代服务、科技创新等方面')).toEqual([
      '主中心',
      '省域副中心城市和现代化沿海经济带重要发展极',
    ]);
    expect(roles('湛江作为我国最早的 14 个沿海开放城市之一，区位、资源、政策等优势条件未得到充分利用')).toEqual(['我国最早的14个沿海开放城市之一']);
  });

  it('reads 把/将 X 建设成为/打造为/作为 Y', () => {
    expect(roles('是贯彻落实习近平总书记关于把湛江作为重要发展极的重要指示')).toEqual(['重要发展极']);
    expect(roles('依托核电项目和岸线资源为支撑，积极稳妥发展核电产业链及其配套设备，把阳江建设成为新能源产业基地。', ['阳江市', '阳江'])).toEqual(['新能源产业基地']);
    expect(roles('大力推进城南新区开发，建设珠三角通往粤西的门户城市，将阳江打造成为广东宜居创业的滨海新城。', ['阳江市', '阳江'])).toEqual(['广东宜居创业的滨海新城']);
  });

  it('reads 以 X 为 Y, also with other places listed beside it', () => {
    expect(roles('广东将沿海经济带作为经济发展的主战场，提出建设湛江省域副中心城市，培育壮大湛江发展极，以湛江为中心，携手茂名一体化发展')).toEqual([
      '省域副中心城市',
      '发展极',
      '中心',
    ]);
    expect(roles('“三核”——以湛江、茂名、阳江市的中心城区为核心区，进一步完善城市功能')).toEqual(['核心区']);
    expect(roles('“三核”——以湛江、茂名、阳江市的中心城区为核心区，进一步完善城市功能', ['阳江市', '阳江'])).toEqual([]);
    expect(roles('形成石化装备产业链，建设以茂名为核心的广东石油化工装备制造基地。', ['茂名市', '茂名'])).toEqual(['核心']);
  });

  it('reads a rank given with 支持/强化 only when it is a rank, not a project', () => {
    expect(roles('支持湛江建设区域消费中心城市，带动区域消费提质扩容')).toEqual(['区域消费中心城市']);
    expect(roles('支持湛江建设锂电硅碳负极材料集聚区，推进茂名储能产业发展')).toEqual([]);
    expect(roles('加快建设湛江综合保税区、化州保税物流中心（B型）。')).toEqual([]);
    expect(roles('强化广州和南宁作为经济带的双核作用，依托现有综合优势', ['广州市', '广州'])).toEqual(['经济带的双核']);
    expect(roles('强化广州和南宁作为经济带的双核作用，依托现有综合优势', ['南宁市', '南宁'])).toEqual(['经济带的双核']);
    expect(roles('强化广州、南宁区域性金融中心功能，深化金融改革', ['广州市', '广州'])).toEqual(['区域性金融中心']);
  });

  it('does not read a role for another thing named after the place', () => {
    expect(roles('以湛江港为中心枢纽，以茂名港和阳江港为支线港，充分利用深水良港优势')).toEqual([]);
    expect(roles('以湛江东海岛为核心，以湛江湾、雷州湾沿岸地区的产业园区为重要的产业配套基地')).toEqual([]);
    expect(roles('以湛江北站为主枢纽，茂名站和湛江吴川机场站为副枢纽', ['吴川市', '吴川'])).toEqual([]);
  });

  it('reads a title written before the name', () => {
    // pattern “X城市湛江” (no sample sentence has it yet; this is the 湛茂 plan's wording turned around)
    expect(roles('加快建设省域副中心城市湛江，携手茂名一体化发展')).toEqual(['省域副中心城市']);
  });

  it('gives spans inside the sentence', () => {
    const s = '湛江作为粤西中心城市，要发挥龙头作用';
    const [r] = readRoles(s, ZJ);
    expect(s.slice(r.start, r.end)).toBe('湛江作为粤西中心城市');
    expect(r.pattern).toBe('as');
  });
});

describe('cutRole', () => {
  it('cuts at punctuation and back to a head noun', () => {
    expect(cutRole('重要发展极的重要指示，是促进')).toBe('重要发展极');
    expect(cutRole('经济带的双核作用')).toBe('经济带的双核');
    expect(cutRole('的重要指示')).toBe('');
  });
});
