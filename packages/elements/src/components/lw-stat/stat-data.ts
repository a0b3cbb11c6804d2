import { z } from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';

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

/** The schema of {@link StatData}: `value` is text or a finite number. */
export const statSchema: $ZodType<StatData> = z.object({
  label: z.optional(z.string()),
  value: z.unknown().check(
    z.refine(
      (value) => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)),
      {
        message: 'must be text or a finite number',
        params: { reason: 'type', expected: 'number' },
      },
    ),
  ) as unknown as z.ZodMiniType<string | number>,
  unit: z.optional(z.string()),
  caption: z.optional(z.string()),
  tone: z.optional(z.enum(['good', 'warn', 'bad', ''])),
});
