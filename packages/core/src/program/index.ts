/**
 * A volunteer program: the hour and point ledgers wired together, with one event log.
 *
 * @module program
 */
export { createVolunteerProgram } from './program.js';
export { pointsForMinutes } from './policy.js';
export { MAX_ENTRY_ID_LENGTH } from './commands.js';
export {
  programEarningRulesSchema,
  programSnapshotSchema,
  volunteerStandingSchema,
} from './schemas.js';
export type { VolunteerProgram, VolunteerProgramOptions } from './api.js';
export type {
  ProgramEarningRules,
  ProgramEvent,
  ProgramSnapshot,
  VolunteerProgramPolicy,
  VolunteerStanding,
} from './types.js';
