// Checks a role cannot get past by what it puts in a request: a volunteer sees their own
// wallet, a resident their own cases, station staff their own station.
import type { Caller } from '../../auth/tokens.js';
import { HttpError } from '../errors.js';

/** Refuses unless `allowed`. */
export function demand(allowed: boolean): void {
  if (!allowed) throw new HttpError(403, 'FORBIDDEN');
}

/** Whether the caller manages everyone's records in the community. */
export const manages = (caller: Caller) =>
  caller.role === 'organizer' || caller.role === 'admin' || caller.role === 'station';

/** The point account of a volunteer. */
export const volunteerAccount = (volunteerId: string) => `volunteer:${volunteerId}`;
