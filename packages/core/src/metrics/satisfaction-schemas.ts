import { z } from 'zod';
import { confidenceSchema } from './wilson.js';

/** The three levels of a Chinese follow-up survey: 满意, 基本满意, 不满意. */
export const SATISFACTION_LEVELS = ['satisfied', 'basic', 'unsatisfied'] as const;

const common = {
  confidence: confidenceSchema.default(0.95),
};

/** Options of `satisfaction` on the three-level scale. */
export const threeLevelOptionsSchema = z.object({
  ...common,
  scale: z.literal('three-level').default('three-level'),
  satisfied: z.array(z.enum(SATISFACTION_LEVELS)).default(['satisfied', 'basic']),
});

function scoreOptions<S extends 'five-point' | 'nps'>(
  scale: S,
  max: number,
  satisfied: number[],
  prior: number,
) {
  const score = z
    .number()
    .int()
    .min(scale === 'nps' ? 0 : 1)
    .max(max);
  return z.object({
    ...common,
    scale: z.literal(scale),
    satisfied: z.array(score).default(satisfied),
    prior: z
      .number()
      .min(scale === 'nps' ? 0 : 1)
      .max(max)
      .default(prior),
    priorWeight: z.number().nonnegative().default(10),
  });
}

/** Options of `satisfaction` on the five-point scale: top-two-box by default. */
export const fivePointOptionsSchema = scoreOptions('five-point', 5, [4, 5], 3);

/** Options of `satisfaction` on the 0-10 scale of the Net Promoter Score: promoters by default. */
export const npsOptionsSchema = scoreOptions('nps', 10, [9, 10], 5);
