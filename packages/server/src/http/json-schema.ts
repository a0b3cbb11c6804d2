// The JSON Schema (draft 2020-12, as OpenAPI 3.1 takes it) of one of the core's zod schemas.
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema of a zod schema as a request gives it (`input`) or an answer holds it
 * (`output`), without the fields named (the server fills them in from the token).
 */
export function schemaOf(
  schema: unknown,
  without: readonly string[] = [],
  io: 'input' | 'output' = 'input',
): JsonSchema {
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(schema as z.ZodType, {
      target: 'draft-2020-12',
      unrepresentable: 'any',
      io,
    }) as JsonSchema;
  } catch {
    json = { type: 'object' };
  }
  delete json['$schema'];
  const properties = json['properties'] as Record<string, unknown> | undefined;
  if (properties) for (const name of without) delete properties[name];
  if (Array.isArray(json['required'])) {
    json['required'] = (json['required'] as string[]).filter((name) => !without.includes(name));
  }
  return json;
}
