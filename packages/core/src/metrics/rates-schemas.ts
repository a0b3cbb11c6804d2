import { z } from 'zod';
import type { Clock } from '../clock.js';
import { instantSchema } from '../schemas/common.js';
import { windowIsOrdered } from './ratio-schemas.js';
import { SATISFACTION_LEVELS } from './satisfaction-schemas.js';
import { confidenceSchema } from './wilson.js';

/** The response limit used when none is given: 24 hours. */
export const DEFAULT_RESPONSE_MINUTES = 24 * 60;

/** Options of `caseRates`. */
export const caseRatesOptionsSchema = z
  .object({
    now: z.custom<Clock>(
      (value) => typeof value === 'function',
      'must be a function returning a Date',
    ),
    from: instantSchema.optional(),
    to: instantSchema.optional(),
    responseMinutes: z.number().positive().default(DEFAULT_RESPONSE_MINUTES),
    responseMinutesByTier: z.record(z.string(), z.number().positive()).default({}),
    satisfied: z.array(z.enum(SATISFACTION_LEVELS)).default(['satisfied', 'basic']),
    followUps: z.enum(['latest', 'all']).default('latest'),
    confidence: confidenceSchema.default(0.95),
  })
  .refine(windowIsOrdered, { message: 'to must be after from', path: ['to'] });
