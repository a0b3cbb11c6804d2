/**
 * zod schemas shared by the core's entry points, and the parser that turns a failed parse
 * into a `LanewiseError`.
 *
 * @module schemas
 */
export { parseInput } from './parse.js';
export { idSchema, instantSchema, daySchema, timeZoneSchema } from './common.js';
