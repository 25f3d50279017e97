/** Pure computations of the year-over-year report: key indicators over the years, associations compared. */
import { getIndicator, type IndicatorId } from '../../../surveys/catalogue.ts';
import type { Measure } from '../measures.ts';
import { SMALL_SAMPLE, wilsonInterval, type Interval } from '../stats.ts';
import { isSuppressed } from '../suppression.ts';
import { computeYear, type ValueChainFacts } from '../value-chain/compute.ts';

export interface SeriesPoint {
  year: number;
  measure: Measure;
  /** 95 % Wilson interval, for a share whose counts may be shown. */
  interval: Interval | null;
  /** Fewer than 30 units behind a share or a mean: read with care (never set on a plain count). */
  smallSample: boolean;
  /** Nothing recorded for the figure that year: "pas de données", never drawn as 0. */
  noData: boolean;
}
export interface Series {
  indicatorId: string;
  label: string;
  unit: string;
  points: SeriesPoint[];
}
export interface WordingChange {
  indicatorId: string;
  audience: 'youth' | 'mentor';
  /** The first year whose questionnaire words the indicator differently from the year before. */
  year: number;
}

const ESTIMATE_UNITS = new Set(['part', 'moyenne', 'score', 'duree_jours', 'ratio']);

export function point(year: number, measure: Measure, unit = 'part'): SeriesPoint {
  const n = measure.denominator ?? measure.n;
  const count = typeof n === 'number' ? n : null;
  let interval: Interval | null = null;
  if (measure.denominator !== null && typeof measure.value === 'number' && typeof measure.n === 'number' && typeof measure.denominator === 'number') {
    interval = wilsonInterval(measure.n, measure.denominator);
  }
  // A plain count is the figure itself, not a sample: the marker is for shares and means only.
  const estimate = measure.denominator !== null || ESTIMATE_UNITS.has(unit);
  return {
    year,
    measure,
    interval,
    smallSample: estimate && (isSuppressed(n) || (count !== null && count > 0 && count < SMALL_SAMPLE)),
    noData: measure.value === null,
  };
}

export function seriesFor(facts: ValueChainFacts, years: readonly number[], ids: readonly string[]): Series[] {
  // Each year only needs its own answers and declarations, and the mentorships touching it and the year before.
  const perYear = years.map((y) => {
    const from = `${y - 1}-01-01`;
    const to = `${y}-12-31`;
    const slice: ValueChainFacts = {
      ...facts,
      light: true,
      year: y,
      mentorships: facts.mentorships.filter((m) => (m.startedOn ?? m.appliedOn ?? '') <= to && (m.endedOn === null || m.endedOn >= from)),
      indicatorValues: facts.indicatorValues.filter((v) => v.year === y),
      declarations: facts.declarations.filter((d) => d.year === y),
    };
    return { y, figures: computeYear(slice, y).figures };
  });
  return ids.map((id) => {
    const ind = getIndicator(id);
    return {
      indicatorId: id,
      label: ind?.label ?? id,
      unit: ind?.unit ?? 'nombre',
      points: perYear.map(({ y, figures }) => point(y, figures.get(id as IndicatorId)?.main ?? { value: null, n: null, denominator: null }, ind?.unit ?? 'nombre')),
    };
  });
}

/** Per audience, the years where the wording behind the indicator differs from the previous year that had answers. */
export function wordingChanges(wordingsByYear: ReadonlyMap<number, ReadonlyMap<string, ReadonlySet<string>>>, indicatorIds: readonly string[]): WordingChange[] {
  const out: WordingChange[] = [];
  const years = [...wordingsByYear.keys()].sort((a, b) => a - b);
  for (const id of indicatorIds) {
    for (const audience of ['youth', 'mentor'] as const) {
      let previous: ReadonlySet<string> | null = null;
      for (const y of years) {
        const current = wordingsByYear.get(y)?.get(`${audience}|${id}`);
        if (!current || current.size === 0) continue;
        const differs = previous !== null && (current.size !== previous.size || [...current].some((w) => !previous!.has(w)));
        // Two versions within one year also mean the figure mixes wordings.
        if (differs || current.size > 1) out.push({ indicatorId: id, audience, year: y });
        previous = current;
      }
    }
  }
  return out;
}

