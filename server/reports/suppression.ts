/**
 * Small-cell suppression (secret statistique), pure functions shared by every report, chart and export.
 *
 * Rules (k = the department's threshold, 11 by default):
 * 1. Primary: a count from 1 to k-1 is hidden. Zero is shown: it exposes nobody.
 * 2. A share, mean or ratio built on a hidden count, or on fewer than k units, is hidden.
 * 3. Complementary: in every line whose total is shown (a distribution and its total, a row or column of a
 *    cross table and its margin, a share's numerator and its complement), the hidden cells must be at least
 *    two, must weigh together at least k, and more than one per cell, so that "total minus what is shown"
 *    pins no hidden cell down. Otherwise the smallest shown non-zero cell is hidden as well, and when no cell
 *    is left to hide, the total itself is hidden. Repeated until nothing changes (a hidden margin can break
 *    another line).
 * 4. A hidden cell is `{ suppressed: true }` in JSON; one hidden only in complement (its count is k or more)
 *    also carries `complement: true` and reads "masqué" rather than "< k": writing "< 11" over a cell of 57
 *    would mislead the evaluator. "masqué" states no size: the department-year ledger (protection/ledger.ts)
 *    also writes it over a small cell whose "< k" would close an interval (four cells "< 5" in a total "< 5").
 */

export interface Suppressed {
  suppressed: true;
  /** Hidden only so that a small neighbour cannot be recovered by difference; the count itself is not small. */
  complement?: true;
}
/** A count as it leaves the server: the number, or the mark that it is hidden. */
export type CountCell = number | Suppressed;
/** A computed figure (share, mean, ratio): null when nothing was measured. */
export type ValueCell = number | Suppressed | null;

export const SUPPRESSED: Suppressed = Object.freeze({ suppressed: true as const });
export const COMPLEMENT: Suppressed = Object.freeze({ suppressed: true as const, complement: true as const });
export const DEFAULT_THRESHOLD = 11;

export function isSuppressed(cell: unknown): cell is Suppressed {
  return typeof cell === 'object' && cell !== null && (cell as Suppressed).suppressed === true;
}

/** Rule 1 alone (for a count that is part of no line). */
export function isSmall(count: number, k: number): boolean {
  return count >= 1 && count < k;
}

export function suppressCount(count: number, k: number): CountCell {
  return isSmall(count, k) ? SUPPRESSED : count;
}

/** Rule 2: a value computed on `n` units is shown only when `n` itself may be shown and is at least k. */
export function guardValue(value: number | null, n: CountCell, k: number): ValueCell {
  if (value === null) return null;
  if (isSuppressed(n) || n < k) return SUPPRESSED;
  return value;
}

/** How a hidden count is written in tables, CSV and exports. */
export function hiddenLabel(k: number, cell?: Suppressed): string {
  return cell?.complement ? 'masqué' : `< ${k}`;
}

export function formatCount(cell: CountCell, k: number): string {
  return isSuppressed(cell) ? hiddenLabel(k, cell) : cell.toLocaleString('fr-FR');
}

// ---------------------------------------------------------------------------------------------------------
// Generic engine: cells + lines (total = sum of members). Used for 1-D distributions, cross tables, shares.

export interface Line {
  total: number;
  members: number[];
}

/**
 * Whether the hidden members of a line whose total is shown leave every hidden cell undetermined. The reader
 * knows the hidden sum (total minus what is shown) and, from the labels, that a "< k" cell holds 1..k-1 and a
 * "masqué" cell k or more: each hidden cell must still have at least two possible values.
 */
export function lineIsSafe(values: readonly number[], hidden: readonly boolean[], line: Line, k: number): boolean {
  if (hidden[line.total]) return true;
  const hiddenMembers = line.members.filter((i) => hidden[i]);
  if (hiddenMembers.length === 0) return true;
  const mass = hiddenMembers.reduce((s, i) => s + values[i]!, 0);
  if (!(hiddenMembers.length >= 2 && mass >= k && mass > hiddenMembers.length)) return false;
  const lo = hiddenMembers.map((i) => (isSmall(values[i]!, k) ? 1 : k));
  const hi = hiddenMembers.map((i) => (isSmall(values[i]!, k) ? k - 1 : Number.POSITIVE_INFINITY));
  // Sums over the other cells, without subtracting infinities.
  const others = (bounds: number[], j: number) => bounds.reduce((s, v, i) => (i === j ? s : s + v), 0);
  return hiddenMembers.every((_, j) => {
    const min = Math.max(lo[j]!, mass - others(hi, j));
    const max = Math.min(hi[j]!, mass - others(lo, j));
    return max - min >= 1;
  });
}

/**
 * Returns which cells to hide. `values[i]` are non-negative integers; `lines` say which cells add up to which
 * total. Members never hidden in complement: zeros (hiding a zero protects nothing and misleads).
 */
export function suppressionMask(values: readonly number[], lines: readonly Line[], k: number, alsoHidden?: readonly boolean[]): boolean[] {
  const hidden = values.map((v, i) => isSmall(v, k) || alsoHidden?.[i] === true);
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      while (!lineIsSafe(values, hidden, line, k)) {
        const candidates = line.members.filter((i) => !hidden[i] && values[i]! > 0).sort((a, b) => values[a]! - values[b]! || a - b);
        const pick = candidates[0];
        if (pick === undefined) hidden[line.total] = true;
        else hidden[pick] = true;
        changed = true;
      }
    }
  }
  return hidden;
}

/** The mark for a hidden count: "< k" when it is small, "masqué" when it was hidden only in complement. */
export const hiddenCell = (value: number, k: number): Suppressed => (isSmall(value, k) ? SUPPRESSED : COMPLEMENT);

const apply = (values: readonly number[], mask: readonly boolean[], k: number): CountCell[] => values.map((v, i) => (mask[i] ? hiddenCell(v, k) : v));

// ---------------------------------------------------------------------------------------------------------
// Shapes the reports use.

export interface DistributionItem {
  key: string;
  label: string;
  count: CountCell;
  /** Share of the total; hidden with its count or when the total is hidden. */
  share: ValueCell;
}
export interface Distribution {
  items: DistributionItem[];
  total: CountCell;
}

/** A breakdown and its total (e.g. young people by sex), suppressed together. */
export function suppressDistribution(entries: readonly { key: string; label: string; count: number }[], k: number): Distribution {
  const counts = entries.map((e) => e.count);
  const total = counts.reduce((s, v) => s + v, 0);
  const values = [...counts, total];
  const mask = suppressionMask(values, [{ total: counts.length, members: counts.map((_, i) => i) }], k);
  const cells = apply(values, mask, k);
  const totalCell = cells[counts.length]!;
  return {
    items: entries.map((e, i) => {
      const count = cells[i]!;
      const share = isSuppressed(count) || isSuppressed(totalCell) || total === 0 ? (total === 0 ? null : SUPPRESSED) : e.count / total;
      return { key: e.key, label: e.label, count, share };
    }),
    total: totalCell,
  };
}

export interface CrossTable {
  rows: { key: string; label: string }[];
  columns: { key: string; label: string }[];
  /** cells[r][c] */
  cells: CountCell[][];
  rowTotals: CountCell[];
  columnTotals: CountCell[];
  total: CountCell;
}

/** A two-way table with both margins, suppressed so that neither rows nor columns give a hidden cell away. */
export function suppressCrossTable(
  rows: { key: string; label: string }[],
  columns: { key: string; label: string }[],
  counts: readonly (readonly number[])[],
  k: number,
): CrossTable {
  const R = rows.length;
  const C = columns.length;
  const at = (r: number, c: number) => r * C + c;
  const rowTotal = (r: number) => R * C + r;
  const colTotal = (c: number) => R * C + R + c;
  const grand = R * C + R + C;
  const values: number[] = new Array(grand + 1).fill(0);
  for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) values[at(r, c)] = counts[r]?.[c] ?? 0;
  for (let r = 0; r < R; r++) values[rowTotal(r)] = Array.from({ length: C }, (_, c) => values[at(r, c)]!).reduce((s, v) => s + v, 0);
  for (let c = 0; c < C; c++) values[colTotal(c)] = Array.from({ length: R }, (_, r) => values[at(r, c)]!).reduce((s, v) => s + v, 0);
  values[grand] = Array.from({ length: R }, (_, r) => values[rowTotal(r)]!).reduce((s, v) => s + v, 0);
  const lines: Line[] = [
    ...Array.from({ length: R }, (_, r) => ({ total: rowTotal(r), members: Array.from({ length: C }, (_, c) => at(r, c)) })),
    ...Array.from({ length: C }, (_, c) => ({ total: colTotal(c), members: Array.from({ length: R }, (_, r) => at(r, c)) })),
    { total: grand, members: Array.from({ length: R }, (_, r) => rowTotal(r)) },
    { total: grand, members: Array.from({ length: C }, (_, c) => colTotal(c)) },
  ];
  const cells = apply(values, suppressionMask(values, lines, k), k);
  return {
    rows,
    columns,
    cells: Array.from({ length: R }, (_, r) => Array.from({ length: C }, (_, c) => cells[at(r, c)]!)),
    rowTotals: Array.from({ length: R }, (_, r) => cells[rowTotal(r)]!),
    columnTotals: Array.from({ length: C }, (_, c) => cells[colTotal(c)]!),
    total: cells[grand]!,
  };
}

export interface ShareCell {
  /** numerator / denominator, hidden when the numerator or its complement could expose a small group. */
  value: ValueCell;
  numerator: CountCell;
  denominator: CountCell;
}

/**
 * A share is a line of two cells (those who did, those who did not) and its total: 15 out of 20 would tell
 * that 5 did not, so it is hidden like its complement.
 */
export function suppressShare(numerator: number, denominator: number, k: number): ShareCell {
  if (denominator === 0) return { value: null, numerator: 0, denominator: 0 };
  const values = [numerator, denominator - numerator, denominator];
  const mask = suppressionMask(values, [{ total: 2, members: [0, 1] }], k);
  const cells = apply(values, mask, k);
  const hidden = mask[0] || mask[1] || mask[2];
  return { value: hidden ? SUPPRESSED : numerator / denominator, numerator: cells[0]!, denominator: cells[2]! };
}

/** Difference between two figures; hidden when either side is. */
export function change(current: ValueCell, previous: ValueCell): ValueCell {
  if (current === null || previous === null) return null;
  if (isSuppressed(current) || isSuppressed(previous)) return SUPPRESSED;
  return current - previous;
}
