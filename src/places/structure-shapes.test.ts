// Structure elements of the sample plans: how each is drawn and where its members are.
import { describe, expect, it } from 'vitest';
import { classifyElement, placeElement, unitsNamed } from './structure-shapes';
import { loadGazetteer } from './index';

const gaz = loadGazetteer();

describe('classifyElement', () => {
  it('cores and nodes are points', () => {
    for (const n of ['三核', '双心', '一极点', '双核', '一主', '两副', '多节点', '多个节点', '五岛']) expect(classifyElement(n), n).toBe('point');
  });
  it('axes, belts and corridors are lines', () => {
    for (const n of ['四轴', '六轴', '三条发展轴', '一个走廊', '四带', '一带', '六廊', '一横', '三纵', '五射', '一环']) expect(classifyElement(n), n).toBe('line');
  });
  it('zones are areas', () => {
    for (const n of ['两屏', '三区', '两个密集区', '三圈层', '五集群', '四组团', '一湾', '延伸区', '一屏']) expect(classifyElement(n), n).toBe('area');
  });
  it('says other when the name has no known noun', () => {
    expect(classifyElement('多元')).toBe('other');
  });
});

describe('placeElement', () => {
  it('places members by code, or by the places their names mention in order', () => {
    // 粤西: 三核 has codes; 四轴 members are chains of place names
    const core = placeElement(gaz, {
      name: '三核',
      count: 3,
      members: ['湛江市中心城区', '茂名市中心城区', '阳江市中心城区'],
      memberCodes: ['440800', '440900', '441700'],
      span: null,
    });
    expect(core.shape).toBe('point');
    expect(core.members.map((m) => m.places[0].code)).toEqual(['440800', '440900', '441700']);
    expect(core.members[0].places[0].point).toEqual(gaz.byCode('440800')!.point);

    const scope = ['湛江市', '茂名市', '阳江市'];
    const axis = placeElement(gaz, { name: '四轴', count: 4, members: ['东海岛—廉江', '信宜—高州—茂南茂港'], memberCodes: [null, null], span: null }, null, scope);
    expect(axis.shape).toBe('line');
    const chain = axis.members[1].places.map((p) => p.name);
    expect(chain.slice(0, 2)).toEqual(['信宜市', '高州市']);
    // counties have no point of their own: their prefecture's, marked approximate
    expect(axis.members[1].places[0].approx).toBe(true);
    expect(axis.members[1].places[0].point).toEqual(gaz.byCode('440900')!.point);
    // without the plan's units as context, a county short form alone is not trusted
    expect(placeElement(gaz, { name: '一纵', count: 1, members: ['信宜—高州'], memberCodes: [null], span: null }).members[0].places).toEqual([]);
  });

  it('reads 湛江主中心 as 湛江市', () => {
    const el = placeElement(gaz, { name: '双心', count: 2, members: ['湛江主中心', '茂名副中心'], memberCodes: [null, null], span: null });
    expect(el.members.map((m) => m.places.map((p) => p.code))).toEqual([['440800'], ['440900']]);
  });

  it('falls back to the explaining sentence when no member names a place', () => {
    const el = placeElement(gaz, { name: '一轴', count: 1, members: ['珠江—西江主干流区域'], memberCodes: [null], span: null }, '依托珠江—西江主干流区域，以广州、佛山、肇庆、梧州、南宁为节点');
    expect(el.fromSpanText).toBe(true);
    expect(el.members.at(-1)!.places.map((p) => p.name)).toEqual(['广州市', '佛山市', '肇庆市', '梧州市', '南宁市']);
  });

  it('names each unit once', () => {
    expect(unitsNamed(gaz, '湛江—茂名—湛江').map((p) => p.code)).toEqual(['440800', '440900']);
  });
});
