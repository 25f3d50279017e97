/**
 * The Cotech's tables as populations of the department's protected source: each period of the department's
 * calendar (month or quarter) has its mentorships in progress at its end, started, closed, and its applications
 * by age group and placement type. Declared on the same ledger as the year's reports, so that "in progress at the
 * end of the fourth quarter" and "in progress on 31 December", or four quarters and their year, get one verdict.
 */
import { AGE_GROUPS, ageAt, ageGroup } from '../../cotech/profiles.ts';
import type { ProtectedSource } from './source.ts';

export interface CotechPeriod {
  id: string;
  start: string;
  end: string;
}

export interface CotechUnit {
  id: number;
  associationId: number;
  status: string;
  appliedOn: string | null;
  startedOn: string | null;
  endedOn: string | null;
  birthMonth: string | null;
  placementType: string | null;
}

export type CotechCount = 'enCours' | 'commences' | 'clotures' | 'candidatures';
export const cotechPopulation = (periodId: string, what: CotechCount) => `cotech:${periodId}:${what}`;

const inRange = (d: string | null, p: CotechPeriod) => d !== null && d >= p.start && d <= p.end;
const started = (m: CotechUnit) => m.status !== 'candidature' && m.startedOn !== null;

/** `wholeYear`: the periods are the whole year's (the department's calendar), so that they add up to it. */
export function declareCotech(source: ProtectedSource, year: number, periods: readonly CotechPeriod[], units: readonly CotechUnit[], placements: readonly { code: string; label: string }[], wholeYear = true): void {
  const known = new Set(placements.map((p) => p.code));
  const periodOf = (d: string | null) => periods.find((p) => inRange(d, p))?.id ?? null;
  const periode = { categories: periods.map((p) => ({ key: p.id, label: p.id })) };
  const inYear = (d: string | null) => d !== null && d.startsWith(`${year}-`);
  // The year's starts, ends and applications split by period: the periods add up to the year.
  if (wholeYear) source.population(`cotech:${year}:commences`, 'm', units.filter((m) => started(m) && inYear(m.startedOn)), { periode: { ...periode, keyOf: (m) => periodOf(m.startedOn) } }, { auxiliary: true });
  if (wholeYear) source.population(`cotech:${year}:clotures`, 'm', units.filter((m) => inYear(m.endedOn)), { periode: { ...periode, keyOf: (m) => periodOf(m.endedOn) } }, { auxiliary: true });
  if (wholeYear) source.population(`cotech:${year}:candidatures`, 'm', units.filter((m) => inYear(m.appliedOn)), { periode: { ...periode, keyOf: (m) => periodOf(m.appliedOn) } }, { auxiliary: true });
  for (const p of periods) {
    // Running at some point of the period = in progress at the previous period's end + started in it = in progress
    // at its end + ended in it: the flow a reader writes by chaining two periods, stated as lines.
    source.population(`cotech:${p.id}:actifs`, 'm', units.filter((m) => started(m) && m.startedOn! <= p.end && (m.endedOn === null || m.endedOn >= p.start)), {
      depuis: { keyOf: (m) => (m.startedOn! < p.start ? 'poursuivi' : 'demarre'), categories: [{ key: 'poursuivi', label: 'En cours avant' }, { key: 'demarre', label: 'Commencés' }] },
      suite: { keyOf: (m) => (m.endedOn === null || m.endedOn > p.end ? 'en_cours' : 'clos'), categories: [{ key: 'en_cours', label: 'En cours à la fin' }, { key: 'clos', label: 'Terminés' }] },
    }, { auxiliary: true });
    source.population(cotechPopulation(p.id, 'enCours'), 'm', units.filter((m) => started(m) && m.startedOn! <= p.end && (m.endedOn === null || m.endedOn > p.end)), {});
    source.population(cotechPopulation(p.id, 'commences'), 'm', units.filter((m) => started(m) && inRange(m.startedOn, p)), {});
    source.population(cotechPopulation(p.id, 'clotures'), 'm', units.filter((m) => inRange(m.endedOn, p)), {});
    source.population(cotechPopulation(p.id, 'candidatures'), 'm', units.filter((m) => inRange(m.appliedOn, p)), {
      tranche_age: { keyOf: (m) => ageGroup(ageAt(m.birthMonth, m.appliedOn!)), categories: AGE_GROUPS.map((g) => ({ key: g, label: g })) },
      type_placement: { keyOf: (m) => (m.placementType !== null && known.has(m.placementType) ? m.placementType : null), categories: placements.map((pl) => ({ key: pl.code, label: pl.label })) },
    });
  }
}
