/** Pure computations of the value-chain report: small tables in, figures out; no I/O. */

export interface MentorshipFact {
  youngPersonId: number;
  status: string;
  startedOn: string | null;
  endedOn: string | null;
}
export interface IndicatorFact {
  responseId: number;
  indicatorId: string;
  dimension: string;
  value: number | null;
}
export interface DeclarationFact {
  content: Record<string, unknown>;
}

export interface Figure {
  indicatorId: string;
  value: number | null;
  /** Units counted (young people, answers…) behind the figure. */
  n: number;
  /** For a share: what it is a share of; null for counts and sums. */
  denominator: number | null;
}

export const yearBounds = (year: number) => ({ start: `${year}-01-01`, end: `${year}-12-31` });

/** Active during the year: started on or before its end, not ended before its start. */
export function activeDuring(m: MentorshipFact, year: number): boolean {
  const { start, end } = yearBounds(year);
  return m.status !== 'candidature' && m.startedOn !== null && m.startedOn <= end && (m.endedOn === null || m.endedOn >= start);
}

export function endedIn(m: MentorshipFact, year: number): boolean {
  return m.endedOn !== null && m.endedOn.startsWith(`${year}-`);
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}

/** A share with its denominator; null (not 0 and not NaN) when nothing was measured. */
export function share(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function computeValueChain(input: { year: number; mentorships: MentorshipFact[]; indicatorValues: IndicatorFact[]; declarations: DeclarationFact[] }) {
  const { year } = input;
  const active = input.mentorships.filter((m) => activeDuring(m, year));
  const ended = input.mentorships.filter((m) => endedIn(m, year));
  const durations = ended.filter((m) => m.startedOn).map((m) => daysBetween(m.startedOn!, m.endedOn!));
  const reached = ended.filter((m) => m.status === 'objectif_atteint').length;

  const etp = input.declarations.reduce((s, d) => s + num(d.content.etpSalaries) + num(d.content.etpBenevoles), 0);
  const ateliers = input.declarations.reduce((s, d) => s + num(d.content.ateliersCollectifs), 0);

  const confidenceEvolutions = input.indicatorValues.filter((v) => v.indicatorId === 'impact.confiance' && v.dimension === 'evolution' && v.value !== null);
  const confidenceGained = confidenceEvolutions.filter((v) => (v.value ?? 0) > 0).length;

  const figures: Record<string, Figure[]> = {
    ressources: [{ indicatorId: 'ressources.etp', value: input.declarations.length ? etp : null, n: input.declarations.length, denominator: null }],
    activites: [{ indicatorId: 'activites.ateliers', value: input.declarations.length ? ateliers : null, n: input.declarations.length, denominator: null }],
    realisations: [
      { indicatorId: 'realisations.jeunes_accompagnes', value: new Set(active.map((m) => m.youngPersonId)).size, n: active.length, denominator: null },
      { indicatorId: 'realisations.duree_moyenne', value: mean(durations), n: durations.length, denominator: null },
    ],
    resultats: [
      { indicatorId: 'resultats.clotures', value: ended.length, n: ended.length, denominator: null },
      { indicatorId: 'resultats.objectif_atteint', value: share(reached, ended.length), n: reached, denominator: ended.length },
    ],
    impact: [{ indicatorId: 'impact.confiance', value: share(confidenceGained, confidenceEvolutions.length), n: confidenceGained, denominator: confidenceEvolutions.length }],
  };
  return { year, mentorshipsClosed: ended.length, figures };
}
