import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalQuantile } from '../../src/metrics/index.js';
import { close, Z90, Z95, Z99 } from './statistics.js';

describe('normalQuantile', () => {
  it("matches R's qnorm", () => {
    close(normalQuantile(0.975), Z95, 1e-15);
    close(normalQuantile(0.995), Z99, 1e-15);
    close(normalQuantile(0.95), Z90, 1e-15);
    close(normalQuantile(0.025), -Z95, 1e-15);
    close(normalQuantile(1e-10), -6.361340902404056, 1e-13);
    assert.equal(normalQuantile(0.5), 0);
  });
});
