/**
 * Impact indicators read by relationship-quality band (descriptive, not causal): among the young people who
 * answered both the relationship questions and an impact question, the share who progressed thanks to the
 * mentoring, per band of their own relationship score. Each indicator is one cross table (band × yes / no) with its
 * margins, suppressed as a whole. Pure: indicator values in, suppressed tables out.
 */
import { RELATIONSHIP_BANDS } from '../../../surveys/blocks/relation.ts';
import { getIndicator } from '../../../surveys/catalogue.ts';
import type { IndicatorFact } from '../facts.ts';
import { isSuppressed, SUPPRESSED, type CountCell, type ValueCell } from '../suppression.ts';
import { answers, declareRelationshipSplits, SPLIT_INDICATORS } from '../protection/answers.ts';
import { ProtectedSource } from '../protection/source.ts';

export { impactOutcomes, SPLIT_INDICATORS } from '../protection/answers.ts';

export interface BandRow {
  key: string;
  label: string;
  /** Young people of the band who answered the impact question, and those among them who progressed. */
  answered: CountCell;
  yes: CountCell;
  share: ValueCell;
}
export interface BandSplit {
  indicatorId: string;
  label: string;
  rows: BandRow[];
  total: CountCell;
}

/**
 * The split tables read from a protected source (protection/answers.ts declares them, band × progressed, with
 * their margins): the department's ledger in the report, so that a band's count has one verdict whichever
 * association is read. Without a source (unit tests), one is built for the values given.
 */
export function splitByRelationship(values: readonly IndicatorFact[], k: number, from?: { source: ProtectedSource; associationId: number | null }): BandSplit[] {
  const source = from?.source ?? standaloneSource(values, k);
  const associationId = from?.associationId ?? null;
  return SPLIT_INDICATORS.map((indicatorId) => {
    const population = answers.split(indicatorId);
    const byBand = source.distribution(population, 'niveau', associationId);
    const crossed = source.distribution(population, 'croise', associationId);
    const cell = (key: string): CountCell => crossed.items.find((i) => i.key === key)?.count ?? 0;
    return {
      indicatorId,
      label: getIndicator(indicatorId)?.label ?? indicatorId,
      total: byBand.total,
      rows: RELATIONSHIP_BANDS.map((b) => {
        const answered = byBand.items.find((i) => i.key === b.key)?.count ?? 0;
        const yes = cell(`${b.key}|oui`);
        const no = cell(`${b.key}|non`);
        const share: ValueCell = answered === 0 ? null : isSuppressed(answered) || isSuppressed(yes) || isSuppressed(no) ? SUPPRESSED : (yes as number) / (answered as number);
        return { key: b.key, label: b.label, answered, yes, share };
      }),
    };
  });
}

function standaloneSource(values: readonly IndicatorFact[], k: number): ProtectedSource {
  const source = new ProtectedSource(k, [...new Set(values.map((v) => v.associationId))].sort((x, y) => x - y));
  declareRelationshipSplits(source, values, new Map(values.map((v) => [v.responseId, v.responseId])));
  return source.seal();
}
