// 地图 and place pages: map shapes, units coloured by plan count or an indicator, a plan's spatial
// structure placed on the map, and what the plans say about one unit.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context';
import { HttpError } from '../errors';
import { planOr404 } from '../dto';
import { MAP_PROVINCES, mapJson, type MapProvince } from '../../places/geo';
import { getMapUnits, getPlaceView, getPlanStructures, MAP_PLANS_PER_UNIT, PLACE_LISTS, PLACE_PAGE_DEFAULT, type PlaceList } from '../../store/place-views';
import { findPlace, mapIndicators, searchPlaces } from '../../places/lookup';
import { errors, int, intOrNull, lonLatOrNull, num, obj, offsetOrNull, periodOrNull, PLACE_LEVELS, PLAN_LEVELS, ref, str, strOrNull } from '../schemas';

const PROVINCES = Object.keys(MAP_PROVINCES);

const placeLevel = { type: 'string', enum: PLACE_LEVELS };
const relation = { type: 'string', enum: ['direct', 'parent', 'part'], description: 'direct: the plan names the unit; parent: a unit it lies in; part: a unit inside it' };
const role = { type: 'string', enum: ['scope', 'extension'], description: 'scope 规划范围, extension 规划延伸区' };
const text = (description: string) => ({ type: 'string', description });

/** ECharts map JSON as stored (data/geo/echarts-4.9.0): compressed GeoJSON. */
const geoJson = obj(
  {
    type: { type: 'string', enum: ['FeatureCollection'] },
    UTF8Encoding: { type: 'boolean', description: 'true: coordinates are ECharts-encoded strings (echarts.registerMap decodes them)' },
    features: {
      type: 'array',
      items: obj({
        id: text('six-digit GB/T 2260 code of the prefecture'),
        type: { type: 'string', enum: ['Feature'] },
        properties: obj(
          { name: str, cp: { type: 'array', items: num, minItems: 2, maxItems: 2, description: 'label point [longitude, latitude]' }, childNum: int },
          { optional: ['cp', 'childNum'] },
        ),
        geometry: obj(
          {
            type: { type: 'string', enum: ['Polygon', 'MultiPolygon'] },
            coordinates: { type: 'array', description: 'encoded rings (nested per polygon for MultiPolygon)' },
            encodeOffsets: { type: 'array', description: 'offsets the encoding starts from' },
          },
          { optional: ['encodeOffsets'] },
        ),
      }),
    },
  },
  { optional: ['UTF8Encoding'], description: 'ECharts map JSON (echarts 4.9.0 compressed GeoJSON); pass it to echarts.registerMap' },
);

const structureView = obj({
  key: text('stable identity of the structure finding'),
  code: text('the structure as the plan names it (三核四轴两屏)'),
  subject: { type: ['string', 'null'], description: 'what it structures (国土开发格局, 空间布局); null when not said' },
  start: offsetOrNull('start of the finding'),
  end: offsetOrNull('end of the finding (exclusive)'),
  elements: {
    type: 'array',
    items: obj({
      name: text('the element as written (三核, 四条发展轴)'),
      count: { type: ['integer', 'null'], description: 'the number the plan gives (三 → 3); null when none' },
      shape: { type: 'string', enum: ['point', 'line', 'area', 'other'], description: 'how to draw it: point (核/极/中心/节点), line (轴/带/廊), area (区/屏/圈/群)' },
      members: {
        type: 'array',
        items: obj({
          name: text('the member as the plan names it (湛江主中心, 徐闻—遂溪—湛江市城区—吴川)'),
          places: {
            type: 'array',
            description: 'the units it names, in the order written',
            items: obj({
              code: str,
              name: str,
              point: lonLatOrNull,
              approx: { type: 'boolean', description: 'true: point is the nearest enclosing unit’s (counties have no point of their own)' },
            }),
          },
        }),
      },
      fromSpanText: { type: 'boolean', description: 'members were placed from the element’s explaining text, not from member names' },
    }),
  },
});

const placePlan = obj({
  slug: str,
  title: str,
  period: periodOrNull,
  horizon: intOrNull,
  level: { type: 'string', enum: PLAN_LEVELS },
  coverage: obj(
    { relation, role, via: text('code of the unit the plan names (the unit itself, one it lies in, or one inside it)') },
    { nullable: true, description: 'how the plan covers the unit; null when it does not, but its text names the unit' },
  ),
  roles: {
    type: 'array',
    description: 'what the plan says the unit is (a member of a structure, a role in a sentence)',
    items: obj({
      source: { type: 'string', enum: ['structure', 'text'], description: 'structure: an element of a spatial structure lists it; text: a sentence gives it a role' },
      role: str,
      detail: text('structure: the structure code and element; text: the sentence'),
      key: text('stable identity of the finding it comes from'),
    }),
  },
  mentions: { type: 'integer', description: 'how often the text names the unit or a unit inside it' },
});

const placeView = obj(
  {
    unit: obj({ code: str, name: str, short: text('short name (湛江)'), level: placeLevel, point: lonLatOrNull }),
    chain: { type: 'array', description: 'the units above it, outermost first', items: obj({ code: str, name: str, level: placeLevel }) },
    children: { type: 'array', description: 'the units directly below it', items: ref('placeRef') },
    plans: { type: 'array', items: placePlan, description: 'plans covering the unit first, then by period' },
    targets: { type: 'array', items: ref('locatedFinding') },
    projects: { type: 'array', items: ref('locatedFinding') },
    duties: { type: 'array', items: ref('locatedFinding') },
    facts: { type: 'array', items: ref('locatedFinding') },
    totals: obj(
      { plans: int, targets: int, projects: int, duties: int, facts: int },
      { description: 'rows of each list over all pages (each list shows limit rows from offset)' },
    ),
    census: obj(
      {
        source: str,
        sourceEn: str,
        citation: str,
        values: {
          type: 'array',
          items: obj({ id: str, name: str, nameEn: str, unit: str, year: int, value: { type: ['number', 'null'] } }),
        },
      },
      { nullable: true, description: 'census figures of the unit; null when there are none' },
    ),
  },
  { description: 'Everything the stored plans say about the unit' },
);

export function placeRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { province: MapProvince } }>(
      '/map/geo/:province',
      {
        schema: {
          tags: ['places'],
          summary: 'Prefecture shapes of a province as ECharts map JSON (echarts 4.9.0, Apache-2.0; schematic, no 审图号)',
          params: {
            type: 'object',
            required: ['province'],
            properties: { province: { type: 'string', enum: PROVINCES, description: 'guangdong | guangxi | hainan' } },
          },
          response: { 200: geoJson, ...errors([400, 'Not one of the provinces']) },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'public, max-age=86400');
        return reply.type('application/json; charset=utf-8').send(mapJson(req.params.province));
      },
    );

    app.get(
      '/map/indicators',
      {
        schema: {
          tags: ['places'],
          summary: 'Indicators the map can colour by (id, Chinese name, unit, years, source)',
          response: {
            200: obj({
              indicators: {
                type: 'array',
                items: obj({
                  id: text('use as indicator= in /api/map/units'),
                  name: str,
                  nameEn: str,
                  unit: str,
                  years: { type: 'array', items: int },
                  source: str,
                  sourceEn: str,
                  citation: str,
                }),
              },
            }, { description: 'The indicators' }),
          },
        },
      },
      async () => ({ indicators: mapIndicators() }),
    );

    app.get<{ Querystring: { color: 'plans' | 'indicator'; indicator?: string; year?: number; perUnit: number } }>(
      '/map/units',
      {
        schema: {
          tags: ['places'],
          summary: 'Map units with their covering plans and a value: the number of covering plans, or an indicator',
          description:
            'A plan covers a unit when its scope or extension names the unit, a unit it lies in (a province plan covers its prefectures), or a unit inside it. ' +
            'Every unit of the maps is answered at once (the map colours them all); each lists at most perUnit covering plans, and planTotal counts them all.',
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              color: { type: 'string', enum: ['plans', 'indicator'], default: 'plans' },
              indicator: { type: 'string', minLength: 1, maxLength: 80, description: 'indicator id from /api/map/indicators (color=indicator)' },
              year: { type: 'integer', minimum: 1949, maximum: 2100, description: 'year of the indicator, where it has several' },
              perUnit: {
                type: 'integer',
                minimum: 0,
                maximum: 500,
                default: MAP_PLANS_PER_UNIT,
                description: 'covering plans listed per unit (the first by ingest order); planTotal counts them all',
              },
            },
          },
          response: {
            200: obj({
              units: {
                type: 'array',
                description: 'every unit (prefecture) of the maps',
                items: obj({
                  code: str,
                  name: str,
                  province: text('code of its province (440000, 450000, 460000)'),
                  cp: lonLatOrNull,
                  value: { type: ['number', 'null'], description: 'color=plans: the number of covering plans; color=indicator: the indicator value, null when unknown' },
                  plans: { type: 'array', items: obj({ slug: str, title: str, relation, role }), description: 'the plans covering it (the first perUnit, by ingest order)' },
                  planTotal: { type: 'integer', description: 'how many plans cover it, over all (plans lists at most perUnit of them)' },
                }),
              },
              legend: obj({ label: str, labelEn: str, unit: str, source: str, sourceEn: str }, { description: 'what value means, for the map legend' }),
            }, { description: 'The map units with their value and covering plans' }),
            ...errors(
              [400, 'Invalid parameter, or color=indicator without indicator'],
              [404, 'No such indicator, or no value for that year (error.field names it)'],
            ),
          },
        },
      },
      async (req) => {
        const { color, year, perUnit } = req.query;
        let indicator = req.query.indicator ?? null;
        if (color === 'indicator') {
          const all = mapIndicators();
          if (!indicator) throw new HttpError(400, 'invalid-request', 'indicator: required when color=indicator (see /api/map/indicators)', 'indicator');
          // an indicator id without its year (census-population) + year=2010
          let ind = all.find((i) => i.id === indicator);
          if (!ind && year) ind = all.find((i) => i.id === `${indicator}-${year}`);
          if (!ind) throw new HttpError(404, 'not-found', `indicator: no indicator "${indicator}"${year ? ` for ${year}` : ''}; known: ${all.map((i) => i.id).join(', ')}`, 'indicator');
          if (year && !ind.years.includes(year)) throw new HttpError(404, 'not-found', `year: ${indicator} has no value for ${year} (years: ${ind.years.join(', ')})`, 'year');
          indicator = ind.id;
        }
        return getMapUnits(ctx.store, ctx.gazetteer, color, indicator, perUnit);
      },
    );

    app.get<{ Params: { slug: string } }>(
      '/plans/:slug/structure',
      {
        schema: {
          tags: ['places'],
          summary: "A plan's spatial structures for drawing: elements as points (核/极/中心/节点), lines (轴/带/廊) or areas (区/屏/圈/群), members placed at gazetteer points",
          params: {
            type: 'object',
            required: ['slug'],
            properties: { slug: { type: 'string', minLength: 1, maxLength: 300, description: 'plan slug, id, or a unique part of its title' } },
          },
          response: {
            200: obj(
              { plan: ref('planRef'), structures: { type: 'array', items: structureView, description: 'rejected ones left out' } },
              { description: 'The plan’s spatial structures, placed' },
            ),
            ...errors(400, [404, 'No plan matches the slug']),
          },
        },
      },
      async (req) => {
        const p = await planOr404(ctx.store, req.params.slug);
        return { plan: { slug: p.slug, title: p.title }, structures: await getPlanStructures(ctx.store, ctx.gazetteer, p.currentVersionId) };
      },
    );

    app.get<{ Querystring: { q: string; limit: number } }>(
      '/places',
      {
        schema: {
          tags: ['places'],
          summary: 'Find administrative units by name (湛江, 雷州市) or code',
          querystring: {
            type: 'object',
            required: ['q'],
            additionalProperties: false,
            properties: {
              q: { type: 'string', minLength: 1, maxLength: 50 },
              limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
            },
          },
          response: {
            200: obj({
              places: {
                type: 'array',
                description: 'best matches first; a six-digit code gives that unit only',
                items: obj({ code: str, name: str, level: placeLevel, parent: { type: ['string', 'null'], description: 'code of the unit above; null for a province' }, parentName: strOrNull }),
              },
            }, { description: 'The matching units' }),
            ...errors([400, 'No q, or an invalid parameter']),
          },
        },
      },
      async (req) => {
        const { q, limit } = req.query;
        const byCode = /^\d{6}$/.test(q.trim()) ? ctx.gazetteer.byCode(q.trim()) : undefined;
        const hits = byCode ? [byCode] : searchPlaces(ctx.gazetteer, q, limit);
        return { places: hits.map((p) => ({ code: p.code, name: p.name, level: p.level, parent: p.parent, parentName: p.parent ? (ctx.gazetteer.byCode(p.parent)?.name ?? null) : null })) };
      },
    );

    app.get<{ Params: { code: string }; Querystring: { limit: number; offset: number; list?: PlaceList } }>(
      '/places/:code',
      {
        schema: {
          tags: ['places'],
          summary: 'A place page: the unit, the plans covering it with the roles they give it, targets/projects/duties located there, census figures',
          description: 'A name (湛江市, 湛江) is answered with a 301 redirect to the code.',
          params: {
            type: 'object',
            required: ['code'],
            properties: { code: { type: 'string', minLength: 1, maxLength: 50, description: 'six-digit GB/T 2260 code, or a name' } },
          },
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              limit: { type: 'integer', minimum: 1, maximum: 500, default: PLACE_PAGE_DEFAULT, description: 'rows of each list (plans, targets, projects, duties, facts)' },
              offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0, description: 'rows of each list to skip' },
              list: { type: 'string', enum: [...PLACE_LISTS], description: 'only this list’s rows (the next page of one list); the other lists come back empty, the totals complete' },
            },
          },
          response: {
            200: placeView,
            301: { description: 'A name was given: redirect (Location) to /api/places/{code}', type: 'null' },
            ...errors(400, [404, 'No administrative unit with this code or name (error.field is code)']),
          },
        },
      },
      async (req, reply) => {
        const ref = req.params.code.trim();
        const place = findPlace(ctx.gazetteer, ref);
        if (!place) {
          throw new HttpError(404, 'not-found', `code: no administrative unit "${ref}" (give a six-digit GB/T 2260 code like 440800, or a name like 湛江市)`, 'code');
        }
        if (place.code !== ref) return reply.redirect(`/api/places/${place.code}${req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : ''}`, 301);
        return getPlaceView(ctx.store, ctx.gazetteer, place, req.query);
      },
    );
  };
}
