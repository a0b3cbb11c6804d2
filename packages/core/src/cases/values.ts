// Small value helpers of the case book: instants in one form, plain objects without
// undefined keys (so live records and replayed ones compare equal), deep equality.

const UTC_FORM = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
// Due instants repeat (one per local day and deadline): remember the recent conversions.
const converted = new Map<string, string>();

/** The instant as a UTC ISO string, the one form stored in records. */
export function utc(instant: string | Date): string {
  if (typeof instant !== 'string') return instant.toISOString();
  if (UTC_FORM.test(instant)) return instant;
  let text = converted.get(instant);
  if (text === undefined) {
    text = new Date(instant).toISOString();
    if (converted.size >= 4096) converted.clear();
    converted.set(instant, text);
  }
  return text;
}

/** A shallow copy of `value` without the keys whose value is `undefined`. */
export function defined<T extends object>(value: T): T {
  const copy: Record<string, unknown> = {};
  for (const key in value) if (value[key] !== undefined) copy[key] = value[key];
  return copy as T;
}

/** Whether `value` is plain JSON (finite numbers, no `undefined`), without recursing forever. */
export function isJsonValue(value: unknown, depth = 0): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || depth > 32) return false;
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  for (const key in value)
    if (!isJsonValue((value as Record<string, unknown>)[key], depth + 1)) return false;
  return true;
}

/** A deep copy of a JSON value (checked with {@link isJsonValue} first). */
export function copyJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyJson) as T;
  const copy: Record<string, unknown> = {};
  for (const key in value) copy[key] = copyJson((value as Record<string, unknown>)[key]);
  return copy as T;
}

/** Deep equality of JSON-like values; key order does not matter, `undefined` keys count as absent. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameValue(item, b[index]));
  }
  const left = Object.entries(a).filter(([, item]) => item !== undefined);
  const right = b as Record<string, unknown>;
  const rightSize = Object.values(right).filter((item) => item !== undefined).length;
  return left.length === rightSize && left.every(([key, item]) => sameValue(item, right[key]));
}
