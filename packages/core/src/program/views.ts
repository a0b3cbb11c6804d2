import type { HoursLedger } from '../hours/index.js';
import type { PointsLedger } from '../points/index.js';
import { accountOf } from './commands.js';
import type { ProgramSnapshot, VolunteerStanding } from './types.js';

/** A volunteer's hours, star level, points and debt. */
export function standingOf(
  hours: HoursLedger,
  points: PointsLedger,
  volunteerId: string,
): VolunteerStanding {
  return Object.freeze({
    volunteerId,
    creditedMinutes: hours.creditedMinutes({ volunteerId }),
    starLevel: hours.starLevel(volunteerId),
    points: Object.freeze({ ...points.balance(accountOf(volunteerId)) }),
    owing: points.owing(accountOf(volunteerId)),
  });
}

/** Both ledgers' snapshots at `version` events. */
export function snapshotOf(
  hours: HoursLedger,
  points: PointsLedger,
  version: number,
): ProgramSnapshot {
  return Object.freeze({ version, hours: hours.snapshot(), points: points.snapshot() });
}
