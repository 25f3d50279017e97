/**
 * Linked tables (issue 12.4): random small registries, every report computed for the department-year and the year
 * before, for every filter (department, each association; the dashboard at its reference day and on a chosen day),
 * every published count collected with the units it counts, and an attacker that combines them all.
 * The Cotech of every quarter, the non-response page and the youth / mentor agreement (pairs) are published too. Strategies: (a) the same population published elsewhere; (b) a line's total minus its visible cells, across
 * tables sharing a total; (c) differences of nested populations (department − associations, one year − the other,
 * A − B − C); (d) exact linear algebra over the registry's finest cells (every published count as a 0/1 vector,
 * Gaussian elimination over the rationals: a hidden cell in the span of shown ones is known); plus bounds
 * reasoning (interval propagation with « < k » = 1..k-1, « masqué » ≥ k, cells ≥ 0).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ListKind } from '../../../../db/schema/index.ts';
import type { IndicatorFact, LinkFact, MentorFact, MentorshipFact } from '../../../../server/reports/facts.ts';
import type { ListEntry } from '../../../../server/reports/scope.ts';
import { declareYears } from '../../../../server/reports/protection/catalogue.ts';
import type { ProtectedSource } from '../../../../server/reports/protection/source.ts';
import { computeDashboard } from '../../../../server/reports/dashboard/compute.ts';
import { computeResponseRates } from '../../../../server/reports/response-rate/compute.ts';
import { computeValueChain, type ValueChainFacts } from '../../../../server/reports/value-chain/compute.ts';
import { seriesFor } from '../../../../server/reports/evolution/compute.ts';
import { computeCotechFigures } from '../../../../server/cotech/compute.ts';
import { computeNonResponse, type EndedRow, type Outcome } from '../../../../server/reports/non-response/compute.ts';
import { computePairs } from '../../../../server/reports/pairs/compute.ts';

const YEAR = 2025;
const TODAY = '2026-06-01';
/**
 * The department-year under attack. With [YEAR - 1, YEAR] (n compared with n-1, evolution) the attacker still wins:
 * a cohort running over both years links cells of two sources (e.g. mentorships of 2025 = those already running in
 * 2024 + a hidden handful), a relation no line of either year's source states. Left open, see the README.
 */
const YEARS = (process.env.H1_YEARS ?? `${YEAR - 1},${YEAR},${YEAR + 1}`).split(',').map(Number);
const entry = (code: string, group: string | null = null): ListEntry => ({ code, label: code, group });
const quarters = (y: number) => [1, 2, 3, 4].map((q) => ({ id: `${y}-T${q}`, start: `${y}-${String(3 * q - 2).padStart(2, '0')}-01`, end: `${y}-${String(3 * q).padStart(2, '0')}-${q === 1 || q === 4 ? 31 : 30}` }));
const LISTS: Record<ListKind, ListEntry[]> = {
  sexe: [entry('F'), entry('H')],
  niveau_scolaire: [entry('6e', 'Collège'), entry('2nde', 'Lycée')],
  type_placement: [entry('famille'), entry('foyer')],
  objectif: [entry('scolaire'), entry('pro')],
  modalite: [entry('presentiel'), entry('distance')],
  motif_cloture: [entry('objectif_atteint', 'atteint'), entry('demenagement', 'binome'), entry('objectif_change', 'objectif')],
};
const TERRITORIES = new Map([
  [1, 'Nord'],
  [2, 'Sud'],
]);

const Row = fc.record({
  assoc: fc.integer({ min: 0, max: 2 }),
  territory: fc.constantFrom(1, 2, null),
  sex: fc.constantFrom('F', 'H'),
  status: fc.constantFrom('candidature', 'en_cours', 'objectif_atteint', 'cloture', 'abandonne'),
  reason: fc.constantFrom(0, 1, 2, null),
  objective: fc.constantFrom('scolaire', 'pro'),
  modality: fc.constantFrom('presentiel', 'distance'),
  renewal: fc.boolean(),
  since: fc.constantFrom('prev', 'this', 'prevEnded'),
  age: fc.constantFrom('2012-03', '2008-07'),
  placement: fc.constantFrom('famille', 'foyer'),
  school: fc.constantFrom('6e', '2nde'),
  youth: fc.integer({ min: 0, max: 3 }),
  mentor: fc.integer({ min: 0, max: 3 }),
  pairedWith: fc.constantFrom(null, 1, 2, 3, 4, 5, 6),
  feel: fc.constantFrom(-1, 0, 1, 2),
  thanks: fc.boolean(),
});
const Registry = fc.record({ k: fc.constantFrom(3, 5, 6), associations: fc.integer({ min: 2, max: 3 }), rows: fc.array(Row, { minLength: 4, maxLength: 60 }) });
type Registry = typeof Registry extends fc.Arbitrary<infer T> ? T : never;

function build(r: Registry): { mentorships: MentorshipFact[]; links: LinkFact[]; mentors: MentorFact[]; answers: IndicatorFact[]; endedRows: EndedRow[] } {
  const mentorships: MentorshipFact[] = r.rows.map((x, i) => {
    const ended = x.status !== 'en_cours' && x.status !== 'candidature';
    const startedOn = x.status === 'candidature' ? null : x.since === 'this' ? '2025-03-01' : '2024-03-01';
    const endedOn = !ended ? null : x.since === 'prevEnded' ? '2024-10-01' : '2025-09-01';
    return {
      id: i + 1,
      associationId: (x.assoc % r.associations) + 1,
      youngPersonId: i + 1,
      mentorId: x.status === 'candidature' ? null : x.pairedWith,
      status: x.status,
      appliedOn: x.status === 'candidature' ? (x.since === 'this' ? '2025-02-01' : '2024-11-01') : '2024-01-15',
      matchedOn: null,
      startedOn,
      endedOn,
      objective: x.objective,
      modality: x.modality,
      isRenewal: x.renewal,
      closureReason: ended && x.reason !== null ? LISTS.motif_cloture[x.reason]!.code : null,
      sex: x.sex,
      birthMonth: x.age,
      schoolLevel: x.school,
      placementType: x.placement,
      territoryId: x.territory,
    };
  });
  const links: LinkFact[] = [];
  const answers: IndicatorFact[] = [];
  const state = ['', 'repondu', 'refuse', 'ouvert'];
  mentorships.forEach((m, i) => {
    if (!m.endedOn) return;
    for (const audience of ['youth', 'mentor'] as const) {
      const s = r.rows[i]![audience];
      if (s === 0) continue;
      const id = links.length + 1;
      links.push({ id, mentorshipId: m.id, associationId: m.associationId, endedOn: m.endedOn, audience, state: state[s]!, declined: s === 1 ? false : null, responded: s === 1, responseId: s === 1 ? id : null, questionnaireVersionId: 1 });
      if (s !== 1) continue;
      // The answer (response id = link id): objective reached, and for young people self-confidence before / now.
      const fact = (indicatorId: string, dimension: string, value: number | null, valueText: string | null = null): IndicatorFact => ({ responseId: id, mentorshipId: m.id, associationId: m.associationId, year: Number(m.endedOn!.slice(0, 4)), audience, indicatorId, dimension, value, valueText });
      const row = r.rows[i]!;
      answers.push(fact('resultats.objectif_atteint', 'atteint', row.feel > 0 ? 1 : 0.5, row.feel > 0 ? 'oui' : 'en_partie'));
      // Meeting frequency: the young person's and the mentor's answers agree when they feel the same (pairs report).
      const often = ['chaque_semaine', 'deux_par_mois', 'une_par_mois', 'moins'][audience === 'youth' || row.thanks ? row.feel + 1 : 3 - (row.feel + 1)]!;
      answers.push(fact('realisations.frequence', 'frequence', null, often));
      if (audience === 'youth') answers.push(fact('impact.confiance', 'evolution', row.feel), fact('impact.confiance', 'grace_au_mentorat', row.thanks ? 1 : 0));
    }
  });
  // Six mentors, trained in 2024 or 2025, each with the association of their number.
  const mentors: MentorFact[] = [1, 2, 3, 4, 5, 6].map((id) => ({ id, associationId: (id % r.associations) + 1, trainedOn: id % 2 === 0 ? '2024-05-01' : '2025-05-01' }));
  // The non-response page's rows: each ending with its two questionnaire outcomes.
  const outcome = (s: number): Outcome => (['sans_lien', 'repondu', 'refus', 'sans_reponse'] as const)[s]!;
  const endedRows: EndedRow[] = mentorships.flatMap((m, i) =>
    m.endedOn === null || m.status === 'en_cours' || m.status === 'candidature'
      ? []
      : [{ mentorshipId: m.id, associationId: m.associationId, endedOn: m.endedOn, status: m.status, closureReason: m.closureReason, objective: m.objective, sex: m.sex, birthMonth: m.birthMonth, placementType: m.placementType, territoryId: m.territoryId, outcome: { youth: outcome(r.rows[i]!.youth), mentor: outcome(r.rows[i]!.mentor) } }],
  );
  return { mentorships, links, mentors, answers, endedRows };
}

interface Published {
  units: string[];
  value: number;
  hidden: boolean;
  /** Reads « < k » (1..k-1), not « masqué » (no size stated). */
  small: boolean;
  where: string;
}

/** Every report, for every filter; returns what was read from the sources and the counts the outputs carry. */
function publishEverything(r: Registry) {
  const { mentorships, links, mentors, answers, endedRows } = build(r);
  const associationIds = Array.from({ length: r.associations }, (_, i) => i + 1);
  const associations = associationIds.map((id) => ({ id, name: `A${id}` }));
  const outputs: unknown[] = [];
  const sources: Map<number, ProtectedSource> = declareYears({ years: YEARS, k: r.k, today: TODAY, associationIds, lists: LISTS, territories: TERRITORIES, mentorships, links, mentors, answers, endedRows, trace: true, cotechPeriods: quarters });
  // The Cotech of every quarter (figures and profiles per association and for the department).
  for (const y of YEARS) for (const period of quarters(y)) outputs.push(computeCotechFigures({ period, threshold: r.k, associations, mentorships: [], placements: LISTS.type_placement, source: sources.get(y) }));
  for (const associationId of [null, ...associationIds]) {
    const inScope = <T extends { associationId: number }>(xs: readonly T[]) => (associationId === null ? [...xs] : xs.filter((x) => x.associationId === associationId));
    for (const date of ['2025-12-31', '2025-06-30']) {
      // The chosen day is accepted but figures are read on the reference day (see dashboard/compute.ts).
      const d = computeDashboard({ year: YEAR, date, today: TODAY, k: r.k, lists: LISTS, territories: TERRITORIES, associations, byAssociation: associationId === null, associationId, source: sources.get(YEAR), mentorships });
      outputs.push(d);
    }
    const facts: ValueChainFacts = {
      year: YEAR,
      compare: YEARS.length > 1,
      k: r.k,
      today: TODAY,
      lists: LISTS,
      territories: TERRITORIES,
      keyIndicatorIds: [],
      mentorships: inScope(mentorships),
      mentors: inScope(mentors),
      indicatorValues: inScope(answers),
      declarations: [],
      links: inScope(links),
      declarationStates: associationId === null ? associations.map((a) => ({ associationId: a.id, name: a.name, state: null })) : [],
      protection: (y) => sources.get(y)?.view(associationId) ?? null,
    };
    outputs.push(computeValueChain(facts));
    // The evolution answers "too few young people" for such a scope (evolution/query.ts) and reads nothing.
    const young = sources.get(YEAR)!.total('jeunes', associationId);
    if (typeof young === 'number' || young.complement) outputs.push(seriesFor(facts, YEARS, ['realisations.jeunes_accompagnes', 'resultats.objectif_atteint', 'resultats.clotures', 'realisations.duree_moyenne']));
    for (const y of YEARS) outputs.push(computeNonResponse({ k: r.k, lists: LISTS, territories: TERRITORIES, rows: [], source: sources.get(y), associationId }));
    // Youth / mentor agreement, per association and with the department's row.
    for (const y of YEARS) outputs.push(computePairs({ associations: associationId === null ? associations : associations.filter((a) => a.id === associationId), source: sources.get(y)!, withTotal: associationId === null }));
    outputs.push(computeResponseRates({ years: [...YEARS].reverse(), associations: associationId === null ? associations : associations.filter((a) => a.id === associationId), sources, withTotal: associationId === null }));
  }
  // The years share one ledger: name each cell once, then take every cell any report read.
  const published: Published[] = [];
  for (const ledger of new Set([...sources.values()].map((s) => s.ledger))) {
    const names = new Map<number, string>();
    for (const [y, source] of sources) {
      if (source.ledger !== ledger) continue;
      for (const [pn, pop] of source.populations) {
        for (const [a, id] of pop.total) if (!names.has(id)) names.set(id, `${y} ${pn}[${a ?? 'dép.'}]`);
        for (const [dn, d] of pop.dims) for (const [a, ids] of d.cells) ids.forEach((id, c) => names.has(id) || names.set(id, `${y} ${pn}.${dn}=${d.categories[c]!.key}[${a ?? 'dép.'}]`));
      }
    }
    for (const id of ledger.reads) {
      const cell = ledger.value(id);
      published.push({ units: ledger.units[id] ?? [], value: ledger.raw(id), hidden: typeof cell !== 'number', small: typeof cell !== 'number' && !cell.complement, where: names.get(id) ?? String(id) });
    }
  }
  return { published, outputs };
}

/** Numbers at count-like paths of the outputs (suppressed cells are objects and never appear). */
const COUNT_FIELD = /\.(n|denominator|count|total|issued|answered|declined|pending|youngPeople|mentorshipsClosed|inProgressAt|mentorshipsOfYear|numerator|closed)$|\.(cells|rowTotals|columnTotals)\[/;
function countsIn(value: unknown, path = ''): { path: string; n: number }[] {
  if (typeof value === 'number') return [{ path, n: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => countsIn(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, v]) => countsIn(v, `${path}.${key}`));
  return [];
}

// --- Exact rational span test (integer row echelon with gcd normalisation) -----------------------------------
const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
};
class Span {
  private rows: { pivot: number; v: bigint[] }[] = [];
  reduce(input: readonly bigint[]): bigint[] {
    let v = [...input];
    for (const { pivot, v: b } of this.rows) {
      if (v[pivot] === 0n) continue;
      const f = v[pivot]!;
      const p = b[pivot]!;
      v = v.map((x, i) => x * p - b[i]! * f);
      const g = v.reduce((acc, x) => gcd(acc, x), 0n);
      if (g > 1n) v = v.map((x) => x / g);
    }
    return v;
  }
  add(input: readonly bigint[]): void {
    const v = this.reduce(input);
    const pivot = v.findIndex((x) => x !== 0n);
    if (pivot >= 0) this.rows.push({ pivot, v });
  }
  contains(input: readonly bigint[]): boolean {
    return this.reduce(input).every((x) => x === 0n);
  }
}

type Strategy = 'a_same_population' | 'b_line_total_minus_visible' | 'c_nested_differences' | 'd_linear_algebra' | 'bounds';

/** Every way the attacker pins a small hidden cell; empty when the protection holds. */
function attack(published: readonly Published[], k: number): { strategy: Strategy; where: string; value: number }[] {
  const cells = new Map<string, Published & { set: Set<string> }>();
  const conflicts: { strategy: Strategy; where: string; value: number }[] = [];
  for (const p of published) {
    const key = [...p.units].sort().join(',');
    const seen = cells.get(key);
    // (a) one population, two verdicts: the shown one gives the hidden one away.
    if (seen && seen.hidden !== p.hidden) {
      const small = seen.hidden ? seen : p;
      if (small.value >= 1 && small.value < k) conflicts.push({ strategy: 'a_same_population', where: `${seen.where} / ${p.where}`, value: small.value });
    }
    if (!seen || (seen.hidden && !p.hidden)) cells.set(key, { ...p, set: new Set(p.units) });
  }
  const list = [...cells.values()];
  const shown = list.filter((c) => !c.hidden);
  const small = list.filter((c) => c.hidden && c.value >= 1 && c.value < k);
  const same = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((u) => b.has(u));
  const minus = (a: Set<string>, ...bs: Set<string>[]) => new Set([...a].filter((u) => !bs.some((b) => b.has(u))));
  const disjoint = (a: Set<string>, b: Set<string>) => [...a].every((u) => !b.has(u));
  for (const h of small) {
    // (b) a shown total whose other parts are all shown: total − Σ shown parts.
    for (const t of shown) {
      if (![...h.set].every((u) => t.set.has(u))) continue;
      const rest = minus(t.set, h.set);
      const parts = shown.filter((c) => c.set.size > 0 && [...c.set].every((u) => rest.has(u)));
      // Greedy disjoint cover of the rest by shown parts (what a reader does with one table's line).
      const used: Set<string>[] = [];
      for (const p of parts.sort((x, y) => y.set.size - x.set.size)) if (used.every((u) => disjoint(u, p.set))) used.push(p.set);
      if (same(new Set(used.flatMap((u) => [...u])), rest)) conflicts.push({ strategy: 'b_line_total_minus_visible', where: `${h.where} = ${t.where} − parts`, value: h.value });
    }
    // (c) nested populations: A − B, A − B − C.
    for (const a of shown) {
      if (a.set.size <= h.set.size) continue;
      for (const b of shown) {
        if (b === a || ![...b.set].every((u) => a.set.has(u))) continue;
        if (same(minus(a.set, b.set), h.set)) conflicts.push({ strategy: 'c_nested_differences', where: `${h.where} = ${a.where} − ${b.where}`, value: h.value });
        for (const c of shown) {
          if (c === a || c === b || !disjoint(b.set, c.set) || ![...c.set].every((u) => a.set.has(u))) continue;
          if (same(minus(a.set, b.set, c.set), h.set)) conflicts.push({ strategy: 'c_nested_differences', where: `${h.where} = ${a.where} − ${b.where} − ${c.where}`, value: h.value });
        }
      }
    }
  }
  // (d) finest cells: units grouped by the published cells they belong to.
  const signature = new Map<string, number[]>();
  list.forEach((c, i) => c.units.forEach((u) => signature.set(u, [...(signature.get(u) ?? []), i])));
  const atomOf = new Map<string, number>();
  const atoms: string[] = [];
  for (const [u, sig] of signature) {
    const key = sig.join(',');
    if (!atomOf.has(key)) atomOf.set(key, atoms.push(key) - 1);
    atomOf.set(u, atomOf.get(key)!);
  }
  const vector = (c: Published) => {
    const v = new Array<bigint>(atoms.length).fill(0n);
    for (const u of c.units) v[atomOf.get(u)!] = 1n;
    return v;
  };
  const span = new Span();
  for (const c of shown) span.add(vector(c));
  for (const h of small) if (span.contains(vector(h))) conflicts.push({ strategy: 'd_linear_algebra', where: h.where, value: h.value });
  // (e) Bounds: what a reader narrows down from the labels (« < k » = 1..k-1, « masqué » = 1 or more, a shown cell its
  // value) through the relations the tables state: a table's cells add up to its total, the associations to the
  // department, a cell lies within any population that holds it. Interval propagation until nothing moves.
  const index = new Map(list.map((c, i) => [c, i]));
  const lo = list.map((c) => (c.hidden ? 1 : c.value));
  const hi = list.map((c) => (c.hidden ? (c.small ? k - 1 : Number.POSITIVE_INFINITY) : c.value));
  const byUnits = new Map(list.map((c) => [[...c.set].sort().join(','), index.get(c)!]));
  const lines: { total: number; members: number[] }[] = [];
  // Tables by their labels: "2025 jeunes.sexe=F[1]" belongs to the table "2025 jeunes.sexe[1]" (total "2025 jeunes[1]")
  // and to the column "2025 jeunes.sexe=F" over associations (total "2025 jeunes.sexe=F[dép.]").
  const families = new Map<string, number[]>();
  for (const c of list) {
    const m = /^(\d+) ([a-zA-Z_:0-9-]+)(?:\.([a-z_0-9]+)=([^[]+))?\[(.+)\]$/.exec(c.where);
    if (!m) continue;
    const [, y, pop, dim, cat, scope] = m;
    const add = (key: string) => families.set(key, [...(families.get(key) ?? []), index.get(c)!]);
    if (dim) add(`${y} ${pop}.${dim}[${scope}]`);
    if (scope !== 'dép.') add(`${y} ${pop}${dim ? `.${dim}=${cat}` : ''}[*]`);
  }
  for (const members of families.values()) {
    const union = new Set(members.flatMap((i) => [...list[i]!.set]));
    const size = members.reduce((s, i) => s + list[i]!.set.size, 0);
    const total = byUnits.get([...union].sort().join(','));
    // Only a family that is a partition of a published population (disjoint cells, their union published).
    if (total !== undefined && !members.includes(total) && size === union.size) lines.push({ total, members });
  }
  const within = list.flatMap((a, i) => list.flatMap((b, j) => (i !== j && a.set.size > 0 && a.set.size < b.set.size && [...a.set].every((u) => b.set.has(u)) ? [[i, j] as const] : [])));
  for (let round = 0, changed = true; changed && round < 200; round++) {
    changed = false;
    const tighten = (c: number, newLo: number, newHi: number) => {
      if (Number.isFinite(newLo) && newLo > lo[c]!) (lo[c] = newLo), (changed = true);
      if (newHi < hi[c]!) (hi[c] = newHi), (changed = true);
    };
    for (const { total, members } of lines) {
      const sumLo = members.reduce((s, m) => s + lo[m]!, 0);
      const sumHi = members.reduce((s, m) => s + hi[m]!, 0);
      tighten(total, sumLo, sumHi);
      for (const m of members) tighten(m, lo[total]! - (sumHi - hi[m]!), hi[total]! - (sumLo - lo[m]!));
    }
    for (const [a, b] of within) tighten(a, lo[a]!, hi[b]!), tighten(b, lo[a]!, hi[b]!);
  }
  for (const h of small) {
    const i = index.get(h)!;
    if (lo[i]! >= hi[i]!) conflicts.push({ strategy: 'bounds', where: `${h.where} ∈ [${lo[i]}, ${hi[i]}]`, value: h.value });
  }
  return conflicts;
}

describe('linked tables: one protected source per department-year', () => {
  it.runIf(process.env.H1_CASE)('debug one registry', () => {
    const r = JSON.parse(process.env.H1_CASE!) as Registry;
    const out = publishEverything(r);
    for (const p of out.published.sort((a, b) => a.where.localeCompare(b.where))) console.info(p.where, p.hidden ? `hidden(${p.value})` : p.value, p.units.join(' '));
    console.info(attack(out.published, r.k));
  });
  it('no combination of published counts pins a hidden count to one value in 1..k-1', () => {
    let runs = 0;
    let hiddenSmall = 0;
    let published = 0;
    fc.assert(
      fc.property(Registry, (r) => {
        runs++;
        const out = publishEverything(r);
        published += out.published.length;
        hiddenSmall += out.published.filter((p) => p.hidden && p.value >= 1 && p.value < r.k).length;
        // Every count a report carries is a cell of the protected source (or the chosen day's "in progress").
        const allowed = new Set([0, ...out.published.filter((p) => !p.hidden).map((p) => p.value)]);
        const stray = out.outputs.flatMap((o) => countsIn(o)).filter((c) => COUNT_FIELD.test(c.path) && !allowed.has(c.n));
        expect(stray).toEqual([]);
        expect(attack(out.published, r.k)).toEqual([]);
      }),
      { numRuns: 300, seed: 20261204 },
    );
    // Reported in the closing note (issue 12): registries tried and how much the attacker had to work with.
    console.info(`linked tables: ${runs} registries, ${published} published cells read, ${hiddenSmall} small hidden cells attacked`);
    expect(runs).toBeGreaterThanOrEqual(300);
  }, 600_000);
});
