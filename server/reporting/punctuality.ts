/** Reporting punctuality: pure, on small tables (periods × associations × confirmations). */

export type ReportingStatus = 'a_temps' | 'en_retard' | 'manquant' | 'a_venir' | 'non_concerne';

export interface PunctualityInput {
  periods: { id: string; dueOn: string }[];
  /** `since`: first day of the partnership; deadlines before it do not count. */
  associations: { id: number; name: string; since?: string | null }[];
  /** `confirmedOn`: the Paris calendar day of the first confirmation. */
  confirmations: { associationId: number; period: string; confirmedOn: string }[];
  today: string;
}

export interface PunctualityRow {
  associationId: number;
  associationName: string;
  cells: { period: string; dueOn: string; status: ReportingStatus; confirmedOn: string | null }[];
  onTime: number;
  late: number;
  missing: number;
  /** Deadlines passed or already met: what the rate is a share of. */
  denominator: number;
  /** onTime / denominator; null when nothing was due yet. */
  rate: number | null;
}

export function reportingStatus(dueOn: string, confirmedOn: string | null, today: string): ReportingStatus {
  if (confirmedOn !== null) return confirmedOn <= dueOn ? 'a_temps' : 'en_retard';
  return today > dueOn ? 'manquant' : 'a_venir';
}

export function punctuality(input: PunctualityInput): PunctualityRow[] {
  const confirmed = new Map(input.confirmations.map((c) => [`${c.associationId}|${c.period}`, c.confirmedOn]));
  return input.associations.map((association) => {
    const cells = input.periods.map((p) => {
      const confirmedOn = confirmed.get(`${association.id}|${p.id}`) ?? null;
      const notConcerned = confirmedOn === null && association.since != null && p.dueOn < association.since;
      return { period: p.id, dueOn: p.dueOn, status: notConcerned ? ('non_concerne' as const) : reportingStatus(p.dueOn, confirmedOn, input.today), confirmedOn };
    });
    const onTime = cells.filter((c) => c.status === 'a_temps').length;
    const late = cells.filter((c) => c.status === 'en_retard').length;
    const missing = cells.filter((c) => c.status === 'manquant').length;
    const denominator = onTime + late + missing;
    return { associationId: association.id, associationName: association.name, cells, onTime, late, missing, denominator, rate: denominator === 0 ? null : onTime / denominator };
  });
}
