import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { manualClock, readClock } from '../src/clock.js';
import { expectLanewiseError } from './support/expect.js';

describe('clock', () => {
  it('refuses a start that is not an instant with an offset inside the range', () => {
    for (const start of ['yesterday', '2025-03-01T18:00:00', '1969-12-31T23:59:59Z', Number.NaN]) {
      expectLanewiseError(() => manualClock(start), 'INVALID_INPUT', ['start']);
    }
    assert.equal(
      manualClock('2025-03-01T18:00:00+08:00').now().toISOString(),
      '2025-03-01T10:00:00.000Z',
    );
  });

  it('refuses a clock that returns an invalid date', () => {
    expectLanewiseError(() => readClock(() => new Date(Number.NaN)), 'INVALID_INPUT', ['now']);
    expectLanewiseError(() => readClock(() => 'soon' as unknown as Date), 'INVALID_INPUT', ['now']);
    assert.equal(
      readClock(() => new Date(5)),
      5,
    );
  });
});
