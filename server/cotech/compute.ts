/** Pure computations of the Cotech agenda: small tables in, suppressed figures out; no I/O. */
import { formatCount, hiddenCell, isSmall, isSuppressed, lineIsSafe, suppressionMask, type CountCell, type Line } from '../reports/suppression.ts';

export interface Cell {
  /** Null when suppressed: the raw small count never leaves the server. */
  value: number | null;
  /** What is printed: "12", "0", or "< 11". */
  display: string;
  suppressed: boolean;
}

export interface MentorshipFact {
  associationId: number;
  status: string;
  appliedOn: string | null;
  startedOn: string | null;
  endedOn: string | null;
  birthMonth: string | null;
  placementType: string | null;
}

export const AGE_GROUPS = ['Moins de 11 ans', '11 à 14 ans', '15 à 17 ans', '18 à 21 ans', '22 ans et plus', 'Âge non renseigné'] as const;

/** Turns the shared engine's cell (server/reports/suppression.ts) into what the page prints. */
export function toCell(cell: CountCell, threshold: number): Cell {
  return isSuppressed(cell) ? { value: null, display: formatCount(cell, threshold), suppressed: true } : { value: cell, display: formatCount(cell, threshold), suppressed: false };
}

/** Whole years between a birth month (YYYY-MM) and a date, counting the birthday as the first of the month. */
export function ageAt(birthMonth: string | null, isoDate: string): number | null {
  if (!birthMonth || !/^\d{4}-\d{2}$/.test(birthMonth)) return null;
  const [by, bm] = birthMonth.split('-').map(Number) as [number, number];
  const [y, m] = isoDate.split('-').map(Number) as [number, number];
  const age = y - by - (m < bm ? 1 : 0);
  return age >= 0 && age < 120 ? age : null;
}

export function ageGroup(age: number | null): (typeof AGE_GROUPS)[number] {
  if (age === null) return 'Âge non renseigné';
  if (age < 11) return 'Moins de 11 ans';
  if (age <= 14) return '11 à 14 ans';
  if (age <= 17) return '15 à 17 ans';
  if (age <= 21) return '18 à 21 ans';
  return '22 ans et plus';
}

const inRange = (d: string | null, start: string, end: string) => d !== null && d >= start && d <= end;

export interface PeriodBounds {
  start: string;
  end: string;
}

/** In progress at the end of the period; started and closed during it. */
export function periodFigures(rows: MentorshipFact[], p: PeriodBounds) {
  return {
    enCours: rows.filter((m) => m.status !== 'candidature' && m.startedOn !== null && m.startedOn <= p.end && (m.endedOn === null || m.endedOn > p.end)).length,
    commences: rows.filter((m) => m.status !== 'candidature' && inRange(m.startedOn, p.start, p.end)).length,
    clotures: rows.filter((m) => inRange(m.endedOn, p.start, p.end)).length,
  };
}

const sum = (xs: number[]) => xs.reduce((t, x) => t + x, 0);

/** Applications received in the period per association, by age group (at application) and placement type. */
function applicationCounts(rows: MentorshipFact[], p: PeriodBounds, placements: { code: string; label: string }[]) {
  const applications = rows.filter((m) => inRange(m.appliedOn, p.start, p.end));
  const known = new Set(placements.map((pl) => pl.code));
  return {
    byAge: AGE_GROUPS.map((g) => applications.filter((m) => ageGroup(ageAt(m.birthMonth, m.appliedOn!)) === g).length),
    byPlacement: [...placements.map((pl) => pl.code), ''].map(
      (code) => applications.filter((m) => (code === '' ? m.placementType === null || !known.has(m.placementType) : m.placementType === code)).length,
    ),
  };
}

/**
 * The Cotech tables. Figures: for each measure, the associations and their total form one line. Profiles: the
 * associations × age groups and associations × placement types tables share their row totals (each
 * association's applications) and grand total, so both are suppressed together in one pass of the shared engine
 * (primary: 1..k-1 hidden; complementary: no line lets "total minus what is shown" pin a hidden cell down).
 */
export function computeCotechFigures(input: {
  period: PeriodBounds;
  threshold: number;
  associations: { id: number; name: string }[];
  mentorships: MentorshipFact[];
  placements: { code: string; label: string }[];
}) {
  const k = input.threshold;
  const rowsOf = (id: number) => input.mentorships.filter((m) => m.associationId === id);
  const raw = input.associations.map((a) => periodFigures(rowsOf(a.id), input.period));
  const measures = ['enCours', 'commences', 'clotures'] as const;
  // Each association's own figure is what the meeting discusses: when a small one could be recovered from the
  // total, the total is hidden rather than a neighbour's figure (the shared engine would sacrifice a member).
  const figures = Object.fromEntries(
    measures.map((m) => {
      const values = [...raw.map((f) => f[m]), sum(raw.map((f) => f[m]))];
      const hidden = values.map((v) => isSmall(v, k));
      const line = { total: values.length - 1, members: raw.map((_, i) => i) };
      if (!lineIsSafe(values, hidden, line, k)) hidden[line.total] = true;
      const cells = values.map((v, i) => (hidden[i] ? hiddenCell(v, k) : v));
      return [m, { items: cells.slice(0, -1), total: cells.at(-1)! }];
    }),
  ) as Record<(typeof measures)[number], { items: CountCell[]; total: CountCell }>;

  const counts = input.associations.map((a) => applicationCounts(rowsOf(a.id), input.period, input.placements));
  const R = counts.length;
  const A = AGE_GROUPS.length;
  const P = input.placements.length + 1;
  // One flat vector: age cells, placement cells, row totals, age column totals, placement column totals, grand total.
  const ageAt_ = (r: number, c: number) => r * A + c;
  const placeAt = (r: number, c: number) => R * A + r * P + c;
  const rowTotal = (r: number) => R * (A + P) + r;
  const ageCol = (c: number) => R * (A + P) + R + c;
  const placeCol = (c: number) => R * (A + P) + R + A + c;
  const grand = R * (A + P) + R + A + P;
  const values: number[] = new Array(grand + 1).fill(0);
  counts.forEach((c, r) => {
    c.byAge.forEach((v, i) => (values[ageAt_(r, i)] = v));
    c.byPlacement.forEach((v, i) => (values[placeAt(r, i)] = v));
    values[rowTotal(r)] = sum(c.byAge);
  });
  for (let i = 0; i < A; i++) values[ageCol(i)] = sum(counts.map((c) => c.byAge[i]!));
  for (let i = 0; i < P; i++) values[placeCol(i)] = sum(counts.map((c) => c.byPlacement[i]!));
  values[grand] = sum(counts.map((c) => sum(c.byAge)));
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const lines: Line[] = [
    ...range(R).map((r) => ({ total: rowTotal(r), members: range(A).map((c) => ageAt_(r, c)) })),
    ...range(R).map((r) => ({ total: rowTotal(r), members: range(P).map((c) => placeAt(r, c)) })),
    ...range(A).map((c) => ({ total: ageCol(c), members: range(R).map((r) => ageAt_(r, c)) })),
    ...range(P).map((c) => ({ total: placeCol(c), members: range(R).map((r) => placeAt(r, c)) })),
    { total: grand, members: range(R).map(rowTotal) },
    { total: grand, members: range(A).map(ageCol) },
    { total: grand, members: range(P).map(placeCol) },
  ];
  const mask = suppressionMask(values, lines, k);
  const cell = (i: number) => toCell(mask[i] ? hiddenCell(values[i]!, k) : values[i]!, k);
  const placementRows = [...input.placements, { code: '', label: 'Non renseigné' }];
  // "Âge non renseigné" / "Non renseigné" rows are printed only when someone is in them.
  const profiles = (age: (c: number) => number, place: (c: number) => number, total: number) => ({
    total: cell(total),
    parAge: AGE_GROUPS.map((group, c) => ({ group, cell: cell(age(c)) })).filter((_, c) => c < A - 1 || values[age(c)]! > 0),
    parPlacement: placementRows.map((pl, c) => ({ code: pl.code, label: pl.label, cell: cell(place(c)) })).filter((_, c) => c < P - 1 || values[place(c)]! > 0),
  });

  return {
    associations: input.associations.map((a, r) => ({
      associationId: a.id,
      associationName: a.name,
      chiffres: {
        enCours: toCell(figures.enCours.items[r]!, k),
        commences: toCell(figures.commences.items[r]!, k),
        clotures: toCell(figures.clotures.items[r]!, k),
      },
      profils: profiles((c) => ageAt_(r, c), (c) => placeAt(r, c), rowTotal(r)),
    })),
    ensemble: { enCours: toCell(figures.enCours.total, k), commences: toCell(figures.commences.total, k), clotures: toCell(figures.clotures.total, k) },
    ensembleProfils: profiles(ageCol, placeCol, grand),
  };
}
