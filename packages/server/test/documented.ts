// A `call` that checks every successful answer of a community route against the answer that
// the OpenAPI document gives for that route and status (ajv, JSON Schema 2020-12), and keeps
// the list of routes so checked.
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { LanewiseServer } from '../src/index.js';
import { ROUTES } from '../src/http/routes/index.js';
import { openApiDocument } from '../src/http/openapi.js';
import { call } from './helpers.js';

type JsonObject = Record<string, unknown>;
type Check = ((value: unknown) => boolean) & { errors?: unknown };

const doc = openApiDocument(ROUTES) as JsonObject;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema({ $id: 'lanewise-openapi', components: doc['components'] });
const rewrite = (schema: unknown): unknown =>
  JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"lanewise-openapi#/components/'));

const matchers = ROUTES.map((route) => ({
  key: `${route.method} ${route.path}`,
  method: route.method.toUpperCase(),
  pattern: new RegExp(`^/communities/[^/]+${route.path.replace(/:[A-Za-z]+/g, '[^/]+')}(\\?.*)?$`),
  openApiPath: `/communities/{community}${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`,
}));
const compiled = new Map<string, Check>();

/** The routes whose answers were checked, as `method path`. */
export const checkedRoutes = new Set<string>();

/** `call`, with a successful answer checked against the document. */
export async function documentedCall(
  server: LanewiseServer,
  method: string,
  path: string,
  options: Parameters<typeof call>[3] = {},
): ReturnType<typeof call> {
  const answer = await call(server, method, path, options);
  if (answer.status < 200 || answer.status >= 300) return answer;
  // Literal segments first: `/cases/board` before `/cases/:id`, as the app matches.
  const route = matchers.find((m) => m.method === method && m.pattern.test(path));
  if (route === undefined) return answer;
  const operation = (doc['paths'] as Record<string, Record<string, JsonObject>>)[
    route.openApiPath
  ]![method.toLowerCase()]!;
  const responses = operation['responses'] as Record<string, JsonObject>;
  const documented = responses[String(answer.status)];
  assert.ok(documented, `${route.key} answered ${answer.status}, which is not documented`);
  const key = `${route.key} ${answer.status}`;
  let check = compiled.get(key);
  if (check === undefined) {
    const content = documented['content'] as Record<string, { schema: unknown }>;
    check = ajv.compile(rewrite(content['application/json']!.schema) as JsonObject) as Check;
    compiled.set(key, check);
  }
  assert.ok(
    check(answer.body),
    `${route.key}: the answer does not fit its documented schema: ${JSON.stringify(check.errors).slice(0, 800)}`,
  );
  checkedRoutes.add(route.key);
  return answer;
}
