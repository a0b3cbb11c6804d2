// Open311 GeoReport v2 over the case book: the services of the routing rules, requests in and
// out. `jurisdiction_id` names the community (the token's community when left out on POST);
// `api_key` on POST is a bearer token of a role that may open cases. `.xml` asks for XML.
import { fromOpen311, open311Services, toOpen311, type Open311Input } from '@lanewise/core/open311';
import type { Context, Hono } from 'hono';
import { verifyToken } from '../auth/tokens.js';
import type { Community } from '../communities/community.js';
import { ID_PATTERN, type AppOptions } from './app.js';
import { errorAnswer, HttpError, localeOf } from './errors.js';
import { invalid } from './fields.js';

const OPENERS = new Set(['resident', 'organizer', 'station', 'admin']);
const MAX_RESULTS = 1000;

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

function toXml(tag: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => toXml(tag, item)).join('');
  if (value !== null && typeof value === 'object') {
    const inner = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) =>
        Array.isArray(v) ? `<${k}>${toXml(k.replace(/s$/, ''), v)}</${k}>` : toXml(k, v),
      )
      .join('');
    return `<${tag}>${inner}</${tag}>`;
  }
  return `<${tag}>${escapeXml(String(value ?? ''))}</${tag}>`;
}

/** Answers in JSON or, for `.xml`, in GeoReport's XML (a list element of `item` elements). */
function answer(
  c: Context,
  format: string,
  list: string,
  item: string,
  value: unknown[],
  status = 200,
) {
  if (format === 'xml') {
    const body = `<?xml version="1.0" encoding="utf-8"?><${list}>${toXml(item, value)}</${list}>`;
    return c.body(body, status as 200, { 'content-type': 'application/xml; charset=utf-8' });
  }
  return c.json(value, status as 200);
}

/** GeoReport's error list: `[{ code, description }]`. */
function fail(c: Context, format: string, error: unknown) {
  const { status, body } = errorAnswer(error, localeOf(c.req.header('accept-language')));
  return answer(
    c,
    format,
    'errors',
    'error',
    [{ code: status, description: body.error.message }],
    status,
  );
}

const FORMAT = /^(.*)\.(json|xml)$/;

export function mountOpen311(app: Hono, options: AppOptions): void {
  const { registry, settings } = options;
  const categories = (c: Community) =>
    settings.open311Categories ??
    open311Services(c.rules() as never).map((service) => service.service_code);

  const jurisdiction = (c: Context): string => {
    const id = c.req.query('jurisdiction_id');
    if (!id)
      throw new HttpError(
        400,
        'INVALID_INPUT',
        ['jurisdiction_id'],
        invalid(['jurisdiction_id'], 'jurisdiction_id is required'),
      );
    if (!ID_PATTERN.test(id)) throw new HttpError(404, 'NOT_FOUND', ['jurisdiction_id']);
    return id;
  };

  const split = (c: Context, name: string) => {
    const match = FORMAT.exec(c.req.param(name) ?? '');
    if (!match) throw new HttpError(404, 'NOT_FOUND');
    return { id: match[1]!, format: match[2]! };
  };

  app.get('/open311/v2/:file{services\\.(json|xml)}', async (c) => {
    const { format } = split(c, 'file');
    try {
      const services = await registry.read(jurisdiction(c), (community) =>
        open311Services(community.rules() as never, {
          locale: localeOf(c.req.header('accept-language')),
          ...(settings.open311Categories ? { categories: settings.open311Categories } : {}),
        }),
      );
      return answer(c, format, 'services', 'service', services);
    } catch (error) {
      return fail(c, format, error);
    }
  });

  app.get('/open311/v2/services/:file', async (c) => {
    const { id, format } = split(c, 'file');
    try {
      const services = await registry.read(jurisdiction(c), (community) =>
        open311Services(community.rules() as never),
      );
      if (!services.some((service) => service.service_code === id))
        throw new HttpError(404, 'NOT_FOUND', ['service_code']);
      return answer(c, format, 'service_definition', 'service_definition', [
        { service_code: id, attributes: [] },
      ]);
    } catch (error) {
      return fail(c, format, error);
    }
  });

  app.post('/open311/v2/:file{requests\\.(json|xml)}', async (c) => {
    const { format } = split(c, 'file');
    try {
      const type = c.req.header('content-type') ?? '';
      if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) {
        throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE');
      }
      const form = await c.req.parseBody();
      const fields: Record<string, unknown> = {};
      const attribute: Record<string, string> = {};
      for (const [key, value] of Object.entries(form)) {
        if (typeof value !== 'string') continue;
        const named = /^attribute\[(.+)\]$/.exec(key);
        if (named) attribute[named[1]!] = value;
        else fields[key] = value;
      }
      const caller =
        typeof fields['api_key'] === 'string'
          ? await verifyToken(options.auth, fields['api_key'])
          : undefined;
      if (caller === undefined) throw new HttpError(401, 'UNAUTHORIZED');
      const community = (fields['jurisdiction_id'] as string | undefined) ?? caller.community;
      if (community !== caller.community || !OPENERS.has(caller.role))
        throw new HttpError(403, 'FORBIDDEN');
      delete fields['api_key'];
      delete fields['jurisdiction_id'];
      for (const name of ['lat', 'long'])
        if (typeof fields[name] === 'string') fields[name] = Number(fields[name]);
      const input: Record<string, unknown> = {
        ...fields,
        requested_datetime: fields['requested_datetime'] ?? new Date(settings.now()).toISOString(),
        service_request_id: fields['service_request_id'] ?? `o311-${crypto.randomUUID()}`,
        ...(Object.keys(attribute).length > 0 ? { attribute } : {}),
      };
      const record = await registry.write(community, 'cases', (book) => {
        const open = fromOpen311(input as unknown as Open311Input, {
          categories: categories(book),
        });
        const withReporter =
          caller.role === 'resident'
            ? { ...open, reporter: { ...open.reporter, id: caller.sub } }
            : open;
        return book.cases.open(withReporter as never);
      });
      return answer(
        c,
        format,
        'service_requests',
        'request',
        [{ service_request_id: record.id, service_notice: record.tier }],
        201,
      );
    } catch (error) {
      return fail(c, format, error);
    }
  });

  app.get('/open311/v2/:file{requests\\.(json|xml)}', async (c) => {
    const { format } = split(c, 'file');
    try {
      const query = c.req.query();
      const ids = query['service_request_id']?.split(',');
      const from = query['start_date'] ? Date.parse(query['start_date']) : -Infinity;
      const to = query['end_date'] ? Date.parse(query['end_date']) : Infinity;
      if (Number.isNaN(from) || Number.isNaN(to))
        throw new HttpError(
          400,
          'INVALID_INPUT',
          ['start_date'],
          invalid(['start_date'], 'start_date and end_date must be ISO 8601 instants'),
        );
      const requests = await registry.read(jurisdiction(c), (community) =>
        community.cases
          .list()
          .filter((record) => ids === undefined || ids.includes(record.id))
          .map((record) =>
            toOpen311(record, { categories: categories(community), timeZone: settings.timeZone }),
          )
          .filter((request) => {
            const at = Date.parse(request.requested_datetime);
            return (
              at >= from &&
              at <= to &&
              (query['status'] === undefined || query['status'] === request.status) &&
              (query['service_code'] === undefined ||
                query['service_code'].split(',').includes(request.service_code))
            );
          })
          .slice(0, MAX_RESULTS),
      );
      return answer(c, format, 'service_requests', 'request', requests);
    } catch (error) {
      return fail(c, format, error);
    }
  });

  app.get('/open311/v2/requests/:file', async (c) => {
    const { id, format } = split(c, 'file');
    try {
      const found = await registry.read(jurisdiction(c), (community) => {
        const record = community.cases.get(id);
        return (
          record &&
          toOpen311(record, { categories: categories(community), timeZone: settings.timeZone })
        );
      });
      if (found === undefined) throw new HttpError(404, 'NOT_FOUND', ['service_request_id']);
      return answer(c, format, 'service_requests', 'request', [found]);
    } catch (error) {
      return fail(c, format, error);
    }
  });
}
