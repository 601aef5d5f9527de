// Boundary shapes for the map (data/geo/echarts-4.9.0, ECharts' compressed GeoJSON, Apache-2.0;
// see data/geo/README.md): the raw JSON for the browser and the list of map units.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MAP_PROVINCES = { guangdong: '440000', guangxi: '450000', hainan: '460000' } as const;
export type MapProvince = keyof typeof MAP_PROVINCES;

const GEO_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'geo', 'echarts-4.9.0');

export interface MapUnitRef {
  code: string;
  name: string;
  /** Province code (440000 …). */
  province: string;
  /** Label point [lon, lat] of the shape. */
  cp: [number, number] | null;
}

const raw = new Map<MapProvince, string>();

/** The map JSON of a province as stored (registerMap takes it as is). */
export function mapJson(province: MapProvince): string {
  let s = raw.get(province);
  if (!s) {
    s = readFileSync(join(GEO_DIR, `${province}.json`), 'utf8');
    raw.set(province, s);
  }
  return s;
}

let units: MapUnitRef[] | undefined;

/** Every shape of the three maps (Guangdong 21, Guangxi 14, Hainan 19), in map order. */
export function mapUnits(): MapUnitRef[] {
  if (units) return units;
  units = [];
  for (const [prov, provCode] of Object.entries(MAP_PROVINCES) as Array<[MapProvince, string]>) {
    const json = JSON.parse(mapJson(prov)) as { features: Array<{ id: string; properties: { name: string; cp?: [number, number] } }> };
    for (const f of json.features) units.push({ code: String(f.id), name: f.properties.name, province: provCode, cp: f.properties.cp ?? null });
  }
  return units;
}
