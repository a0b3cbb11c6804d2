import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { satisfaction, wilsonInterval, type SatisfactionLevel } from '../../src/metrics/index.js';
import { isLanewiseError } from '../../src/errors/index.js';

const ratings = (satisfied: number, basic: number, unsatisfied: number) => [
  ...Array.from({ length: satisfied }, () => ({ rating: 'satisfied' as SatisfactionLevel })),
  ...Array.from({ length: basic }, () => ({ rating: 'basic' as SatisfactionLevel })),
  ...Array.from({ length: unsatisfied }, () => ({ rating: 'unsatisfied' as SatisfactionLevel })),
];
const scores = (counts: Record<number, number>) =>
  Object.entries(counts).flatMap(([score, count]) =>
    Array.from({ length: count }, () => ({ score: Number(score) })),
  );
const invalidAt = (path: (string | number)[]) => (error: unknown) =>
  isLanewiseError(error, 'INVALID_INPUT') && JSON.stringify(error.path) === JSON.stringify(path);

describe('satisfaction', () => {
  it('counts 满意 and 基本满意 as satisfied on the three-level scale by default', () => {
    // Shangrao-like: 99.2% of 500 answers.
    const result = satisfaction(ratings(420, 76, 4));
    assert.equal(result.scale, 'three-level');
    assert.deepEqual(result.counts, { satisfied: 420, basic: 76, unsatisfied: 4 });
    assert.equal(result.successes, 496);
    assert.equal(result.n, 500);
    assert.equal(result.rate, 0.992);
    assert.deepEqual(result.interval, wilsonInterval(496, 500));
    assert.equal(result.confidence, 0.95);
  });

  it('lets the setting decide which levels count', () => {
    const strict = satisfaction(ratings(420, 76, 4), {
      satisfied: ['satisfied'],
      confidence: 0.99,
    });
    assert.equal(strict.successes, 420);
    assert.deepEqual(strict.interval, wilsonInterval(420, 500, 0.99));
  });

  it('gives the CSAT top-two-box on five points, with mean and Bayesian mean', () => {
    // 10 answers: 1×1, 1×2, 2×3, 3×4, 3×5 → top two box 6 of 10 = 60%; mean 3.6.
    const result = satisfaction(scores({ 1: 1, 2: 1, 3: 2, 4: 3, 5: 3 }), { scale: 'five-point' });
    assert.equal(result.scale, 'five-point');
    assert.deepEqual(result.counts, { 1: 1, 2: 1, 3: 2, 4: 3, 5: 3 });
    assert.equal(result.successes, 6);
    assert.equal(result.rate, 0.6);
    assert.equal(result.mean, 3.6);
    // (3 × 10 + 36) / (10 + 10) = 3.3
    assert.equal(result.bayesianMean, 3.3);
    const topBox = satisfaction(scores({ 4: 3, 5: 3 }), {
      scale: 'five-point',
      satisfied: [5],
      prior: 4,
      priorWeight: 2,
    });
    assert.equal(topBox.rate, 0.5);
    assert.equal(topBox.bayesianMean, (4 * 2 + 27) / 8);
  });

  it('gives the Net Promoter Score in points', () => {
    // 20 answers: 8 promoters (9-10), 7 passives (7-8), 5 detractors (0-6): NPS = 40% - 25% = 15.
    const result = satisfaction(scores({ 10: 5, 9: 3, 8: 4, 7: 3, 6: 2, 3: 2, 0: 1 }), {
      scale: 'nps',
    });
    assert.equal(result.promoters, 8);
    assert.equal(result.passives, 7);
    assert.equal(result.detractors, 5);
    assert.equal(result.nps, 15);
    assert.equal(result.rate, 0.4);
    assert.deepEqual(result.interval, wilsonInterval(8, 20));
    assert.equal(result.mean, (50 + 27 + 32 + 21 + 12 + 6) / 20);
    assert.equal(satisfaction(scores({ 10: 4 }), { scale: 'nps' }).nps, 100);
    assert.equal(satisfaction(scores({ 0: 1, 6: 3 }), { scale: 'nps' }).nps, -100);
  });

  it('has no rate, mean or NPS without answers, and the prior as Bayesian mean', () => {
    assert.deepEqual(satisfaction([]).interval, [0, 1]);
    assert.equal(satisfaction([]).rate, null);
    const empty = satisfaction([], { scale: 'nps' });
    assert.equal(empty.nps, null);
    assert.equal(empty.mean, null);
    assert.equal(empty.bayesianMean, 5);
  });

  it('reads case follow-ups as they are', () => {
    const followUps = [
      { rating: 'satisfied', at: '2025-06-05T10:00:00+08:00', comment: '很及时' },
      { rating: 'unsatisfied', at: '2025-06-06T10:00:00+08:00' },
    ] as const;
    assert.equal(satisfaction(followUps).successes, 1);
  });

  it('rejects answers off the scale, naming the answer', () => {
    assert.throws(
      () => satisfaction([{ rating: 'ok' as SatisfactionLevel }]),
      invalidAt([0, 'rating']),
    );
    assert.throws(
      () => satisfaction([{ score: 0 }], { scale: 'five-point' }),
      invalidAt([0, 'score']),
    );
    assert.throws(
      () => satisfaction([{ score: 5 }, { score: 4.5 }], { scale: 'five-point' }),
      invalidAt([1, 'score']),
    );
    assert.throws(() => satisfaction([{ score: 11 }], { scale: 'nps' }), invalidAt([0, 'score']));
    assert.throws(
      () => satisfaction([{ score: 3 }], { scale: 'five-point', satisfied: [6] }),
      invalidAt(['satisfied', 0]),
    );
    assert.throws(() => satisfaction([], { scale: 'stars' as 'nps' }), invalidAt(['scale']));
  });
});
