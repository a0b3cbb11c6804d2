// `npm run schemas`: the JSON Schemas (draft 2020-12) of every wire format of the core, made
// from its zod schemas into docs/schemas/, one file per type. A core test fails when the files
// are out of date.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { toJSONSchema, type $ZodType } from 'zod/v4/core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = join(root, 'packages/core/src');
export const outDir = join(root, 'docs/schemas');
const BASE = 'https://lanewise.dev/schemas/';

/** The folders whose `schemas.ts` hold wire formats, and the shared schemas. */
function schemaModules(): string[] {
  const folders = readdirSync(sources, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(sources, entry.name, 'schemas.ts'))
    .filter((path) => readdirSync(dirname(path)).includes('schemas.ts'));
  return [join(sources, 'schemas/common.ts'), ...folders].sort();
}

/** What the checks of the shared schemas say, in JSON Schema words (a refinement has none). */
async function sharedFormats(): Promise<Map<unknown, Record<string, unknown>>> {
  const common = (await import(pathToFileURL(join(sources, 'schemas/common.ts')).href)) as Record<
    string,
    unknown
  >;
  return new Map<unknown, Record<string, unknown>>([
    [
      common['instantSchema'],
      {
        format: 'date-time',
        pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$',
        description:
          'An ISO 8601 instant with an offset, from 1970-01-01T00:00:00Z up to 3000-01-01T00:00:00Z.',
      },
    ],
    [
      common['idSchema'],
      { description: 'A caller-supplied id: 1 to 200 characters, no control characters.' },
    ],
    [common['timeZoneSchema'], { description: 'An IANA time zone name, such as Asia/Shanghai.' }],
  ]);
}

const isSchema = (value: unknown): value is $ZodType =>
  typeof value === 'object' && value !== null && '_zod' in value;

/** `hourEntrySchema` -> `HourEntry`. */
const typeName = (exportName: string): string =>
  exportName.replace(/Schema$/, '').replace(/^./, (first) => first.toUpperCase());

/** File name -> JSON text of every exported `...Schema` of the core. */
export async function buildJsonSchemas(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const seen = new Set<unknown>();
  const formats = await sharedFormats();
  for (const path of schemaModules()) {
    const module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module).sort(([a], [b]) => a.localeCompare(b))) {
      // A schema re-exported from another module is written once.
      if (!name.endsWith('Schema') || !isSchema(value) || seen.has(value)) continue;
      seen.add(value);
      const type = typeName(name);
      const file = `${type}.json`;
      if (files.has(file)) throw new Error(`two schemas are named ${type}`);
      const schema = toJSONSchema(value, {
        target: 'draft-2020-12',
        io: 'input',
        unrepresentable: 'any',
        override: ({ zodSchema, jsonSchema }) => {
          Object.assign(jsonSchema, formats.get(zodSchema));
        },
      });
      const document = { $id: `${BASE}${file}`, title: type, ...schema };
      // Written as the repository's formatter writes JSON, so the files pass its check.
      const options = (await resolveConfig(join(outDir, file))) ?? {};
      files.set(file, await format(JSON.stringify(document), { ...options, parser: 'json' }));
    }
  }
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = await buildJsonSchemas();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const [file, text] of files) writeFileSync(join(outDir, file), text);
  console.log(`${files.size} JSON Schemas written to docs/schemas/`);
}
