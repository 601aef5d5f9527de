// 地图 and place pages: map shapes, units coloured by plan count or an indicator, a plan's spatial
// structure placed on the map, and what the plans say about one unit.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context';
import { HttpError } from '../errors';
import { planOr404 } from '../dto';
import { MAP_PROVINCES, mapJson, type MapProvince } from '../../places/geo';
import { findPlace, getMapUnits, getPlaceView, getPlanStructures, mapIndicators, searchPlaces } from '../../store/place-views';

const PROVINCES = Object.keys(MAP_PROVINCES);

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
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'public, max-age=86400');
        return reply.type('application/json; charset=utf-8').send(mapJson(req.params.province));
      },
    );

    app.get(
      '/map/indicators',
      { schema: { tags: ['places'], summary: 'Indicators the map can colour by (id, Chinese name, unit, years, source)' } },
      async () => ({ indicators: mapIndicators() }),
    );

    app.get<{ Querystring: { color: 'plans' | 'indicator'; indicator?: string; year?: number } }>(
      '/map/units',
      {
        schema: {
          tags: ['places'],
          summary: 'Map units with their covering plans and a value: the number of covering plans, or an indicator',
          description:
            'A plan covers a unit when its scope or extension names the unit, a unit it lies in (a province plan covers its prefectures), or a unit inside it.',
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              color: { type: 'string', enum: ['plans', 'indicator'], default: 'plans' },
              indicator: { type: 'string', minLength: 1, maxLength: 80, description: 'indicator id from /api/map/indicators (color=indicator)' },
              year: { type: 'integer', minimum: 1949, maximum: 2100, description: 'year of the indicator, where it has several' },
            },
          },
        },
      },
      async (req) => {
        const { color, year } = req.query;
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
        return getMapUnits(ctx.store, ctx.gazetteer, color, indicator);
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
        },
      },
      async (req) => {
        const { q, limit } = req.query;
        const byCode = /^\d{6}$/.test(q.trim()) ? ctx.gazetteer.byCode(q.trim()) : undefined;
        const hits = byCode ? [byCode] : searchPlaces(ctx.gazetteer, q, limit);
        return { places: hits.map((p) => ({ code: p.code, name: p.name, level: p.level, parent: p.parent, parentName: p.parent ? (ctx.gazetteer.byCode(p.parent)?.name ?? null) : null })) };
      },
    );

    app.get<{ Params: { code: string } }>(
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
        },
      },
      async (req, reply) => {
        const ref = req.params.code.trim();
        const place = findPlace(ctx.gazetteer, ref);
        if (!place) {
          throw new HttpError(404, 'not-found', `code: no administrative unit "${ref}" (give a six-digit GB/T 2260 code like 440800, or a name like 湛江市)`, 'code');
        }
        if (place.code !== ref) return reply.redirect(`/api/places/${place.code}`, 301);
        return getPlaceView(ctx.store, ctx.gazetteer, place);
      },
    );
  };
}
