/** Pure computation: where both the young person and the mentor answered, do they agree? */
import type { IndicatorFact } from '../facts.ts';
import { codeOf } from '../measures.ts';
import { shareMeasure, type Measure } from '../measures.ts';

const FREQUENCY_ORDER = ['plusieurs_par_semaine', 'chaque_semaine', 'deux_par_mois', 'une_par_mois', 'moins'];

export interface Agreement {
  /** Same answer (oui / en partie / non) on the objective being reached, among pairs where both gave one. */
  objective: Measure;
  /** Same frequency of meetings. */
  frequency: Measure;
  /** Frequencies at most one step apart (e.g. "every week" and "twice a month"). */
  frequencyClose: Measure;
}
export interface PairsRow {
  associationId: number | null;
  label: string;
  agreement: Agreement;
}

function answersBy(values: readonly IndicatorFact[], dimension: string, audience: 'youth' | 'mentor'): Map<number, string> {
  const out = new Map<number, string>();
  for (const v of values) {
    if (v.audience !== audience || v.dimension !== dimension) continue;
    const code = codeOf(v);
    if (code && code !== 'ne_sait_pas') out.set(v.mentorshipId, code);
  }
  return out;
}

export function agreement(values: readonly IndicatorFact[], k: number): Agreement {
  const objective = values.filter((v) => v.indicatorId === 'resultats.objectif_atteint');
  const frequency = values.filter((v) => v.indicatorId === 'realisations.frequence');
  const pairsOf = (facts: IndicatorFact[], dimension: string) => {
    const youth = answersBy(facts, dimension, 'youth');
    const mentor = answersBy(facts, dimension, 'mentor');
    return [...youth].filter(([m]) => mentor.has(m)).map(([m, y]) => [y, mentor.get(m)!] as const);
  };
  const o = pairsOf(objective, 'atteint');
  const fq = pairsOf(frequency, 'frequence');
  const close = fq.filter(([a, b]) => Math.abs(FREQUENCY_ORDER.indexOf(a) - FREQUENCY_ORDER.indexOf(b)) <= 1).length;
  return {
    objective: shareMeasure(o.filter(([a, b]) => a === b).length, o.length, k),
    frequency: shareMeasure(fq.filter(([a, b]) => a === b).length, fq.length, k),
    frequencyClose: shareMeasure(close, fq.length, k),
  };
}

export function computePairs(input: { k: number; associations: { id: number; name: string }[]; values: IndicatorFact[]; withTotal: boolean }): PairsRow[] {
  const rows: PairsRow[] = input.associations.map((a) => ({ associationId: a.id, label: a.name, agreement: agreement(input.values.filter((v) => v.associationId === a.id), input.k) }));
  if (input.withTotal) rows.push({ associationId: null, label: 'Toutes les associations', agreement: agreement(input.values, input.k) });
  return rows;
}
