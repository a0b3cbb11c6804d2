// Shared helpers of the hour-ledger tests.
import assert from 'node:assert/strict';
import { manualClock } from '../../src/clock.js';
import type { ErrorCode, LanewiseError } from '../../src/errors/index.js';
import {
  createHoursLedger,
  type HoursLedger,
  type HoursPolicy,
  type RecordHoursInput,
} from '../../src/hours/index.js';
import { expectUnchanged } from '../support/expect.js';

/** The tests' "now": a Monday noon in Shanghai, after every entry they record. */
export const NOW = '2025-03-10T12:00:00+08:00';

/** A ledger on a manual clock at {@link NOW}. */
export function ledgerAt(policy?: HoursPolicy, timeZone?: string) {
  const clock = manualClock(NOW);
  const ledger = createHoursLedger({ now: clock.now, policy, timeZone });
  return { ledger, clock };
}

/** A record input on 2025-03-01 (Saturday) from `from` to `to`, local times `HH:MM`. */
export function entry(
  id: string,
  from: string,
  to: string,
  extra: Partial<RecordHoursInput> = {},
): RecordHoursInput {
  return {
    id,
    volunteerId: 'v-li',
    activityId: 'repair-lane',
    start: `2025-03-01T${from}:00+08:00`,
    end: `2025-03-01T${to}:00+08:00`,
    recordedBy: 'org-wang',
    ...extra,
  };
}

/**
 * Asserts that `run` throws a LanewiseError with `code` (and `path`) and leaves the ledger as it
 * was: the shared check, and the very same snapshot object.
 */
export function assertRejected(
  ledger: HoursLedger,
  run: () => unknown,
  code: ErrorCode,
  path?: readonly (string | number)[],
): LanewiseError {
  const before = ledger.snapshot();
  const error = expectUnchanged(ledger, run, code);
  if (path) assert.deepEqual(error.path, path);
  assert.equal(ledger.snapshot(), before, 'the state did not change');
  return error;
}
