import type { z } from 'zod';
import { LanewiseError, type ErrorPath } from '../errors.js';

/**
 * Parses `input` with `schema`, or throws `INVALID_INPUT` naming the first bad field's path
 * (prefixed with `at`) and listing every issue in `details.issues`.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  at: readonly (string | number)[] = [],
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: [...at, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))],
    message: issue.message,
  }));
  const first = issues[0] ?? { path: [...at], message: 'invalid input' };
  const where = first.path.length > 0 ? first.path.join('.') : 'input';
  throw new LanewiseError('INVALID_INPUT', `${where}: ${first.message}`, {
    path: first.path,
    details: { issues },
  });
}

/** The error of a bad field found by a hand-written bulk check. */
export function invalidField(path: ErrorPath, message: string): LanewiseError {
  const where = path.length > 0 ? path.join('.') : 'input';
  return new LanewiseError('INVALID_INPUT', `${where}: ${message}`, {
    path,
    details: { issues: [{ path, message }] },
  });
}
