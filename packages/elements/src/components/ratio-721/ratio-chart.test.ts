import { expect } from '@open-wc/testing';
import { ratio721 } from '@lanewise/core/metrics';
import { columnSegments } from './ratio-chart.js';

describe('ratio-721 chart', () => {
  it('stacks a month’s column from service at the bottom to enforcement at the top', () => {
    const at = '2025-03-01T09:00:00+08:00';
    const result = ratio721([
      { at, kind: 'service' },
      { at, kind: 'service' },
      { at, kind: 'manage' },
      { at, kind: 'enforce', weight: 0 },
    ]);
    const segments = columnSegments(result);
    expect(segments.map((segment) => segment.kind)).to.deep.equal(['service', 'manage']);
    expect(segments[0]!.y).to.be.closeTo(100 - 200 / 3, 1e-9);
    expect(segments[0]!.height + segments[1]!.height).to.be.closeTo(100, 1e-9);
    expect(segments[1]!.y).to.be.closeTo(0, 1e-9);
    expect(columnSegments(ratio721([]))).to.deep.equal([]);
  });
});
