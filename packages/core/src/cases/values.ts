// Small value helpers of the case book: instants in one form, plain objects without
// undefined keys (so live records and replayed ones compare equal), deep equality.

/** The instant as a UTC ISO string, the one form stored in records. */
export function utc(instant: string | Date): string {
  return (typeof instant === 'string' ? new Date(instant) : instant).toISOString();
}

/** A shallow copy of `value` without the keys whose value is `undefined`. */
export function defined<T extends object>(value: T): T {
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) copy[key] = item;
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
