// Comparing what a restore built with the snapshot it was given, field by field, so that the
// first field that differs can be named.
import type { ErrorPath } from '../errors/index.js';

/** Throws the snapshot's INVALID_LOG at `path`, a path into the part being restored. */
export type RestoreFailure = (path: ErrorPath, message: string) => never;

/** Where the first two differ, as a path into `given`; undefined when equal as JSON. */
export function firstDifference(built: unknown, given: unknown): ErrorPath | undefined {
  if (built === given) return undefined;
  if (
    typeof built !== 'object' ||
    typeof given !== 'object' ||
    built === null ||
    given === null ||
    Array.isArray(built) !== Array.isArray(given)
  ) {
    return [];
  }
  const a = built as Record<string, unknown>;
  const b = given as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    // An absent field and an undefined one are the same in JSON.
    const found = firstDifference(a[key], b[key]);
    if (found !== undefined) return [Array.isArray(given) ? Number(key) : key, ...found];
  }
  return undefined;
}
