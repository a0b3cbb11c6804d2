// Comparing what a restore built with the snapshot it was given, field by field, so that the
// first field that differs can be named.
import type { ErrorPath } from '../errors/index.js';

/** Throws the snapshot's INVALID_LOG at `path`, a path into the part being restored. */
export type RestoreFailure = (path: ErrorPath, message: string) => never;

/**
 * Where the first two differ, as a path into `given`; undefined when equal as JSON (an absent
 * field and an undefined one are the same). Walks without copying: snapshots are large.
 */
export function firstDifference(built: unknown, given: unknown): ErrorPath | undefined {
  if (built === given) return undefined;
  if (typeof built !== 'object' || typeof given !== 'object' || built === null || given === null) {
    return [];
  }
  if (Array.isArray(built) || Array.isArray(given)) {
    if (!Array.isArray(built) || !Array.isArray(given)) return [];
    const length = Math.max(built.length, given.length);
    for (let index = 0; index < length; index++) {
      const found = firstDifference(built[index], given[index]);
      if (found !== undefined) return [index, ...found];
    }
    return undefined;
  }
  const a = built as Record<string, unknown>;
  const b = given as Record<string, unknown>;
  for (const key in a) {
    if (!Object.hasOwn(a, key)) continue;
    const found = firstDifference(a[key], Object.hasOwn(b, key) ? b[key] : undefined);
    if (found !== undefined) return [key, ...found];
  }
  for (const key in b) {
    if (Object.hasOwn(b, key) && !Object.hasOwn(a, key) && b[key] !== undefined) return [key];
  }
  return undefined;
}
