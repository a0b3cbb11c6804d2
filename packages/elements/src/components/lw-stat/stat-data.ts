/** What a stat tile shows; the wire format of its `src` JSON and `data` property. */
export interface StatData {
  label?: string;
  value: string | number;
  unit?: string;
  caption?: string;
  tone?: StatTone;
}

/** Colours the figure: good, warn or bad; none by default. */
export type StatTone = 'good' | 'warn' | 'bad' | '';

const tones = new Set(['good', 'warn', 'bad', '']);
const texts = ['label', 'unit', 'caption'] as const;

/** Checks raw JSON against {@link StatData}, throwing a readable error on the first bad field. */
export function parseStatData(raw: unknown): StatData {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new Error('expected an object');
  const record = raw as Record<string, unknown>;
  const value = record['value'];
  if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
    throw new Error('value must be a string or a finite number');
  }
  for (const key of texts) {
    if (record[key] !== undefined && typeof record[key] !== 'string')
      throw new Error(`${key} must be a string`);
  }
  if (record['tone'] !== undefined && !tones.has(record['tone'] as string)) {
    throw new Error('tone must be good, warn or bad');
  }
  return record as unknown as StatData;
}
