// The checks every folder's tests share: "this throws a LanewiseError with that code", and "a
// rejected call leaves the object exactly as it was".
import assert from 'node:assert/strict';
import { LanewiseError, type ErrorCode, type ErrorPath } from '../../src/errors/index.js';

/** Runs `call`, expects a `LanewiseError` with `code` (and `path`, when given), and returns it. */
export function expectLanewiseError(
  call: () => unknown,
  code: ErrorCode,
  path?: ErrorPath,
): LanewiseError {
  let caught: unknown;
  try {
    call();
  } catch (error) {
    caught = error;
  }
  assert.ok(
    caught instanceof LanewiseError,
    `expected a LanewiseError ${code}, got ${caught instanceof Error ? caught.stack : String(caught)}`,
  );
  assert.equal(caught.code, code, caught.message);
  if (path !== undefined) assert.deepEqual(caught.path, path, caught.message);
  return caught;
}

/** Anything with a log and a snapshot: every stateful object of the core. */
export interface Observed {
  events(): readonly unknown[];
  snapshot(): unknown;
}

/**
 * Expects `call` to fail with a `LanewiseError` (with `code`, when given) and to leave `object`
 * as it was: the same log and an equal snapshot.
 */
export function expectUnchanged(
  object: Observed,
  call: () => unknown,
  code?: ErrorCode,
): LanewiseError {
  const events = JSON.stringify(object.events());
  const snapshot = JSON.stringify(object.snapshot());
  let caught: unknown;
  try {
    call();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof LanewiseError, `expected a LanewiseError, got ${String(caught)}`);
  if (code !== undefined) assert.equal(caught.code, code, caught.message);
  assert.equal(JSON.stringify(object.events()), events, 'a rejected call changed the log');
  assert.equal(JSON.stringify(object.snapshot()), snapshot, 'a rejected call changed the state');
  return caught;
}
