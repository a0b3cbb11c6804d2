// Model-based test: random sequences of every command, valid and invalid, run against the
// ledger and the reference model; after each step the two must agree and the invariants hold.
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { manualClock } from '../../src/clock.js';
import { createPointsLedger } from '../../src/points/index.js';
import { PointsModel } from './model.js';
import { commands, POLICY, START } from './model-steps.js';

describe('point ledger against the reference model', () => {
  it('agrees with the model and keeps the invariants over 200 runs of 100 commands', () => {
    fc.assert(
      fc.property(
        fc
          .commands(commands, { maxCommands: 200, size: 'max' })
          .filter((sequence) => [...sequence].length >= 100)
          .map((sequence) => [...sequence].slice(0, 100)),
        (sequence) => {
          const clock = manualClock(START);
          const real = { ledger: createPointsLedger({ now: clock.now, policy: POLICY }), clock };
          fc.modelRun(
            () => ({
              model: new PointsModel(START, POLICY.expireAfterMonths, POLICY.redemptionHoldMinutes),
              real,
            }),
            sequence,
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
