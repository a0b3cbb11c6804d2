// Small readers of the query string and body that turn a wrong shape into the core's
// INVALID_INPUT, with the path of the field.
import { LanewiseError } from '@lanewise/core/errors';

export function invalid(path: (string | number)[], message: string): LanewiseError {
  return new LanewiseError('INVALID_INPUT', message, {
    path,
    details: { issues: [{ path, message }] },
  });
}

/** A required query parameter. */
export function required(query: Readonly<Record<string, string>>, name: string): string {
  const value = query[name];
  if (value === undefined || value === '') throw invalid([name], `${name} is required`);
  return value;
}

/** Only the named keys of a query, the empty ones left out. */
export function pick(
  query: Readonly<Record<string, string>>,
  names: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = query[name];
    if (value !== undefined && value !== '') out[name] = value;
  }
  return out;
}

/** A query parameter that must be an instant or a day. */
export function optionalText(query: Readonly<Record<string, string>>, name: string) {
  const value = query[name];
  return value === undefined || value === '' ? undefined : value;
}
