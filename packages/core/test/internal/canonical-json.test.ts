import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalJson } from '../../src/internal/canonical-json.js';

/** The same value with every object's keys in a shuffled order, as jsonb may return it. */
function reorder(value: unknown, flip: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => reorder(item, flip));
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  const order = flip ? keys.reverse() : keys.sort();
  return Object.fromEntries(order.map((key) => [key, reorder((value as never)[key], !flip)]));
}

describe('canonicalJson (RFC 8785)', () => {
  it('writes the same text whatever order the keys are in, and parses back to the value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        assert.equal(canonicalJson(reorder(value, true)), text);
        assert.equal(canonicalJson(reorder(value, false)), text);
        assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
  });

  it('sorts keys by UTF-16 code units and writes numbers as ECMAScript does', () => {
    assert.equal(
      canonicalJson({ b: 1, a: [true, null], '€': 2, '\u0080': 3, A: 'x' }),
      '{"A":"x","a":[true,null],"b":1,"\u0080":3,"€":2}',
    );
    assert.equal(
      canonicalJson({ n: 1e21, m: -0, f: 0.1 + 0.2 }),
      '{"f":0.30000000000000004,"m":0,"n":1e+21}',
    );
    assert.equal(canonicalJson({ gone: undefined, kept: 1 }), '{"kept":1}');
  });
});
