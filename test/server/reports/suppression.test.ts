import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  isSuppressed,
  lineIsSafe,
  suppressCrossTable,
  suppressDistribution,
  suppressionMask,
  suppressShare,
  guardValue,
  change,
  SUPPRESSED,
  COMPLEMENT,
  type CountCell,
} from '../../../server/reports/suppression.ts';

const visible = (cell: CountCell) => (isSuppressed(cell) ? null : cell);

/**
 * Brute force: every assignment of the hidden cells that agrees with the shown total, as a reader who reads the
 * labels would enumerate it: a "< k" cell holds 1..k-1, a "masqué" cell (hidden in complement) k..max. A hidden
 * cell is "recoverable" when all assignments give it the same value.
 */
function recoverable(cells: CountCell[], total: CountCell, k: number, max: number): boolean {
  const shown = cells.map(visible);
  const hidden = cells.map((c, i) => (isSuppressed(c) ? i : -1)).filter((i) => i >= 0);
  if (hidden.length === 0 || visible(total) === null) return false;
  const rest = (total as number) - shown.reduce<number>((s, v) => s + (v ?? 0), 0);
  const seen = hidden.map(() => new Set<number>());
  const walk = (i: number, left: number, acc: number[]) => {
    if (i === hidden.length) {
      if (left === 0) acc.forEach((v, j) => seen[j]!.add(v));
      return;
    }
    const cell = cells[hidden[i]!] as { complement?: true };
    const [from, to] = cell.complement ? [k, max] : [1, k - 1];
    for (let v = from; v <= Math.min(to, left); v++) walk(i + 1, left - v, [...acc, v]);
  };
  walk(0, rest, []);
  return seen.some((s) => s.size <= 1);
}

describe('small-cell suppression', () => {
  it('hides 1..k-1, shows 0 and k', () => {
    const d = suppressDistribution(
      [
        { key: 'a', label: 'A', count: 0 },
        { key: 'b', label: 'B', count: 3 },
        { key: 'c', label: 'C', count: 11 },
        { key: 'd', label: 'D', count: 40 },
      ],
      11,
    );
    expect(d.items.map((i) => i.count)).toEqual([0, SUPPRESSED, COMPLEMENT, 40]);
    expect(d.total).toBe(54);
    // b reads "< 11" and c "masqué" (11 or more): the reader learns "b + c = 14", so b is 1..3 and c 11..13.
    expect(d.items[1]!.share).toEqual(SUPPRESSED);
    expect(d.items[3]!.share).toBeCloseTo(40 / 54);
  });

  it('does not let the "masqué ≥ k" label pin a small cell (1 beside 11 would read "b + c = 12, c ≥ 11")', () => {
    const d = suppressDistribution([{ key: 'b', label: 'B', count: 1 }, { key: 'c', label: 'C', count: 11 }, { key: 'd', label: 'D', count: 30 }], 11);
    expect(d.items.map((i) => i.count)).toEqual([SUPPRESSED, COMPLEMENT, COMPLEMENT]);
    expect(d.total).toBe(42);
  });

  it('hides the total when nothing else can protect a lone small cell', () => {
    const d = suppressDistribution([{ key: 'a', label: 'A', count: 4 }, { key: 'b', label: 'B', count: 0 }], 11);
    expect(d.items[0]!.count).toEqual(SUPPRESSED);
    expect(d.total).toEqual(SUPPRESSED);
  });

  it('two hidden ones summing to 2 are not left as "1 and 1"', () => {
    const d = suppressDistribution([{ key: 'a', label: 'A', count: 1 }, { key: 'b', label: 'B', count: 1 }, { key: 'c', label: 'C', count: 30 }, { key: 'd', label: 'D', count: 50 }], 11);
    expect(d.items.filter((i) => isSuppressed(i.count)).length).toBeGreaterThanOrEqual(3);
  });

  it('property: no visible count from 1 to k-1, in distributions', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(40), { minLength: 1, maxLength: 8 }), fc.integer({ min: 2, max: 15 }), (counts, k) => {
        const d = suppressDistribution(counts.map((count, i) => ({ key: String(i), label: String(i), count })), k);
        for (const cell of [...d.items.map((i) => i.count), d.total]) if (!isSuppressed(cell)) expect(cell === 0 || cell >= k).toBe(true);
        // Shown cells are the true counts.
        d.items.forEach((item, i) => isSuppressed(item.count) || expect(item.count).toBe(counts[i]));
      }),
      { numRuns: 400 },
    );
  });

  it('property: no hidden cell can be recovered from the total (exhaustive check)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(25), { minLength: 1, maxLength: 5 }), fc.integer({ min: 2, max: 11 }), (counts, k) => {
        const d = suppressDistribution(counts.map((count, i) => ({ key: String(i), label: String(i), count })), k);
        expect(recoverable(d.items.map((i) => i.count), d.total, k, 60)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('property: cross tables — no small visible cell, and every row and column line is safe', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((r) => fc.tuple(fc.constant(r), fc.integer({ min: 1, max: 4 }))).chain(([r, c]) => fc.array(fc.array(fc.nat(30), { minLength: c, maxLength: c }), { minLength: r, maxLength: r })),
        fc.integer({ min: 2, max: 12 }),
        (counts, k) => {
          const rows = counts.map((_, i) => ({ key: `r${i}`, label: `r${i}` }));
          const cols = counts[0]!.map((_, i) => ({ key: `c${i}`, label: `c${i}` }));
          const t = suppressCrossTable(rows, cols, counts, k);
          const all = [...t.cells.flat(), ...t.rowTotals, ...t.columnTotals, t.total];
          for (const cell of all) if (!isSuppressed(cell)) expect(cell === 0 || cell >= k).toBe(true);
          // Each row with its shown total, each column with its shown total: not recoverable by difference.
          counts.forEach((row, r) => {
            expect(recoverable(t.cells[r]!, t.rowTotals[r]!, k, 200)).toBe(false);
          });
          cols.forEach((_, c) => {
            expect(recoverable(t.cells.map((row) => row[c]!), t.columnTotals[c]!, k, 200)).toBe(false);
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the engine: every line with a shown total ends up safe', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20), { minLength: 2, maxLength: 6 }), fc.integer({ min: 2, max: 11 }), (members, k) => {
        const values = [...members, members.reduce((s, v) => s + v, 0)];
        const line = { total: members.length, members: members.map((_, i) => i) };
        const mask = suppressionMask(values, [line], k);
        expect(lineIsSafe(values, mask, line, k)).toBe(true);
      }),
    );
  });

  it('shares: hidden when the numerator or its complement is small, null on a zero denominator', () => {
    expect(suppressShare(0, 0, 11)).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(suppressShare(15, 20, 11).value).toEqual(SUPPRESSED);
    // 15 is not small: hidden only so that the 5 who did not cannot be found by difference.
    expect(suppressShare(15, 20, 11).numerator).toEqual(COMPLEMENT);
    expect(suppressShare(5, 40, 11).value).toEqual(SUPPRESSED);
    expect(suppressShare(20, 40, 11)).toEqual({ value: 0.5, numerator: 20, denominator: 40 });
    expect(suppressShare(0, 40, 11)).toEqual({ value: 0, numerator: 0, denominator: 40 });
    expect(suppressShare(40, 40, 11).value).toBe(1);
    fc.assert(
      fc.property(fc.nat(60), fc.nat(60), fc.integer({ min: 2, max: 15 }), (a, b, k) => {
        const s = suppressShare(a, a + b, k);
        if (typeof s.value === 'number') {
          expect(a === 0 || a >= k).toBe(true);
          expect(b === 0 || b >= k).toBe(true);
        }
        for (const cell of [s.numerator, s.denominator]) if (!isSuppressed(cell)) expect(cell === 0 || cell >= k).toBe(true);
      }),
    );
  });

  it('means and changes follow their counts', () => {
    expect(guardValue(3.5, 4, 11)).toEqual(SUPPRESSED);
    expect(guardValue(3.5, 12, 11)).toBe(3.5);
    expect(guardValue(null, 12, 11)).toBeNull();
    expect(change(0.5, 0.25)).toBe(0.25);
    expect(change(SUPPRESSED, 0.25)).toEqual(SUPPRESSED);
    expect(change(null, 0.25)).toBeNull();
  });
});
