// Reference values and helpers of the statistics tests.
import assert from 'node:assert/strict';

/** Asserts that `actual` is within `within` of `expected`. */
export const close = (actual: number, expected: number, within = 1e-10) =>
  assert.ok(
    Math.abs(actual - expected) <= within,
    `${actual} is not within ${within} of ${expected}`,
  );

// R's qnorm values, to the digits R prints with options(digits = 16).
export const Z95 = 1.959963984540054;
export const Z99 = 2.575829303548901;
export const Z90 = 1.644853626951472;

/** The Wilson bounds as the roots of (p̂ - p)² = z² p (1 - p) / n: a second, independent derivation. */
export function wilsonByRoots(k: number, n: number, z: number): [number, number] {
  const phat = k / n;
  const a = 1 + (z * z) / n;
  const b = -(2 * phat + (z * z) / n);
  const c = phat * phat;
  const root = Math.sqrt(Math.max(0, b * b - 4 * a * c));
  return [(-b - root) / (2 * a), (-b + root) / (2 * a)];
}
