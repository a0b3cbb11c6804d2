// The HTTP application: every route of the list under /communities/:community, with tokens,
// roles, the body checks and one shape of error; Open311 and the OpenAPI document beside it.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { verifyToken, type AuthSettings, type Caller } from '../auth/tokens.js';
import type { Registry } from '../communities/registry.js';
import type { CommunitySettings } from '../communities/settings.js';
import type { EventStore } from '../store/events.js';
import { errorAnswer, HttpError, localeOf } from './errors.js';
import { invalid } from './fields.js';
import { openApiDocument } from './openapi.js';
import { mountOpen311 } from './open311.js';
import { referencePage } from './reference.js';
import type { Route } from './route.js';
import { ROUTES } from './routes/index.js';

/** What the app needs. */
export interface AppOptions {
  readonly registry: Registry;
  readonly store: EventStore;
  readonly settings: CommunitySettings;
  readonly auth: AuthSettings;
  /** The largest request body accepted, in bytes. */
  readonly maxBodyBytes: number;
  /** Origins whose pages may call the API (a widget's `src` on another port). */
  readonly corsOrigins: readonly string[];
}

/** What a community id may be (the path segment and Open311's jurisdiction_id). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** The caller of the request's bearer token; 401 without a valid one. */
export async function callerOf(c: Context, auth: AuthSettings): Promise<Caller> {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const caller = match ? await verifyToken(auth, match[1]!) : undefined;
  if (caller === undefined) throw new HttpError(401, 'UNAUTHORIZED');
  return caller;
}

/** The JSON object of a request body: 415 unless JSON, 400 unless an object. */
export async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'INVALID_INPUT', [], invalid([], 'the body is not valid JSON'));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new HttpError(400, 'INVALID_INPUT', [], invalid([], 'the body must be a JSON object'));
  }
  return parsed as Record<string, unknown>;
}

function mount(app: Hono, route: Route, options: AppOptions): void {
  app.on(route.method.toUpperCase(), `/communities/:community${route.path}`, async (c) => {
    const caller = await callerOf(c, options.auth);
    const community = c.req.param('community');
    if (!ID_PATTERN.test(community)) throw new HttpError(404, 'NOT_FOUND', ['community']);
    // A token of one community never reads or writes another's data.
    if (caller.community !== community || !route.roles.includes(caller.role)) {
      throw new HttpError(403, 'FORBIDDEN');
    }
    const body = route.method === 'get' ? {} : await jsonBody(c);
    const result = await route.handle({
      caller,
      community,
      params: c.req.param() as Record<string, string>,
      query: c.req.query(),
      body,
      registry: options.registry,
      store: options.store,
      settings: options.settings,
    });
    return c.json(result as object, (route.status ?? 200) as 200);
  });
}

/** The Hono app of the API. */
export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  if (options.corsOrigins.length > 0) {
    app.use(
      '*',
      cors({
        origin: [...options.corsOrigins],
        allowHeaders: ['Authorization', 'Content-Type', 'Accept-Language'],
      }),
    );
  }
  const limit = bodyLimit({
    maxSize: options.maxBodyBytes,
    onError: () => {
      throw new HttpError(413, 'PAYLOAD_TOO_LARGE');
    },
  });
  app.use('*', async (c, next) => {
    // A declared length is checked from the header alone: the general limit reads the body
    // through a web stream, which costs more than the rest of a small write. A body of no
    // declared length (chunked) goes through it.
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && /^\d+$/.test(length) && !c.req.header('transfer-encoding')) {
      if (Number(length) > options.maxBodyBytes) throw new HttpError(413, 'PAYLOAD_TOO_LARGE');
      return next();
    }
    return limit(c, next);
  });
  app.onError((error, c) => {
    const { status, body } = errorAnswer(error, localeOf(c.req.header('accept-language')));
    if (status >= 500 && body.error.code !== 'INVALID_LOG') console.error(error);
    return c.json(body, status as 400);
  });
  app.notFound((c) => {
    const { status, body } = errorAnswer(
      new HttpError(404, 'NOT_FOUND'),
      localeOf(c.req.header('accept-language')),
    );
    return c.json(body, status as 404);
  });

  app.get('/health', (c) => c.json({ ok: true, cached: options.registry.cached }));
  app.get('/openapi.json', (c) => c.json(openApiDocument(ROUTES)));
  app.get('/docs', (c) => c.html(referencePage(ROUTES)));
  for (const route of ROUTES) mount(app, route, options);
  mountOpen311(app, options);
  return app;
}
