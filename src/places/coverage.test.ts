// coverageOf: a plan covers a unit directly, through a unit above it, or in part.
import { describe, expect, it } from 'vitest';
import { coverageOf } from './coverage';
import { loadGazetteer } from './index';

const gaz = loadGazetteer();

describe('coverageOf', () => {
  it('tells direct, parent and partial coverage apart, preferring the closest and scope over extension', () => {
    expect(coverageOf(gaz, [{ code: '440800', role: 'scope' }], '440800')).toEqual({ relation: 'direct', role: 'scope', via: '440800' });
    // a province plan covers its prefectures and counties
    expect(coverageOf(gaz, [{ code: '440000', role: 'scope' }], '440882')?.relation).toBe('parent');
    // a plan naming one county covers part of its prefecture
    expect(coverageOf(gaz, [{ code: '440882', role: 'scope' }], '440800')).toEqual({ relation: 'part', role: 'scope', via: '440882' });
    expect(coverageOf(gaz, [{ code: '450300', role: 'extension' }], '450300')?.role).toBe('extension');
    expect(coverageOf(gaz, [{ code: '440000', role: 'scope' }, { code: '440800', role: 'extension' }], '440800')).toEqual({ relation: 'direct', role: 'extension', via: '440800' });
    expect(coverageOf(gaz, [{ code: '450100', role: 'scope' }], '440800')).toBeNull();
  });
});
