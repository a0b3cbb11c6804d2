// The OpenAPI 3.1 document, written from the route list; request bodies are the JSON Schemas
// of the core's own input schemas (zod), less the fields the server fills in from the token.
import {
  openCaseInputSchema,
  caseActionInputSchema,
  extendCaseInputSchema,
  resolveCaseInputSchema,
  followUpInputSchema,
  markDuplicateInputSchema,
} from '@lanewise/core/cases';
import { recordHoursInputSchema, correctHoursInputSchema } from '@lanewise/core/hours';
import { redemptionInputSchema, redemptionItemInputSchema } from '@lanewise/core/points';
import { routingConfigSchema } from '@lanewise/core/routing';
import { schemaOf, type JsonSchema } from './json-schema.js';
import { responseSchemas } from './responses.js';
import type { Route } from './route.js';

const reason: JsonSchema = {
  type: 'object',
  properties: { reason: { type: 'string', minLength: 1 } },
  required: ['reason'],
};

/**
 * Moves each schema's `$defs` into the components, under the schema's name, and points its
 * references there: in the document, `#/$defs/...` would resolve against the document's root.
 */
function hoist(schemas: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    const defs = (schema['$defs'] ?? {}) as Record<string, JsonSchema>;
    delete schema['$defs'];
    const text = JSON.stringify({ schema, defs }).replace(
      /"#\/\$defs\/([^"]+)"/g,
      (_match, key: string) => JSON.stringify(`#/components/schemas/${name}_${key}`),
    );
    const moved = JSON.parse(text) as { schema: JsonSchema; defs: Record<string, JsonSchema> };
    out[name] = moved.schema;
    for (const [key, def] of Object.entries(moved.defs)) out[`${name}_${key}`] = def;
  }
  return out;
}

/** The named request bodies and answers. */
export function componentSchemas(): Record<string, JsonSchema> {
  return hoist({
    ...responseSchemas(),
    RecordHours: schemaOf(recordHoursInputSchema, ['recordedBy']),
    CorrectHours: schemaOf(correctHoursInputSchema, ['by']),
    Reason: reason,
    RedemptionItem: schemaOf(redemptionItemInputSchema),
    Redemption: schemaOf(redemptionInputSchema),
    Quantity: {
      type: 'object',
      properties: { quantity: { type: 'integer', minimum: 1 } },
      required: ['quantity'],
    },
    OpenCase: schemaOf(openCaseInputSchema),
    CaseAction: schemaOf(caseActionInputSchema, ['by']),
    ExtendCase: schemaOf(extendCaseInputSchema, ['by']),
    ResolveCase: schemaOf(resolveCaseInputSchema, ['by']),
    FollowUp: schemaOf(followUpInputSchema),
    Duplicate: schemaOf(markDuplicateInputSchema),
    RoutingConfig: schemaOf(routingConfigSchema),
    Rules: {
      type: 'object',
      properties: { rules: { $ref: '#/components/schemas/RoutingConfig' } },
      required: ['rules'],
    },
    Error: {
      type: 'object',
      properties: {
        error: {
          type: 'object',
          properties: {
            code: { type: 'string' },
            message: { type: 'string' },
            path: { type: 'array', items: { type: ['string', 'integer'] } },
          },
          required: ['code', 'message', 'path'],
        },
      },
      required: ['error'],
    },
  });
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

let cached: JsonSchema | undefined;

/** The document (built once). */
export function openApiDocument(routes: readonly Route[]): JsonSchema {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = `/communities/{community}${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
    const names = ['community', ...[...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!)];
    const operation: Record<string, unknown> = {
      operationId: `${route.method}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
      summary: route.summary,
      description: `Roles: ${route.roles.join(', ')}.`,
      tags: [route.tag],
      security: [{ bearer: [] }],
      parameters: names.map((name) => ({
        name,
        in: 'path',
        required: true,
        schema: { type: 'string' },
      })),
      responses: {
        [String(route.status ?? 200)]: {
          description: 'The result',
          content: { 'application/json': { schema: route.response ?? {} } },
        },
        '400': errorResponse('Bad input'),
        '401': errorResponse('No valid token'),
        '403': errorResponse('The role or community may not do this'),
        '404': errorResponse('Not found'),
        '409': errorResponse('A move the state does not allow, or a concurrent write'),
      },
    };
    if (route.method !== 'get') {
      operation['requestBody'] = {
        required: route.body !== undefined,
        content: { 'application/json': { schema: route.body ?? { type: 'object' } } },
      };
      (operation['responses'] as Record<string, unknown>)['413'] = errorResponse('Body too large');
      (operation['responses'] as Record<string, unknown>)['415'] = errorResponse('Not JSON');
    }
    (paths[path] ??= {})[route.method] = operation;
  }
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Lanewise server',
      version: '0.1.0',
      description:
        'Volunteer hours, points, cases, routing rules and figures of many communities. Errors are { error: { code, message, path } }, the message in the language of Accept-Language (zh-CN by default). Open311 GeoReport v2 is served under /open311/v2.',
    },
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
  return cached;
}
