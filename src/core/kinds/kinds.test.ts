import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateAddition } from '../finding-fields';
import { allKinds, kindNames, parseKind, registerKind } from './index';

describe('the kind registry', () => {
  it('lists every built-in kind once, in display order, by name and plural', () => {
    expect(kindNames()).toEqual(['target', 'structure', 'duty', 'project', 'fact', 'place', 'reference']);
    expect(new Set(allKinds().map((k) => k.plural)).size).toBe(allKinds().length);
    expect(parseKind('duties')).toBe('duty');
    expect(parseKind('target')).toBe('target');
    expect(() => parseKind('galaxy')).toThrow(/unknown kind "galaxy"; one of: target, structure/);
    expect(() => registerKind(allKinds()[0])).toThrow(/registered twice/);
  });

  it('labels every field of every kind, and every value of every enum field, in Chinese and English', () => {
    for (const k of allKinds()) {
      expect(Object.keys(k.fields), k.name).toEqual(Object.keys(k.schema.shape));
      for (const [field, schema] of Object.entries(k.schema.shape as Record<string, z.ZodType>)) {
        const label = (k.fields as Record<string, { zh: string; en: string }>)[field];
        expect(label.zh && label.en, `${k.name}.${field}`).toBeTruthy();
        const inner = schema instanceof z.ZodNullable ? (schema.unwrap() as z.ZodType) : schema;
        if (inner instanceof z.ZodEnum) {
          const values = (k.values as Record<string, Record<string, unknown>> | undefined)?.[field] ?? {};
          expect(Object.keys(values).sort(), `${k.name}.${field}`).toEqual([...(inner.options as string[])].sort());
        }
      }
    }
  });

  it('summarizes an added finding of every kind from its minimal fields', () => {
    const minimal: Record<string, Record<string, unknown>> = {
      target: { indicator: '地区生产总值', year: 2025, value: 1000, unit: '亿元', comparator: 'ge' },
      structure: { code: '一核一带一区', elements: [] },
      duty: { task: '推进交通基础设施互联互通', lead: ['省交通运输厅'] },
      project: { name: '湛江港30万吨级航道', count: 2 },
      fact: { indicator: '常住人口', year: 2020, value: 700, unit: '万人' },
      place: { code: '440800', name: '湛江市', level: 'prefecture' },
      reference: { title: '广东省国民经济和社会发展第十四个五年规划纲要', docNumber: '粤府〔2021〕28号' },
    };
    const lines = allKinds().map((k) => k.summary(validateAddition(k.name as never, minimal[k.name]) as never));
    expect(lines).toEqual([
      '地区生产总值 |  | 2025年 | ≥1000亿元 | 总量/水平',
      '“一核一带一区”: ',
      '推进交通基础设施互联互通 | 牵头：省交通运输厅 | 参加：',
      '湛江港30万吨级航道 | 2项',
      '常住人口 |  | 2020年 | 700万人',
      '湛江市 440800',
      '《广东省国民经济和社会发展第十四个五年规划纲要》（粤府〔2021〕28号）',
    ]);
  });
});
