import { safeParse, type ZodMiniType } from 'zod/mini';
import type { $ZodIssue, $ZodType } from 'zod/v4/core';
import { LanewiseError, type ErrorPath } from '../errors/error.js';
import type { FieldIssue, IssueReason } from '../errors/issues.js';
import { enFields as en, issueText } from '../errors/messages.js';

type Params = Record<string, unknown>;

/** The value at `path` in `input`, through own properties only; `missing` when a key is absent. */
function valueAt(input: unknown, path: readonly PropertyKey[]): { missing: boolean } {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) {
      return { missing: true };
    }
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return { missing: value === undefined };
}

const UNITS: Record<string, string> = { string: 'characters', array: 'items', set: 'items' };

/** The reason and facts of one zod issue, in the form {@link FieldIssue} names them. */
function describe(issue: $ZodIssue, input: unknown): { reason: IssueReason; params: Params } {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return { reason: 'whole_number', params: {} };
      if (valueAt(input, issue.path).missing) return { reason: 'required', params: {} };
      return { reason: 'type', params: { expected: issue.expected } };
    case 'invalid_value':
      return { reason: 'enum', params: { values: issue.values } };
    case 'too_small':
      return {
        reason: 'too_small',
        params: {
          minimum: Number(issue.minimum),
          exclusive: issue.inclusive === false,
          unit: UNITS[issue.origin] ?? 'value',
        },
      };
    case 'too_big':
      return {
        reason: 'too_big',
        params: {
          maximum: Number(issue.maximum),
          exclusive: issue.inclusive === false,
          unit: UNITS[issue.origin] ?? 'value',
        },
      };
    case 'invalid_format':
      if (issue.format === 'datetime') return { reason: 'instant', params: {} };
      if (issue.format === 'date') return { reason: 'day', params: {} };
      return { reason: 'format', params: { format: issue.format } };
    case 'custom': {
      const reason = (issue.params as Params | undefined)?.['reason'];
      return typeof reason === 'string' && reason in en.issue
        ? { reason: reason as IssueReason, params: { ...issue.params } }
        : { reason: 'invalid', params: { message: issue.message } };
    }
    default:
      return { reason: 'invalid', params: { message: issue.message } };
  }
}

/** Every bad field of a failed parse, each with its own path (an unknown key names itself). */
function fieldIssues(issues: readonly $ZodIssue[], input: unknown, at: ErrorPath): FieldIssue[] {
  const out: FieldIssue[] = [];
  const push = (path: ErrorPath, reason: IssueReason, params: Params) => {
    const message = issueText(en, { path: [], message: '', reason, params });
    out.push({ path, message, reason, params });
  };
  for (const issue of issues) {
    const path = [...at, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) push([...path, key], 'unknown_key', { key });
      continue;
    }
    const { reason, params } = describe(issue, input);
    push(path, reason, params);
  }
  return out;
}

/** The error of a list of bad fields: `INVALID_INPUT` at the first one. */
function invalidInput(issues: FieldIssue[]): LanewiseError {
  const first = issues[0] ?? { path: [], message: 'is not valid', reason: 'invalid' };
  return new LanewiseError('INVALID_INPUT', issueText(en, first), {
    path: first.path,
    details: { issues },
  });
}

/**
 * Parses `input` with `schema`, or throws `INVALID_INPUT` naming the first bad field's path
 * (prefixed with `at`) and listing every issue in `details.issues`.
 */
export function parseInput<S extends ZodMiniType | $ZodType>(
  schema: S,
  input: unknown,
  at: ErrorPath = [],
): S['_zod']['output'] {
  const result = safeParse(schema as ZodMiniType, input);
  if (result.success) return result.data as S['_zod']['output'];
  throw invalidInput(fieldIssues(result.error.issues, input, at));
}

/**
 * The error of a bad field found by a hand-written check: `message` in English; `reason` and
 * `params` let {@link formatError} say it in other languages.
 */
export function invalidField(
  path: ErrorPath,
  message: string,
  reason: IssueReason = 'invalid',
  params: Params = {},
): LanewiseError {
  return invalidInput([{ path, message, reason, params: { message, ...params } }]);
}
