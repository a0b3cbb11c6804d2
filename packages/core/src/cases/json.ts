// Plain JSON values as the case book keeps them: checked, copied, compared and frozen through
// own keys only, so that a key such as `__proto__` or `constructor` is a plain key and never
// reaches Object.prototype.
import { isPlainObject } from '../internal/plain.js';

const MAX_DEPTH = 32;

/** Whether `value` is plain JSON (finite numbers, no `undefined`), at most 32 levels deep. */
export function isJsonValue(value: unknown, depth = 0): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
  if (!isPlainObject(value)) return false;
  for (const key of Object.keys(value)) {
    if (!isJsonValue((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

/** Whether `value` is a plain JSON object whose keys have 1 to `maxKeyLength` characters. */
export function isJsonObject(value: unknown, maxKeyLength: number): boolean {
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    !isPlainObject(value)
  ) {
    return false;
  }
  return (
    Object.keys(value).every((key) => key.length >= 1 && key.length <= maxKeyLength) &&
    isJsonValue(value)
  );
}

/** Sets an own, enumerable property, even one named `__proto__`. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

/** A deep copy of a JSON value (checked with {@link isJsonValue} first), own keys only. */
export function copyJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyJson) as T;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    setOwn(copy, key, copyJson((value as Record<string, unknown>)[key]));
  }
  return copy as T;
}

/** A shallow copy of `value` without the keys whose value is `undefined`. */
export function defined<T extends object>(value: T): T {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) setOwn(copy, key, item);
  }
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
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const leftKeys = Object.keys(left).filter((key) => left[key] !== undefined);
  const rightSize = Object.keys(right).filter((key) => right[key] !== undefined).length;
  return (
    leftKeys.length === rightSize &&
    leftKeys.every((key) => Object.hasOwn(right, key) && sameValue(left[key], right[key]))
  );
}

/** Freezes a JSON value and everything in it; returns it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}
