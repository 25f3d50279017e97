/**
 * Impact indicators read by relationship-quality band (descriptive, not causal): among the young people who
 * answered both the relationship questions and an impact question, the share who progressed thanks to the
 * mentoring, per band of their own relationship score. Each indicator is one cross table (band × yes / no) with its
 * margins, suppressed as a whole. Pure: indicator values in, suppressed tables out.
 */
import { RELATIONSHIP_BANDS, RELATIONSHIP_SCORE, relationshipBand } from '../../../surveys/blocks/relation.ts';
import { getIndicator } from '../../../surveys/catalogue.ts';
import type { IndicatorFact } from '../facts.ts';
import { select } from '../measures.ts';
import { isSuppressed, SUPPRESSED, suppressCrossTable, type CountCell, type ValueCell } from '../suppression.ts';

export const SPLIT_INDICATORS = ['impact.confiance', 'impact.notes', 'impact.stage', 'impact.competences_psychosociales'] as const;
const FACETS = ['prise_de_parole', 'personne_ressource', 'liens', 'decouverte'];

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

/** responseId → true (progressed thanks to the mentoring / found) or false, for those who answered the question. */
export function impactOutcomes(values: readonly IndicatorFact[], indicatorId: string): Map<number, boolean> {
  const out = new Map<number, boolean>();
  const fromPair = (prefix: string) => {
    const thanks = new Set(select(values, indicatorId, `${prefix}grace_au_mentorat`, 'youth').filter((v) => v.value === 1).map((v) => v.responseId));
    for (const v of select(values, indicatorId, `${prefix}evolution`, 'youth')) {
      if (v.value === null) continue;
      out.set(v.responseId, (out.get(v.responseId) ?? false) || (v.value > 0 && thanks.has(v.responseId)));
    }
  };
  if (indicatorId === 'impact.stage') {
    for (const v of select(values, indicatorId, 'trouve', 'youth')) if (v.value !== null) out.set(v.responseId, v.value === 1);
  } else if (indicatorId === 'impact.competences_psychosociales') {
    for (const facet of FACETS) fromPair(`${facet}.`);
  } else {
    fromPair('');
  }
  return out;
}

export function splitByRelationship(values: readonly IndicatorFact[], k: number): BandSplit[] {
  const band = new Map<number, string>();
  for (const v of select(values, RELATIONSHIP_SCORE.indicatorId, RELATIONSHIP_SCORE.dimension, 'youth')) {
    const b = relationshipBand(v.value);
    if (b) band.set(v.responseId, b);
  }
  return SPLIT_INDICATORS.map((indicatorId) => {
    const counts = RELATIONSHIP_BANDS.map(() => [0, 0]);
    for (const [responseId, yes] of impactOutcomes(values, indicatorId)) {
      const b = band.get(responseId);
      if (!b) continue;
      counts[RELATIONSHIP_BANDS.findIndex((x) => x.key === b)]![yes ? 0 : 1]!++;
    }
    const table = suppressCrossTable(
      RELATIONSHIP_BANDS.map((b) => ({ key: b.key, label: b.label })),
      [
        { key: 'oui', label: 'A progressé grâce au mentorat' },
        { key: 'non', label: 'Non' },
      ],
      counts,
      k,
    );
    return {
      indicatorId,
      label: getIndicator(indicatorId)?.label ?? indicatorId,
      total: table.total,
      rows: RELATIONSHIP_BANDS.map((b, i) => {
        const answered = table.rowTotals[i]!;
        const yes = table.cells[i]![0]!;
        const [y, n] = counts[i]!;
        const share: ValueCell = y! + n! === 0 ? null : isSuppressed(answered) || isSuppressed(yes) || isSuppressed(table.cells[i]![1]!) ? SUPPRESSED : y! / (y! + n!);
        return { key: b.key, label: b.label, answered, yes, share };
      }),
    };
  });
}
