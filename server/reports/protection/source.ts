/**
 * One protected source per department-year. Populations (young people followed, mentorships of the year,
 * mentorships ended, questionnaire links…) are declared once, department-wide, with every dimension a report
 * breaks them down by; for each dimension the source holds the association × category table with all its
 * margins (per association, per category, department total). The ledger suppresses all of them together, so:
 * - a hidden cell stays hidden in every table, aggregate and association filter built from the source;
 * - the verdict on a population does not depend on which screen, export or filter asks for it;
 * - "department minus the other associations", "total minus the other categories" and the tables sharing a
 *   total are lines of the same pass.
 * Pure: facts in, verdicts out.
 */
import { SUPPRESSED, isSuppressed, type CountCell, type CrossTable, type Distribution, type ShareCell } from '../suppression.ts';
import { NOT_FILLED } from '../measures.ts';
import { Ledger } from './ledger.ts';

export interface Unit {
  id: number;
  associationId: number;
}
export interface Category {
  key: string;
  label: string;
}
export interface Dimension<T> {
  keyOf: (unit: T) => string | null;
  categories: readonly Category[];
  /** Shown by no report: a relation a reader can write (see Ledger.cell). */
  auxiliary?: boolean;
}

interface PopulationCells {
  universe: string;
  total: Map<number | null, number>;
  dims: Map<string, { categories: Category[]; cells: Map<number | null, number[]>; keyOf: (u: Unit) => string }>;
}

const ALL = null;

export class ProtectedSource {
  readonly ledger: Ledger;
  readonly populations = new Map<string, PopulationCells>();

  /** `associationIds`: every association working with the department, whatever the caller may see. */
  /**
   * `ledger`: shared by the sources of a department's years, so that a cohort running over two years is one set
   * of cells with one verdict (mentorships of 2025 = those already running in 2024 + the ones started in 2025).
   */
  constructor(
    readonly k: number,
    readonly associationIds: readonly number[],
    trace = false,
    ledger?: Ledger,
  ) {
    this.ledger = ledger ?? new Ledger(k, trace);
  }

  /**
   * Declares a population, department-wide, and the dimensions it is broken down by. Units are identified by
   * `universe` + id (mentorships "m", links "l"…): the same units in two populations are the same cell.
   */
  population<T extends Unit>(name: string, universe: string, units: readonly T[], dims: Record<string, Dimension<T>>, options: { auxiliary?: boolean; headline?: boolean } = {}): void {
    const role = (auxiliary: boolean | undefined, a?: number | null) => (auxiliary ? 'auxiliary' : options.headline && a === ALL ? 'headline' : 'published');
    const scopes: (number | null)[] = [ALL, ...this.associationIds];
    const pop: PopulationCells = { universe, total: new Map(), dims: new Map() };
    // One pass over the units (a department-year holds thousands of them, and some fifteen associations).
    const byScope = new Map<number | null, T[]>(scopes.map((a) => [a, a === ALL ? (units as T[]) : []]));
    for (const u of units) byScope.get(u.associationId)?.push(u);
    for (const a of scopes) pop.total.set(a, this.ledger.cell(universe, byScope.get(a)!.map((u) => u.id), role(options.auxiliary, a)));
    this.ledger.line(pop.total.get(ALL)!, this.associationIds.map((a) => pop.total.get(a)!));
    for (const [dimName, dim] of Object.entries(dims)) {
      // Categories: the known ones (a zero is information), then codes met anywhere in the department, then "not filled".
      const seen = new Set<string>();
      let unfilled = false;
      for (const u of units) {
        const key = dim.keyOf(u);
        if (key === null) unfilled = true;
        else seen.add(key);
      }
      const categories: Category[] = [...dim.categories];
      for (const key of seen) if (!dim.categories.some((c) => c.key === key)) categories.push({ key, label: key });
      if (unfilled) categories.push(NOT_FILLED);
      const index = new Map(categories.map((c, i) => [c.key, i]));
      const cells = new Map<number | null, number[]>();
      for (const a of scopes) {
        const groups: number[][] = categories.map(() => []);
        for (const u of byScope.get(a)!) groups[index.get(dim.keyOf(u) ?? NOT_FILLED.key)!]!.push(u.id);
        const ids = groups.map((g) => this.ledger.cell(universe, g, role(options.auxiliary || dim.auxiliary)));
        cells.set(a, ids);
        this.ledger.line(pop.total.get(a)!, ids);
      }
      categories.forEach((_, c) => this.ledger.line(cells.get(ALL)![c]!, this.associationIds.map((a) => cells.get(a)![c]!)));
      pop.dims.set(dimName, { categories, cells, keyOf: (u: Unit) => (dim.keyOf(u as T) ?? NOT_FILLED.key) });
    }
    // A dimension that is a grouping of another (closure category ← closure reason): each group's cell is the sum
    // of its reasons' cells, a line the tables do not show but a reader can write.
    for (const [nameA, a] of pop.dims) {
      for (const [nameB, b] of pop.dims) {
        if (nameA === nameB) continue;
        const groupOf = new Map<string, string>();
        if (!units.every((u) => {
          const kb = b.keyOf(u);
          const ka = a.keyOf(u);
          const known = groupOf.get(kb);
          if (known === undefined) groupOf.set(kb, ka);
          return known === undefined || known === ka;
        })) continue;
        for (const scope of scopes) {
          a.categories.forEach((ca, i) => {
            const members = b.categories.flatMap((cb, j) => (groupOf.get(cb.key) === ca.key ? [b.cells.get(scope)![j]!] : []));
            if (members.length > 0) this.ledger.line(a.cells.get(scope)![i]!, members);
          });
        }
      }
    }
    this.populations.set(name, pop);
  }

  /** One suppression pass over everything declared; nothing may be declared afterwards. */
  seal(): this {
    this.ledger.seal();
    return this;
  }

  private pop(name: string): PopulationCells {
    const p = this.populations.get(name);
    if (!p) throw new Error(`population not declared in the protected source: ${name}`);
    return p;
  }

  /** What one association (or the department, null) may read. */
  view(associationId: number | null): ProtectedView {
    return new ProtectedView(this, associationId);
  }

  total(name: string, associationId: number | null): CountCell {
    return this.ledger.value(this.pop(name).total.get(associationId)!);
  }

  distribution(name: string, dimension: string, associationId: number | null): Distribution {
    const dim = this.dim(name, dimension);
    const total = this.total(name, associationId);
    const cells = dim.cells.get(associationId)!.map((id) => this.ledger.value(id));
    const totalRaw = cells.every((c) => !isSuppressed(c)) && !isSuppressed(total) ? (total as number) : null;
    return {
      items: dim.categories.map((c, i) => {
        const count = cells[i]!;
        const share = total === 0 ? null : isSuppressed(count) || isSuppressed(total) ? SUPPRESSED : count / (totalRaw ?? (total as number));
        return { key: c.key, label: c.label, count, share };
      }),
      total,
    };
  }

  /** The association × category table of a dimension, with its margins (department view). */
  crossTable(name: string, dimension: string, associations: readonly { id: number; name: string }[]): CrossTable {
    const dim = this.dim(name, dimension);
    const v = (id: number) => this.ledger.value(id);
    return {
      rows: associations.map((a) => ({ key: String(a.id), label: a.name })),
      columns: dim.categories.map((c) => ({ key: c.key, label: c.label })),
      cells: associations.map((a) => dim.cells.get(a.id)!.map(v)),
      rowTotals: associations.map((a) => this.total(name, a.id)),
      columnTotals: dim.cells.get(ALL)!.map(v),
      total: this.total(name, ALL),
    };
  }

  /** The share of one category: hidden when its count or the total is (complement protected by the line rule). */
  share(name: string, dimension: string, category: string, associationId: number | null): ShareCell {
    const d = this.distribution(name, dimension, associationId);
    if (d.total === 0) return { value: null, numerator: 0, denominator: 0 };
    const item = d.items.find((i) => i.key === category);
    const numerator = item ? item.count : 0;
    return { value: isSuppressed(numerator) || isSuppressed(d.total) ? SUPPRESSED : (numerator as number) / d.total, numerator, denominator: d.total };
  }

  /**
   * Two populations of different units that a reader knows to be the same people (the answered links of an
   * audience, the endings whose questionnaire came back): when their counts agree, a line states it, so that they
   * get one verdict — else the shown one would give the hidden one away. Per association and for the department.
   */
  sameCount(a: [name: string, dimension: string, category: string], b: [name: string, dimension: string, category: string]): void {
    const cells = ([name, dimension, category]: [string, string, string]) => {
      const d = this.dim(name, dimension);
      const i = d.categories.findIndex((c) => c.key === category);
      return new Map([...d.cells].map(([scope, ids]) => [scope, i < 0 ? undefined : ids[i]]));
    };
    const left = cells(a);
    const right = cells(b);
    for (const [scope, x] of left) {
      const y = right.get(scope);
      if (x !== undefined && y !== undefined && this.ledger.raw(x) === this.ledger.raw(y)) this.ledger.line(x, [y]);
    }
  }

  has(name: string): boolean {
    return this.populations.has(name);
  }

  private dim(name: string, dimension: string) {
    const d = this.pop(name).dims.get(dimension);
    if (!d) throw new Error(`dimension ${dimension} not declared for ${name}`);
    return d;
  }
}

/** A source read for one association (or the department): the figures a report publishes. */
export class ProtectedView {
  constructor(
    readonly source: ProtectedSource,
    readonly associationId: number | null,
  ) {}
  get k() {
    return this.source.k;
  }
  total(name: string): CountCell {
    return this.source.total(name, this.associationId);
  }
  distribution(name: string, dimension: string): Distribution {
    return this.source.distribution(name, dimension, this.associationId);
  }
  share(name: string, dimension: string, category: string): ShareCell {
    return this.source.share(name, dimension, category, this.associationId);
  }
}
