/** Pure computation: where both the young person and the mentor answered, do they agree? */
import type { IndicatorFact } from '../facts.ts';
import { codeOf } from '../measures.ts';
import type { Measure } from '../measures.ts';
import { ProtectedSource } from '../protection/source.ts';

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

/** Names of the pairs' populations in the department's ledger. */
export const PAIRS = { objective: 'paires_objectif', frequency: 'paires_frequence' } as const;

function answersBy(values: readonly IndicatorFact[], dimension: string, audience: 'youth' | 'mentor'): Map<number, string> {
  const out = new Map<number, string>();
  for (const v of values) {
    if (v.audience !== audience || v.dimension !== dimension) continue;
    const code = codeOf(v);
    if (code && code !== 'ne_sait_pas') out.set(v.mentorshipId, code);
  }
  return out;
}

const YES_NO = [
  { key: 'oui', label: 'Oui' },
  { key: 'non', label: 'Non' },
];

/** Pairs (mentorships) where both the young person and the mentor answered, with the association of the answers. */
function pairsOf(values: readonly IndicatorFact[], indicatorId: string, dimension: string) {
  const facts = values.filter((v) => v.indicatorId === indicatorId);
  const youth = answersBy(facts, dimension, 'youth');
  const mentor = answersBy(facts, dimension, 'mentor');
  const association = new Map(facts.map((v) => [v.mentorshipId, v.associationId]));
  return [...youth].filter(([m]) => mentor.has(m)).map(([m, y]) => ({ id: m, associationId: association.get(m)!, youth: y, mentor: mentor.get(m)! }));
}

/**
 * The pairs of a year as populations of the department's ledger (units: the mentorships, so that a set of pairs
 * equal to another published set of mentorships is the same cell with one verdict). The associations' rows and
 * the « Toutes les associations » row are suppressed together with every other table of the department, so the
 * total minus the shown associations never gives a hidden one away, whichever association the reader filters on.
 * `values`: the year's answers, department-wide.
 */
export function declarePairs(source: ProtectedSource, values: readonly IndicatorFact[]): void {
  const objective = pairsOf(values, 'resultats.objectif_atteint', 'atteint');
  const frequency = pairsOf(values, 'realisations.frequence', 'frequence');
  const same = (p: { youth: string; mentor: string }) => (p.youth === p.mentor ? 'oui' : 'non');
  source.population(PAIRS.objective, 'm', objective, { accord: { keyOf: same, categories: YES_NO } });
  source.population(PAIRS.frequency, 'm', frequency, {
    accord: { keyOf: same, categories: YES_NO },
    proche: { keyOf: (p) => (Math.abs(FREQUENCY_ORDER.indexOf(p.youth) - FREQUENCY_ORDER.indexOf(p.mentor)) <= 1 ? 'oui' : 'non'), categories: YES_NO },
  });
}

/** The pairs of one year suppressed on their own (tests; the reports read the department's ledger). */
export function pairsSource(k: number, associationIds: readonly number[], values: readonly IndicatorFact[]): ProtectedSource {
  const source = new ProtectedSource(k, associationIds);
  declarePairs(source, values);
  return source.seal();
}

export function agreement(source: ProtectedSource, associationId: number | null): Agreement {
  const measure = (population: string, dimension: string): Measure => {
    const s = source.share(population, dimension, 'oui', associationId);
    return { value: s.value, n: s.numerator, denominator: s.denominator };
  };
  return { objective: measure(PAIRS.objective, 'accord'), frequency: measure(PAIRS.frequency, 'accord'), frequencyClose: measure(PAIRS.frequency, 'proche') };
}

/** `source`: the department-year's protected source (the same whatever the reader sees). */
export function computePairs(input: { associations: readonly { id: number; name: string }[]; source: ProtectedSource; withTotal: boolean }): PairsRow[] {
  const rows: PairsRow[] = input.associations.map((a) => ({ associationId: a.id, label: a.name, agreement: agreement(input.source, a.id) }));
  if (input.withTotal) rows.push({ associationId: null, label: 'Toutes les associations', agreement: agreement(input.source, null) });
  return rows;
}
