/** Figures with their n and denominator, already suppressed; and the registry helpers the reports share. */
import type { ListEntry } from './scope.ts';
import type { IndicatorFact, MentorshipFact } from './facts.ts';
import { mean } from './stats.ts';
import { guardValue, suppressCount, suppressDistribution, suppressShare, type CountCell, type Distribution, type ValueCell } from './suppression.ts';

export interface Measure {
  value: ValueCell;
  /** Units counted behind the figure (young people, mentorships, answers, declarations). */
  n: CountCell | null;
  /** What a share is a share of; null for counts, sums and means. */
  denominator: CountCell | null;
  /** For figures from the yearly declarations: how many submitted declarations they add up. */
  declarations?: number;
}

export const EMPTY: Measure = { value: null, n: null, denominator: null };

export function countMeasure(count: number, k: number): Measure {
  const cell = suppressCount(count, k);
  return { value: cell, n: cell, denominator: null };
}

export function shareMeasure(numerator: number, denominator: number, k: number): Measure {
  const s = suppressShare(numerator, denominator, k);
  return { value: s.value, n: s.numerator, denominator: s.denominator };
}

export function meanMeasure(values: readonly number[], k: number): Measure {
  const n = suppressCount(values.length, k);
  return { value: guardValue(mean(values), n, k), n, denominator: null };
}

/** Association-level figures from declarations (FTE, euros, workshops): about organisations, not people. */
export function plainMeasure(value: number | null, declarations: number): Measure {
  return { value, n: null, denominator: null, declarations };
}

// --- Registry helpers -------------------------------------------------------------------------------------

export const yearStart = (year: number) => `${year}-01-01`;
export const yearEnd = (year: number) => `${year}-12-31`;

/** Running at least one day of the year. */
export function activeDuring(m: MentorshipFact, year: number): boolean {
  return m.status !== 'candidature' && m.startedOn !== null && m.startedOn <= yearEnd(year) && (m.endedOn === null || m.endedOn >= yearStart(year));
}

/** Running on the given day (started on or before, not ended before). */
export function activeOn(m: MentorshipFact, date: string): boolean {
  return m.status !== 'candidature' && m.startedOn !== null && m.startedOn <= date && (m.endedOn === null || m.endedOn >= date);
}

export function endedIn(m: MentorshipFact, year: number): boolean {
  return m.endedOn !== null && m.endedOn >= yearStart(year) && m.endedOn <= yearEnd(year) && m.status !== 'en_cours' && m.status !== 'candidature';
}

export const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

export const AGE_GROUPS = [
  { key: 'moins_11', label: 'Moins de 11 ans' },
  { key: '11_14', label: '11 à 14 ans' },
  { key: '15_17', label: '15 à 17 ans' },
  { key: '18_21', label: '18 à 21 ans' },
  { key: '22_plus', label: '22 ans et plus' },
] as const;

/** Age in whole years on `date` from a birth month (the day is unknown: the 1st is assumed). */
export function ageOn(birthMonth: string | null, date: string): number | null {
  if (!birthMonth || !/^\d{4}-\d{2}$/.test(birthMonth)) return null;
  const [by, bm] = birthMonth.split('-').map(Number) as [number, number];
  const [y, m] = date.split('-').map(Number) as [number, number];
  return y - by - (m < bm ? 1 : 0);
}

export function ageGroup(age: number | null): string | null {
  if (age === null || age < 0) return null;
  if (age < 11) return 'moins_11';
  if (age <= 14) return '11_14';
  if (age <= 17) return '15_17';
  if (age <= 21) return '18_21';
  return '22_plus';
}

export const NOT_FILLED = { key: '_non_renseigne', label: 'Non renseigné' };

/**
 * Counts items by a key, in the order of the known categories, then unknown codes, then "not filled";
 * categories with no item are kept (a zero is information), and the result is suppressed as a line.
 */
export function distributionBy<T>(items: readonly T[], keyOf: (item: T) => string | null, categories: readonly { key: string; label: string }[], k: number): Distribution {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item) ?? NOT_FILLED.key;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const entries = categories.map((c) => ({ key: c.key, label: c.label, count: counts.get(c.key) ?? 0 }));
  for (const [key, count] of counts) {
    if (key === NOT_FILLED.key || categories.some((c) => c.key === key)) continue;
    entries.push({ key, label: key, count });
  }
  if (counts.has(NOT_FILLED.key)) entries.push({ ...NOT_FILLED, count: counts.get(NOT_FILLED.key)! });
  return suppressDistribution(entries, k);
}

export const listCategories = (list: readonly ListEntry[]) => list.map((e) => ({ key: e.code, label: e.label }));

/** School-level groups (Primaire, Collège…) in the order they first appear in the department's list. */
export function groupCategories(list: readonly ListEntry[]) {
  const groups: { key: string; label: string }[] = [];
  for (const e of list) if (e.group && !groups.some((g) => g.key === e.group)) groups.push({ key: e.group, label: e.group });
  return groups;
}

/** One entry per young person (their first mentorship in the list), for breakdowns of people, not rows. */
export function perYoungPerson(items: readonly MentorshipFact[]): MentorshipFact[] {
  const seen = new Map<number, MentorshipFact>();
  for (const m of items) if (!seen.has(m.youngPersonId)) seen.set(m.youngPersonId, m);
  return [...seen.values()];
}

// --- Questionnaire helpers ---------------------------------------------------------------------------------

/**
 * Dimensions whose `value_text` is a choice code the reports may count. Everything else in `value_text`
 * (a text answer mapped to an indicator) is never read, so free text cannot reach a report or an export.
 */
export const CODE_DIMENSIONS: Readonly<Record<string, readonly { key: string; label: string }[]>> = {
  frequence: [
    { key: 'plusieurs_par_semaine', label: 'Plusieurs fois par semaine' },
    { key: 'chaque_semaine', label: 'Une fois par semaine' },
    { key: 'deux_par_mois', label: 'Deux fois par mois' },
    { key: 'une_par_mois', label: 'Une fois par mois' },
    { key: 'moins', label: "Moins d'une fois par mois" },
  ],
  atteint: [
    { key: 'oui', label: 'Oui' },
    { key: 'en_partie', label: 'En partie' },
    { key: 'non', label: 'Non' },
    { key: 'ne_sait_pas', label: 'Ne sait pas' },
  ],
  motif_arret_categorie: [
    { key: 'binome', label: 'Arrêt lié au binôme' },
    { key: 'objectif', label: "L'objectif n'avançait pas" },
    { key: 'autre', label: 'Autre raison' },
  ],
};

export function codeOf(fact: IndicatorFact): string | null {
  const plain = fact.dimension.includes('.') ? fact.dimension.slice(fact.dimension.lastIndexOf('.') + 1) : fact.dimension;
  const codes = CODE_DIMENSIONS[plain];
  if (!codes || fact.valueText === null) return null;
  return codes.some((c) => c.key === fact.valueText) ? fact.valueText : null;
}

// A report asks for many (indicator, dimension, audience) slices of the same rows: index them once per array.
const sliceIndex = new WeakMap<readonly IndicatorFact[], Map<string, IndicatorFact[]>>();

export function select(values: readonly IndicatorFact[], indicatorId: string, dimension: string, audience?: 'youth' | 'mentor'): IndicatorFact[] {
  let index = sliceIndex.get(values);
  if (!index) {
    index = new Map();
    for (const v of values) {
      for (const key of [`${v.indicatorId}|${v.dimension}|${v.audience}`, `${v.indicatorId}|${v.dimension}|*`]) {
        const list = index.get(key);
        if (list) list.push(v);
        else index.set(key, [v]);
      }
    }
    sliceIndex.set(values, index);
  }
  return index.get(`${indicatorId}|${dimension}|${audience ?? '*'}`) ?? [];
}

/**
 * A before/now indicator: young people whose answer improved and who say it is thanks to the mentoring,
 * among those who answered both questions of the pair.
 */
export function thanksToMentoring(values: readonly IndicatorFact[], indicatorId: string, facet = ''): { numerator: number; denominator: number; evolutions: number[] } {
  const prefix = facet ? `${facet}.` : '';
  const evolutions = select(values, indicatorId, `${prefix}evolution`, 'youth').filter((v) => v.value !== null);
  const thanks = new Set(select(values, indicatorId, `${prefix}grace_au_mentorat`, 'youth').filter((v) => v.value === 1).map((v) => v.responseId));
  const numerator = evolutions.filter((v) => (v.value ?? 0) > 0 && thanks.has(v.responseId)).length;
  return { numerator, denominator: evolutions.length, evolutions: evolutions.map((v) => v.value!) };
}

/** Share of answers equal to `target` among answers with a value (e.g. "oui" = 1 among oui/en partie/non). */
export function valueShare(facts: readonly IndicatorFact[], target: number): { numerator: number; denominator: number } {
  const withValue = facts.filter((v) => v.value !== null);
  return { numerator: withValue.filter((v) => v.value === target).length, denominator: withValue.length };
}
