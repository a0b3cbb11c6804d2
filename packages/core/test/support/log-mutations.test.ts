import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { logMutation } from './log-mutations.js';

describe('logMutation', () => {
  const log = [
    {
      seq: 1,
      type: 'demo.added',
      at: '2025-01-24T09:00:00.000+08:00',
      data: { by: 1, tags: ['a'] },
    },
    { seq: 2, type: 'demo.added', at: '2025-01-24T09:00:00.000+08:00', data: { by: 2, tags: [] } },
  ];

  it('always gives a log that differs from the original, and leaves the original alone', () => {
    const before = JSON.stringify(log);
    fc.assert(
      fc.property(logMutation(log), (mutation) => {
        assert.notEqual(JSON.stringify(mutation.events), before, mutation.description);
      }),
      { numRuns: 300 },
    );
    assert.equal(JSON.stringify(log), before);
  });
});
