/**
 * A volunteer program: the hour and point ledgers wired together, with one event log.
 *
 * @module program
 */
export { createVolunteerProgram } from './program.js';
export { pointsForMinutes } from './earning.js';
export type {
  ProgramEarningRules,
  ProgramEvent,
  ProgramSnapshot,
  VolunteerProgram,
  VolunteerProgramOptions,
  VolunteerProgramPolicy,
  VolunteerStanding,
} from './types.js';
