import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildJsonSchemas, outDir } from '../../../../scripts/json-schemas.js';

describe('docs/schemas', () => {
  it('holds exactly the JSON Schemas that npm run schemas makes from the zod schemas', async () => {
    const expected = await buildJsonSchemas();
    assert.ok(expected.size > 0);
    const present = existsSync(outDir)
      ? readdirSync(outDir).filter((f) => f.endsWith('.json'))
      : [];
    assert.deepEqual(present.sort(), [...expected.keys()].sort(), 'run npm run schemas');
    for (const [file, text] of expected) {
      assert.equal(
        readFileSync(join(outDir, file), 'utf8'),
        text,
        `${file} is out of date: run npm run schemas`,
      );
    }
  });
});
