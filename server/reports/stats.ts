/** Small statistical helpers for the reports; pure, guarded against empty samples. */

const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for a proportion x/n (95 % by default). Unlike the textbook "p ± 1.96·√(p(1-p)/n)"
 * it stays inside [0, 1] and does not collapse to a point at 0 % or 100 %, which matters on the small
 * samples an association's year gives.
 */
export function wilsonInterval(successes: number, n: number, z = Z95): Interval | null {
  if (n <= 0 || successes < 0 || successes > n) return null;
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = ((z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n)));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}

/** A ratio that is null (not Infinity, not NaN) when the denominator is zero. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** Below this many answers a share is flagged as a small sample, even when it may be shown. */
export const SMALL_SAMPLE = 30;
