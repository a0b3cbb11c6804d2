// Where an error belongs in the form, and the sentence to show there.
import { LanewiseError } from '@lanewise/core/errors';
import { fieldOfPath, type IntakeField } from './intake-input.js';

interface Issue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** The field a core error points at (undefined: the form as a whole) and the error to say there. */
export function placeError(error: unknown): { field: IntakeField | undefined; error: unknown } {
  if (!(error instanceof LanewiseError)) return { field: undefined, error };
  const issues = error.details['issues'];
  const issue = Array.isArray(issues) ? (issues[0] as Issue | undefined) : undefined;
  const path = issue && Array.isArray(issue.path) ? issue.path : (error.path ?? []);
  const field = fieldOfPath(path);
  if (!field || !issue) return { field, error };
  // Beside the field, the sentence alone: the field's label already says where.
  return {
    field,
    error: new LanewiseError(error.code, issue.message, {
      details: { issues: [{ ...issue, path: [] }] },
    }),
  };
}
