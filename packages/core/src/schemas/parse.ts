import type { z } from 'zod';
import { LanewiseError } from '../errors.js';

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
