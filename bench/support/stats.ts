/**
 * Every figure of a bench is the median of its runs (3 by default, `BENCH_RUNS`), with the smallest and largest
 * beside it: `{ key: median, key_min, key_max }` — the key itself keeps its meaning from one version to the next.
 */
export const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));

/** `BENCH_QUICK=1`: shorter runs, to check that a bench works end to end (figures not comparable). */
export const QUICK = process.env.BENCH_QUICK === '1';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function round(value: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** `{ [key]: median, [key_min]: min, [key_max]: max }` of the runs' values, rounded. */
export function spread<K extends string>(key: K, values: number[], digits = 0): Record<K | `${K}_min` | `${K}_max`, number> {
  return { [key]: round(median(values), digits), [`${key}_min`]: round(Math.min(...values), digits), [`${key}_max`]: round(Math.max(...values), digits) } as Record<K | `${K}_min` | `${K}_max`, number>;
}
