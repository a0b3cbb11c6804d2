import { LanewiseError } from '@lanewise/core/errors';

/** What a stat tile shows; the wire format of its `src` JSON and `data` property. */
export interface StatData {
  label?: string | undefined;
  value: string | number;
  unit?: string | undefined;
  caption?: string | undefined;
  tone?: StatTone | undefined;
}

/** Colours the figure: good, warn or bad; none by default. */
export type StatTone = 'good' | 'warn' | 'bad' | '';

const tones = ['good', 'warn', 'bad', ''];
const texts = ['label', 'unit', 'caption'] as const;

/** `INVALID_INPUT` at `path`, said by the core's `formatError` in the page's language. */
function bad(path: string[], message: string, reason: string, params: object = {}): LanewiseError {
  return new LanewiseError('INVALID_INPUT', `${path.join('.')}: ${message}`, {
    path,
    details: { issues: [{ path, message, reason, params }] },
  });
}

/**
 * Checks raw JSON against {@link StatData}, throwing a `LanewiseError` that names the first bad
 * field. The tile has no schema in the core, and five fields do not need zod's weight in its
 * entry; widgets over core records use the core's zod/mini schemas instead.
 */
export function parseStatData(raw: unknown): StatData {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw bad([], 'must be an object', 'type', { expected: 'object' });
  const record = raw as Record<string, unknown>;
  const value = record['value'];
  if (value === undefined) throw bad(['value'], 'is required', 'required');
  if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
    throw bad(['value'], 'must be a number', 'type', { expected: 'number' });
  }
  for (const key of texts) {
    if (record[key] !== undefined && typeof record[key] !== 'string')
      throw bad([key], 'must be text', 'type', { expected: 'string' });
  }
  if (record['tone'] !== undefined && !tones.includes(record['tone'] as string)) {
    throw bad(['tone'], `must be one of ${JSON.stringify(tones)}`, 'enum', { values: tones });
  }
  return record as unknown as StatData;
}
