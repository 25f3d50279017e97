/** Pure computations of the Cotech agenda: small tables in, suppressed figures out; no I/O. */
import { formatCount, isSuppressed, type CountCell } from '../reports/suppression.ts';
import { NOT_FILLED } from '../reports/measures.ts';
import { cotechPopulation, declareCotech, type CotechCount, type CotechPeriod, type CotechUnit } from '../reports/protection/cotech.ts';
import { ProtectedSource } from '../reports/protection/source.ts';
import { AGE_GROUPS } from './profiles.ts';

export interface Cell {
  /** Null when suppressed: the raw small count never leaves the server. */
  value: number | null;
  /** What is printed: "12", "0", or "< 11". */
  display: string;
  suppressed: boolean;
}

export type MentorshipFact = Omit<CotechUnit, 'id'>;

/** Turns the shared engine's cell (server/reports/suppression.ts) into what the page prints. */
export function toCell(cell: CountCell, threshold: number): Cell {
  return isSuppressed(cell) ? { value: null, display: formatCount(cell, threshold), suppressed: true } : { value: cell, display: formatCount(cell, threshold), suppressed: false };
}

export { AGE_GROUPS, ageAt, ageGroup } from './profiles.ts';

/**
 * The Cotech tables, read from the department's protected source (server/reports/protection/cotech.ts): the
 * period's figures and applications by age group and placement type, per association and for the department,
 * with the same verdicts as every report of the year. Without a source (unit tests) one is built for the period.
 */
export function computeCotechFigures(input: {
  period: { id?: string; start: string; end: string };
  threshold: number;
  associations: { id: number; name: string }[];
  mentorships: (MentorshipFact & { id?: number })[];
  placements: { code: string; label: string }[];
  source?: ProtectedSource;
}) {
  const k = input.threshold;
  const period = { id: input.period.id ?? `${input.period.start}/${input.period.end}`, start: input.period.start, end: input.period.end };
  const source = input.source ?? standaloneSource(period, input);
  const count = (what: CotechCount, a: number | null) => toCell(source.total(cotechPopulation(period.id, what), a), k);
  const chiffres = (a: number | null) => ({ enCours: count('enCours', a), commences: count('commences', a), clotures: count('clotures', a) });
  const pop = cotechPopulation(period.id, 'candidatures');
  // "Âge non renseigné" / "Non renseigné" rows are printed only when someone is in them.
  const profiles = (a: number | null) => ({
    total: count('candidatures', a),
    parAge: source
      .distribution(pop, 'tranche_age', a)
      .items.filter((i) => i.key !== 'Âge non renseigné' || i.count !== 0)
      .map((i) => ({ group: i.key as (typeof AGE_GROUPS)[number], cell: toCell(i.count, k) })),
    parPlacement: source
      .distribution(pop, 'type_placement', a)
      .items.map((i) => (i.key === NOT_FILLED.key ? { code: '', label: NOT_FILLED.label, cell: toCell(i.count, k) } : { code: i.key, label: i.label, cell: toCell(i.count, k) }))
      .filter((i) => i.code !== '' || i.cell.value !== 0),
  });
  return {
    associations: input.associations.map((a) => ({ associationId: a.id, associationName: a.name, chiffres: chiffres(a.id), profils: profiles(a.id) })),
    ensemble: chiffres(null),
    ensembleProfils: profiles(null),
  };
}

function standaloneSource(period: CotechPeriod, input: { threshold: number; associations: { id: number }[]; mentorships: (MentorshipFact & { id?: number })[]; placements: { code: string; label: string }[] }): ProtectedSource {
  const source = new ProtectedSource(input.threshold, input.associations.map((a) => a.id));
  const units = input.mentorships.map((m, i) => ({ ...m, id: m.id ?? i + 1 }));
  declareCotech(source, Number(period.start.slice(0, 4)), [period], units, input.placements, false);
  return source.seal();
}
