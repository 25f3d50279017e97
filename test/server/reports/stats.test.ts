import { describe, expect, it } from 'vitest';
import { mean, ratio, wilsonInterval } from '../../../server/reports/stats.ts';

describe('Wilson score interval (95 %)', () => {
  // Reference values: Wilson (1927); e.g. Newcombe (1998) table I, and R `binom::binom.wilson`.
  it.each([
    [0, 10, 0, 0.2775],
    [5, 10, 0.2366, 0.7634],
    [10, 10, 0.7225, 1],
    [81, 263, 0.2553, 0.3662],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i → [%f, %f]', (x, n, low, high) => {
    const ci = wilsonInterval(x, n)!;
    expect(ci.low).toBeCloseTo(low, 4);
    expect(ci.high).toBeCloseTo(high, 4);
  });

  it('has no interval on an empty sample or impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(5, 3)).toBeNull();
    expect(wilsonInterval(-1, 3)).toBeNull();
  });

  it('guards zero denominators', () => {
    expect(mean([])).toBeNull();
    expect(mean([1, 2, 3])).toBe(2);
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(3, 2)).toBe(1.5);
  });
});
