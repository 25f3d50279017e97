/**
 * The suppression ledger of one department-year: every count any screen, filter or export may publish is a
 * cell identified by the units it counts (not by the table that shows it), so that the same population is one
 * cell with one verdict wherever it appears. Lines (total = sum of disjoint members) come from every table
 * built on the cells; the whole ledger is suppressed in one pass, then audited by exact linear algebra.
 *
 * Pure: no I/O. See server/reports/suppression.ts for the rules of a line.
 */
import { COMPLEMENT, hiddenCell, isSmall, lineIsSafe, type CountCell, type Line } from '../suppression.ts';

// Population identity: a count and two independent 32-bit sums of hashed unit ids (collisions are negligible
// for the few thousand cells of a department-year, and cost nothing like sorting id lists would).
function mix(x: number, seed: number): number {
  let h = Math.imul(x ^ seed, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
function salt(universe: string): number {
  let h = 2166136261;
  for (let i = 0; i < universe.length; i++) h = Math.imul(h ^ universe.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function populationKey(universe: string, ids: Iterable<number>): { key: string; count: number } {
  const s = salt(universe);
  let a = 0;
  let b = 0;
  let count = 0;
  for (const id of ids) {
    a = (a + mix(id, s)) >>> 0;
    b = (b + mix(id, s ^ 0x5bd1e995)) >>> 0;
    count++;
  }
  // Every empty population is the same (zero) cell, whatever its universe.
  return { key: count === 0 ? 'empty' : `${universe}:${count}:${a}:${b}`, count };
}

const P = 1_000_003; // prime; products stay below 2^53
const mod = (x: number) => ((x % P) + P) % P;
function inverse(a: number): number {
  let [t, newT, r, newR] = [0, 1, P, mod(a)];
  while (newR !== 0) {
    const q = Math.floor(r / newR);
    [t, newT] = [newT, t - q * newT];
    [r, newR] = [newR, r - q * newR];
  }
  return mod(t);
}

/** Smallest-first queue of column numbers (each pushed once while pending). */
class MinHeap {
  private readonly items: number[] = [];
  private readonly pending = new Set<number>();
  constructor(items: number[]) {
    for (const x of items) this.push(x);
  }
  push(x: number): void {
    if (this.pending.has(x)) return;
    this.pending.add(x);
    const a = this.items;
    a.push(x);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (a[parent]! <= a[i]!) break;
      [a[parent], a[i]] = [a[i]!, a[parent]!];
      i = parent;
    }
  }
  pop(): number | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]! < a[m]!) m = l;
        if (r < a.length && a[r]! < a[m]!) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    this.pending.delete(top);
    return top;
  }
}

/**
 * A row space modulo a prime, with sparse rows (published counts and lines touch few cells each): a vector is in
 * the span when it reduces to nothing. Rows are kept in echelon form, pivot = smallest column. With `track`, each
 * row of the echelon form remembers which input rows it combines, so that a vector of the span can be written as a
 * combination of the inputs (which lines a reader adds up).
 */
export class SparseSpan {
  private readonly basis = new Map<number, Map<number, number>>();
  private readonly combos = new Map<number, Map<number, number>>();
  constructor(private readonly track = false) {}

  private reduce(input: ReadonlyMap<number, number>, combo?: Map<number, number>): Map<number, number> {
    const row = new Map(input);
    // Columns still to look at, smallest first (a basis row only adds columns after its pivot).
    const heap = new MinHeap([...row.keys()].filter((c) => this.basis.has(c)));
    for (let c = heap.pop(); c !== undefined; c = heap.pop()) {
      const f = row.get(c);
      if (!f) continue;
      for (const [j, v] of this.basis.get(c)!) {
        const had = row.has(j);
        const x = mod((row.get(j) ?? 0) - f * v);
        if (x === 0) row.delete(j);
        else {
          row.set(j, x);
          if (!had && j !== c && this.basis.has(j)) heap.push(j);
        }
      }
      if (combo) addScaled(combo, this.combos.get(c)!, -f);
    }
    for (const [c, v] of row) if (v === 0) row.delete(c);
    return row;
  }

  /** `id`: the input row's name in the combinations (with `track`). */
  add(input: ReadonlyMap<number, number>, id = -1): void {
    const combo = this.track ? new Map([[id, 1]]) : undefined;
    const row = this.reduce(input, combo);
    if (row.size === 0) return;
    const pivot = Math.min(...row.keys());
    const inv = inverse(row.get(pivot)!);
    for (const [c, v] of row) row.set(c, (v * inv) % P);
    this.basis.set(pivot, row);
    if (combo) {
      for (const [r, v] of combo) combo.set(r, (v * inv) % P);
      this.combos.set(pivot, combo);
    }
  }

  /** The input rows (their ids, with `track`) a vector of the span is combined from; null when it is not in the span. */
  combination(input: ReadonlyMap<number, number>): number[] | null {
    const combo = this.track ? new Map<number, number>() : undefined;
    return this.reduce(input, combo).size === 0 ? [...(combo?.keys() ?? [])] : null;
  }

  /**
   * The columns among `columns` that every solution of the homogeneous system (each row · x = 0) leaves at zero:
   * exactly the columns whose unit vector lies in the span. Found by back-substitution of two solutions drawn at
   * random (free columns random, pivots solved from the last back): a column the rows do not fix is nonzero in a
   * random solution except with probability 1/P, and then it is only reported fixed (one more cell hidden). Far
   * cheaper than reducing the rows fully. Deterministic: the draws come from a seeded hash of the column.
   */
  fixedColumns(columns: Iterable<number>): number[] {
    const pivots = [...this.basis.keys()].sort((a, b) => b - a);
    const draw = (seed: number) => {
      const x = new Map<number, number>();
      const value = (c: number) => {
        let v = x.get(c);
        if (v === undefined) x.set(c, (v = 1 + (mix(c, seed) % (P - 1))));
        return v;
      };
      for (const p of pivots) {
        let sum = 0;
        for (const [j, v] of this.basis.get(p)!) if (j !== p) sum = (sum + v * value(j)) % P;
        x.set(p, mod(-sum));
      }
      return x;
    };
    const first = draw(0x2545f491);
    const second = draw(0x9e3779b9);
    return [...columns].filter((c) => first.get(c) === 0 && second.get(c) === 0);
  }
}

function addScaled(into: Map<number, number>, from: ReadonlyMap<number, number>, f: number): void {
  for (const [r, w] of from) {
    const x = mod((into.get(r) ?? 0) + f * w);
    if (x === 0) into.delete(r);
    else into.set(r, x);
  }
}

/** The lines as rows over the hidden cells (total − Σ members), each with the index of its line. */
function hiddenRows(lines: readonly Line[], hidden: readonly boolean[]): { line: number; row: Map<number, number> }[] {
  const out: { line: number; row: Map<number, number> }[] = [];
  lines.forEach((line, i) => {
    const row = new Map<number, number>();
    for (const m of line.members) if (hidden[m]) row.set(m, mod((row.get(m) ?? 0) + 1));
    if (hidden[line.total]) row.set(line.total, mod((row.get(line.total) ?? 0) - 1));
    for (const [c, v] of row) if (v === 0) row.delete(c);
    if (row.size > 0) out.push({ line: i, row });
  });
  return out;
}

/**
 * The echelon form of some rows, with the columns renumbered by how many rows hold them (fewest first) and the
 * shortest rows first: pivoting on sparse columns keeps the form sparse (on a department of 10,000 mentorships,
 * a fifth of the entries and a sixth of the time of the cells' own order).
 */
function echelon(rows: readonly { line: number; row: ReadonlyMap<number, number> }[], track = false) {
  const degree = new Map<number, number>();
  for (const { row } of rows) for (const c of row.keys()) degree.set(c, (degree.get(c) ?? 0) + 1);
  const byRank = [...degree.keys()].sort((x, y) => degree.get(x)! - degree.get(y)! || x - y);
  const rank = new Map(byRank.map((c, i) => [c, i]));
  const ranked = rows.map(({ line, row }) => {
    const renumbered = new Map([...row].map(([c, v]) => [rank.get(c)!, v]));
    return { line, row: renumbered, first: Math.min(...renumbered.keys()) };
  });
  ranked.sort((a, b) => a.row.size - b.row.size || a.first - b.first);
  const span = new SparseSpan(track);
  for (const { line, row } of ranked) span.add(row, line);
  return { span, byRank, rank };
}

/**
 * Hidden cells whose value follows exactly from the shown cells through the lines (each line:
 * total − Σ members = 0, shown cells known): a hidden cell is determined when its unit vector lies in the row space
 * of the lines restricted to the hidden cells. Worked modulo a prime: a determination over the rationals is always
 * found, and a rare spurious one only hides one cell more.
 */
export function determinedCells(cellCount: number, lines: readonly Line[], hidden: readonly boolean[], memo?: Map<string, number[]>): number[] {
  // The row space splits into the connected parts of the hidden cells (two hidden cells are linked by a line through
  // both): each part is solved alone, and a part whose cells did not change since the last call keeps its answer
  // (its rows are the same: a changed row means a newly hidden cell in the part).
  const parent = new Int32Array(cellCount).map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  const rows = hiddenRows(lines, hidden);
  for (const { row } of rows) {
    const [first, ...rest] = row.keys();
    for (const c of rest) parent[find(c)] = find(first!);
  }
  const parts = new Map<number, { cells: Set<number>; rows: typeof rows }>();
  for (const r of rows) {
    const root = find(r.row.keys().next().value!);
    let part = parts.get(root);
    if (!part) parts.set(root, (part = { cells: new Set(), rows: [] }));
    part.rows.push(r);
    for (const c of r.row.keys()) part.cells.add(c);
  }
  const out: number[] = [];
  for (const part of parts.values()) {
    const key = [...part.cells].sort((x, y) => x - y).join(',');
    let determined = memo?.get(key);
    if (!determined) {
      const { span, byRank } = echelon(part.rows);
      determined = span.fixedColumns(byRank.keys()).map((i) => byRank[i]!);
      memo?.set(key, determined);
    }
    out.push(...determined);
  }
  return out;
}

/**
 * For determined hidden cells, the lines a reader adds up (with some coefficients) to compute each: one of their
 * shown cells must be hidden too. A cell that is not determined gets no lines.
 */
export function linesDetermining(lines: readonly Line[], hidden: readonly boolean[], cells: readonly number[]): Map<number, number[]> {
  // Only the rows connected to the cells can take part (see determinedCells): one echelon form for all of them.
  const rows = hiddenRows(lines, hidden);
  const holding = new Map<number, number[]>();
  rows.forEach((r, i) => {
    for (const c of r.row.keys()) holding.set(c, [...(holding.get(c) ?? []), i]);
  });
  const reached = new Set(cells);
  const used = new Set<number>();
  for (const queue = [...cells]; queue.length > 0; ) {
    for (const i of holding.get(queue.pop()!) ?? []) {
      if (used.has(i)) continue;
      used.add(i);
      for (const c of rows[i]!.row.keys()) if (!reached.has(c)) reached.add(c), queue.push(c);
    }
  }
  const { span, rank } = echelon([...used].map((i) => rows[i]!), true);
  return new Map(cells.map((cell) => {
    const at = rank.get(cell);
    return [cell, at === undefined ? [] : (span.combination(new Map([[at, 1]])) ?? [])];
  }));
}

/**
 * Above this many units in the largest cell the finest-cell audit is skipped (its cost grows with the square of
 * the units): large populations are left to the lines and their exact audit.
 */
export const FINEST_AUDIT_MAX_UNITS = 200;

/** The finest cells of a registry: units grouped by the set of cells they belong to; for each cell, its atoms. */
export function atomsOf(members: readonly { universe: string; ids: readonly number[] }[]): { count: number; atomsOfCell: number[][] } {
  const cellsOf = new Map<string, number[]>();
  members.forEach((m, c) => {
    for (const u of m.ids) {
      const key = `${m.universe}:${u}`;
      const list = cellsOf.get(key);
      if (list) list.push(c);
      else cellsOf.set(key, [c]);
    }
  });
  const atomOfSignature = new Map<string, number>();
  const atomsOfCell: number[][] = members.map(() => []);
  for (const cells of cellsOf.values()) {
    const sig = cells.join(',');
    if (atomOfSignature.has(sig)) continue;
    const atom = atomOfSignature.size;
    atomOfSignature.set(sig, atom);
    for (const c of cells) atomsOfCell[c]!.push(atom);
  }
  return { count: atomOfSignature.size, atomsOfCell };
}

/**
 * Small hidden cells (1..k-1) whose unit sets lie in the span of the shown cells' unit sets: every published count
 * as a 0/1 vector over the finest cells (units grouped by the cells they belong to), elimination modulo a prime.
 */
export function finestDetermined(members: readonly { universe: string; ids: readonly number[] }[] | ReturnType<typeof atomsOf>, hidden: readonly boolean[], values: readonly number[], k: number): number[] {
  const { count, atomsOfCell } = Array.isArray(members) ? atomsOf(members) : (members as ReturnType<typeof atomsOf>);
  // Few atoms (a small registry): a dense row echelon form in typed arrays is far cheaper than sparse maps here.
  const span = new DenseSpan(count);
  const seen = new Set<string>();
  atomsOfCell.forEach((_, c) => {
    if (hidden[c] || values[c] === 0) return;
    const key = [...atomsOfCell[c]!].sort((x, y) => x - y).join(',');
    if (seen.has(key)) return;
    seen.add(key);
    span.add(atomsOfCell[c]!);
  });
  const out: number[] = [];
  atomsOfCell.forEach((_, c) => {
    if (hidden[c] && values[c]! >= 1 && values[c]! < k && span.contains(atomsOfCell[c]!)) out.push(c);
  });
  return out;
}

/** A row space modulo P over few columns, each row given as the set of its columns holding 1. */
class DenseSpan {
  private readonly basis: (Float64Array | undefined)[];
  constructor(private readonly columns: number) {
    this.basis = new Array(columns);
  }
  private reduce(ones: Iterable<number>): Float64Array {
    const row = new Float64Array(this.columns);
    for (const c of ones) row[c] = 1;
    for (let c = 0; c < this.columns; c++) {
      const f = row[c]!;
      if (f === 0) continue;
      const b = this.basis[c];
      if (!b) continue;
      for (let j = c; j < this.columns; j++) if (b[j] !== 0) row[j] = mod(row[j]! - f * b[j]!);
    }
    return row;
  }
  add(ones: Iterable<number>): void {
    const row = this.reduce(ones);
    const pivot = row.findIndex((x) => x !== 0);
    if (pivot < 0) return;
    const inv = inverse(row[pivot]!);
    for (let j = pivot; j < this.columns; j++) if (row[j] !== 0) row[j] = (row[j]! * inv) % P;
    this.basis[pivot] = row;
  }
  contains(ones: Iterable<number>): boolean {
    return this.reduce(ones).every((x) => x === 0);
  }
}

/**
 * What a reader knows of a cell from its label: its value when shown, 1..k-1 for « < k », and for « masqué » only
 * that it is not zero (zeros are shown): « masqué » states no size, so that a small cell can read « masqué » too
 * when its « < k » would close an interval (see Ledger.seal).
 */
function labelBounds(value: number, hidden: boolean, k: number, masked = false): [number, number] {
  if (!hidden) return [value, value];
  return value < k && !masked ? [1, k - 1] : [1, Number.POSITIVE_INFINITY];
}

/** The small hidden cells whose interval closes on one value (the bounds a reader can narrow down to). */
function pinned(cells: readonly number[], lo: readonly number[], hi: readonly number[], values: readonly number[], hidden: readonly boolean[], k: number): number[] {
  return cells.filter((c) => hidden[c] && values[c]! >= 1 && values[c]! < k && lo[c]! >= hi[c]!);
}

const MAX_BOUND_ROUNDS = 200;

/**
 * Interval reasoning across lines: every cell starts from its label's bounds, and each line (total = Σ members)
 * narrows its cells — a member lies between the total's lowest value minus the others' highest and the total's
 * highest minus the others' lowest; the total between the sums. Repeated until nothing moves. Returns the small
 * hidden cells pinned to one value: the line rule looks at one line at a time, a reader at all of them. `known`:
 * hidden cells a reader computes exactly (the exact audit's), taken at their value.
 */
export function boundsPinnedByLines(values: readonly number[], lines: readonly Line[], hidden: readonly boolean[], k: number, masked: readonly boolean[] = [], known: ReadonlySet<number> = new Set()): number[] {
  const lo: number[] = [];
  const hi: number[] = [];
  values.forEach((v, c) => ([lo[c], hi[c]] = known.has(c) ? [v, v] : labelBounds(v, hidden[c]!, k, masked[c])));
  const involved = lines.filter((l) => hidden[l.total] || l.members.some((m) => hidden[m]));
  for (let round = 0, changed = true; changed && round < MAX_BOUND_ROUNDS; round++) {
    changed = false;
    for (const { total, members } of involved) {
      let sumLo = 0;
      let sumHi = 0;
      for (const m of members) (sumLo += lo[m]!), (sumHi += hi[m]!);
      if (sumLo > lo[total]!) (lo[total] = sumLo), (changed = true);
      if (sumHi < hi[total]!) (hi[total] = sumHi), (changed = true);
      for (const m of members) {
        if (!hidden[m]) continue;
        const newLo = lo[total]! - (sumHi - hi[m]!);
        const newHi = hi[total]! - (sumLo - lo[m]!);
        if (Number.isFinite(newLo) && newLo > lo[m]!) (lo[m] = newLo), (changed = true);
        if (newHi < hi[m]!) (hi[m] = newHi), (changed = true);
      }
    }
  }
  return pinned([...new Set(involved.flatMap((l) => [l.total, ...l.members]))], lo, hi, values, hidden, k);
}

export class Ledger {
  private readonly values: number[] = [];
  private readonly keys = new Map<string, number>();
  private readonly lineKeys = new Set<string>();
  private readonly lines: Line[] = [];
  private mask: boolean[] | null = null;
  /** Small hidden cells that read « masqué » rather than « < k » (their upper bound would give them away). */
  private masked: boolean[] = [];
  /** Why each cell was hidden in complement (for tests and debugging). */
  readonly why = new Map<number, string>();

  /** With `trace`, each cell keeps its units and every read is logged: the property test's attacker uses both. */
  readonly units: string[][] = [];
  readonly reads = new Set<number>();
  private readonly members: { universe: string; ids: readonly number[] }[] = [];

  constructor(
    readonly k: number,
    private readonly trace = false,
  ) {}

  /** Whether the finest-cell audit runs: small registries, where coincidences between tables are likely. */
  private get finestAudit(): boolean {
    let units = 0;
    for (const m of this.members) units = Math.max(units, m.ids.length);
    return units > 0 && units <= FINEST_AUDIT_MAX_UNITS;
  }

  /**
   * Cells no report shows (the lines that tie two years or two periods): hidden first when a line needs one more
   * hidden cell, since hiding them costs the reader nothing. A cell any report shows is published, whoever else
   * declares the same units; a department's headline count (young people followed, endings…) is hidden last.
   */
  private readonly priority: number[] = [];

  /** The cell of a population (created on first sight; the same units always give the same cell). */
  cell(universe: string, ids: Iterable<number>, role: 'auxiliary' | 'published' | 'headline' = 'published'): number {
    if (this.mask) throw new Error('ledger already sealed');
    const list = Array.isArray(ids) ? (ids as number[]) : [...ids];
    const { key, count } = populationKey(universe, list);
    let id = this.keys.get(key);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(count);
      this.keys.set(key, id);
      this.members.push({ universe, ids: list });
      if (this.trace) this.units[id] = list.map((u) => `${universe}:${u}`);
    }
    this.priority[id] = Math.max(this.priority[id] ?? 0, role === 'auxiliary' ? 0 : role === 'published' ? 1 : 2);
    return id;
  }

  /** A published table says total = sum of members (disjoint populations). */
  line(total: number, members: readonly number[]): void {
    const distinct = [...new Set(members)].filter((m) => m !== total && this.values[m]! > 0);
    if (distinct.length === 0) return;
    const key = `${total}|${distinct.sort((a, b) => a - b).join(',')}`;
    if (this.lineKeys.has(key)) return;
    this.lineKeys.add(key);
    this.lines.push({ total, members: distinct });
  }

  /**
   * One pass: primary and complementary suppression over every line (the shared engine), then the exact audit;
   * while a hidden cell is determined, the smallest shown cell of a line through it is hidden too.
   */
  seal(): void {
    if (this.mask) return;
    const { values, lines, k } = this;
    // Hiding a cell that is the total of other lines forces one more hidden cell in each of those lines that has
    // none yet: a cell is cheaper the fewer such lines it would break, then the fewer breakdowns rest on it (a
    // population's headline count last), then the smaller it is.
    const totalOf = new Map<number, Line[]>();
    // The lines through a cell (as total or member), for the audits' choice of a neighbour to hide.
    const through = new Map<number, Line[]>();
    const addTo = (map: Map<number, Line[]>, c: number, l: Line) => {
      const list = map.get(c);
      if (list) list.push(l);
      else map.set(c, [l]);
    };
    for (const l of lines) {
      addTo(totalOf, l.total, l);
      for (const c of new Set([l.total, ...l.members])) addTo(through, c, l);
    }
    const linesThrough = (c: number) => through.get(c) ?? [];
    const breaks = (c: number) => (totalOf.get(c) ?? []).filter((l) => l.members.every((i) => !hidden[i])).length;
    const weight = (c: number) => totalOf.get(c)?.length ?? 0;
    const cost = (a: number, b: number) => breaks(a) - breaks(b) || weight(a) - weight(b) || values[a]! - values[b]! || a - b;
    const shown = (c: number) => this.priority[c] ?? 1;
    const cheapest = (candidates: readonly number[]) => {
      const keyed = candidates.map((c) => [shown(c), breaks(c), weight(c), values[c]!, c] as const);
      keyed.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3] || a[4] - b[4]);
      return keyed[0]?.[4];
    };
    const hidden = values.map((v) => isSmall(v, k));
    const masked = this.masked;
    // The line's total is a candidate too (ranked after a member of the same cost): for "all = running +
    // waiting" with few waiting, hiding "all" costs less than hiding "running" and every breakdown of it.
    const hideOneIn = (line: Line, except?: number, why = 'line'): number | undefined => {
      const candidates = [...line.members, line.total].filter((i) => !hidden[i] && values[i]! > 0 && i !== except);
      const keyed = candidates.map((c) => [shown(c), breaks(c), weight(c), Number(c === line.total), values[c]!, c] as const);
      keyed.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3] || a[4] - b[4] || a[5] - b[5]);
      const pick = keyed[0]?.[5];
      if (pick === undefined) return undefined;
      this.why.set(pick, `${why} ${pick === line.total ? 'total' : 'member'} of ${line.total}=${line.members.join('+')}`);
      hidden[pick] = true;
      return pick;
    };
    // The cells of some lines that are shown and not zero: those an audit may hide.
    const cellsOf = (ls: readonly Line[]) => [...new Set(ls.flatMap((l) => [l.total, ...l.members]))].filter((i) => !hidden[i] && values[i]! > 0);
    let rounds = 0;
    // Parts of the exact audit already solved, by their hidden cells (see determinedCells).
    const solved = new Map<string, number[]>();
    // The finest cells depend only on the units: computed once, on the first finest audit.
    let atoms: ReturnType<typeof atomsOf> | undefined;
    // Hidden cells a reader computes exactly (of k or more: see the exact audit).
    let known: ReadonlySet<number> = new Set();
    let lastChecked: boolean[] = [];
    for (let round = 0; round < 10_000; round++) {
      rounds++;
      let changed = false;
      // Line rule (see suppression.ts), plus: a hidden total whose members are all shown is their sum. Every line
      // at first, then only those through a cell hidden since (a worklist: a line is checked again when one of its
      // cells is hidden).
      const queue = new Set(round === 0 ? lines : hidden.flatMap((h, c) => (h && !lastChecked[c] ? linesThrough(c) : [])));
      for (const line of queue) {
        queue.delete(line);
        for (;;) {
          const totalAlone = hidden[line.total] && line.members.every((i) => !hidden[i]);
          if (!totalAlone && lineIsSafe(values, hidden, line, k)) break;
          const pick = hideOneIn(line);
          if (pick === undefined) break;
          for (const l of linesThrough(pick)) if (l !== line) queue.add(l);
          changed = true;
        }
      }
      lastChecked = hidden.slice();
      if (changed) continue;
      // Exact audit across lines. A small hidden cell still determined gets one more hidden neighbour: the cheapest
      // shown cell of a line through it or, when those lines hold no shown cell (it is pinned down through a chain
      // of lines), of the lines a reader adds up to compute it. A determined cell of k or more gives no small count
      // away by itself: it is left as it is, and the bounds audit below takes it as known.
      const determined = determinedCells(values.length, lines, hidden, solved);
      known = new Set(determined);
      const small = determined.filter((h) => isSmall(values[h]!, k));
      const chained = small.filter((h) => cellsOf(linesThrough(h)).length === 0);
      const combined = chained.length > 0 ? linesDetermining(lines, hidden, chained) : new Map<number, number[]>();
      for (const h of small) {
        const pick = cheapest(combined.has(h) ? cellsOf(combined.get(h)!.map((i) => lines[i]!)) : cellsOf(linesThrough(h)));
        if (pick === undefined) continue;
        this.why.set(pick, `audit(${h})`);
        hidden[pick] = true;
        changed = true;
      }
      if (!changed) {
        // Bounds across lines. A pinned cell first reads « masqué » instead of « < k » (it then states no upper
        // bound: four cells « < 5 » in a total « < 5 » no longer say they are 1 each); when it is still pinned (a
        // shown total caps it), the cheapest shown cell of a line through it is hidden, or else a small total over
        // it reads « masqué » too.
        for (const h of boundsPinnedByLines(values, lines, hidden, k, masked, known)) {
          if (!masked[h]) {
            this.why.set(h, `relabel`);
            masked[h] = true;
            changed = true;
            continue;
          }
          const around = linesThrough(h);
          const pick = cheapest(cellsOf(around));
          if (pick !== undefined) {
            this.why.set(pick, `bounds(${h})`);
            hidden[pick] = true;
          } else {
            const relabel = around.map((l) => l.total).find((i) => hidden[i] && isSmall(values[i]!, k) && !masked[i]);
            if (relabel === undefined) continue;
            this.why.set(relabel, `relabel(${h})`);
            masked[relabel] = true;
          }
          changed = true;
        }
      }
      if (!changed && this.finestAudit) {
        // Lines do not say everything: in a small registry, "Collège = already followed last year + the one who
        // left" is a relation between three tables that only the units show. Checked on the finest cells.
        atoms ??= atomsOf(this.members);
        for (const h of finestDetermined(atoms, hidden, values, k)) {
          const atomsOfH = new Set(atoms.atomsOfCell[h]);
          const inLine = new Set(linesThrough(h).flatMap((l) => [l.total, ...l.members]));
          const candidates = values
            .map((_, i) => i)
            .filter((i) => !hidden[i] && values[i]! > 0 && (inLine.has(i) || atoms!.atomsOfCell[i]!.some((a) => atomsOfH.has(a))));
          const pick = candidates.sort((a, b) => Number(!inLine.has(a)) - Number(!inLine.has(b)) || cost(a, b))[0];
          if (pick === undefined) continue;
          this.why.set(pick, `finest(${h})`);
          hidden[pick] = true;
          changed = true;
        }
      }
      if (!changed) break;
    }
    this.mask = hidden;
    // Kept ledgers (see query.ts) need only the verdicts: the unit lists go.
    this.members.length = 0;
  }

  value(id: number): CountCell {
    if (!this.mask) throw new Error('ledger not sealed');
    if (this.trace) this.reads.add(id);
    const v = this.values[id]!;
    return this.mask[id] ? (this.masked[id] ? COMPLEMENT : hiddenCell(v, this.k)) : v;
  }

  raw(id: number): number {
    return this.values[id]!;
  }

  isHidden(id: number): boolean {
    return this.mask?.[id] === true;
  }

  get allLines(): readonly Line[] {
    return this.lines;
  }

  get size(): number {
    return this.values.length;
  }
}
