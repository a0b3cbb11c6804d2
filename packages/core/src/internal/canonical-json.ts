// RFC 8785 (JSON Canonicalization Scheme) for the JSON values the core writes: object keys
// sorted by UTF-16 code units, no white space, numbers and strings as ECMAScript's JSON
// serialises them (which RFC 8785 adopts). The same value gives the same text whatever order
// its keys were stored in, so a hash over it survives storage that reorders keys (jsonb).

/**
 * The canonical JSON text of a JSON value. `undefined` properties are left out, as
 * `JSON.stringify` does; a non-finite number has no JSON form and throws.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new TypeError('canonicalJson: a non-finite number has no JSON form');
    }
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) out += ',';
      const item: unknown = value[index];
      out += item === undefined ? 'null' : canonicalJson(item);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
    first = false;
  }
  return `${out}}`;
}
