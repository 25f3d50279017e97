import { z } from 'zod';
import { ReportCell } from '../cell-schema.ts';
import type { StaffContext } from '../../context.ts';
import { loadIndicatorValues } from '../facts.ts';
import { AssociationFilter, ReportYear, resolveScope } from '../scope.ts';
import { splitByRelationship, type BandSplit } from './compute.ts';
import { protectedYear } from '../protection/query.ts';

export const RelationshipParameters = z.strictObject({ year: ReportYear, association: AssociationFilter });
export type RelationshipParameters = z.infer<typeof RelationshipParameters>;

export interface RelationshipResult {
  year: number;
  k: number;
  /** Set when no young person answered the relationship questions that year (indicator not selected, or no answer). */
  message: string | null;
  splits: BandSplit[];
}

export const RELATIONSHIP_NOTE =
  'Lecture descriptive : la part des jeunes qui ont progressé grâce au mentorat, selon la qualité de la relation qu’ils décrivent eux-mêmes. Un écart entre niveaux ne prouve pas que la relation en est la cause.';

export function relationshipReport(ctx: StaffContext, params: RelationshipParameters): RelationshipResult {
  const scope = resolveScope(ctx, params.association);
  const values = loadIndicatorValues(ctx, scope, [params.year], ['realisations.qualite_relation'], [['realisations.qualite_relation', 'score']]);
  const scored = values.some((v) => v.indicatorId === 'realisations.qualite_relation' && v.dimension === 'score' && v.audience === 'youth');
  // The tables are cells of the department's protected source (one verdict whichever association is read).
  const source = protectedYear(ctx, scope, params.year);
  return {
    year: params.year,
    k: scope.k,
    message: scored
      ? null
      : `Aucun jeune n’a répondu aux questions sur la relation avec son mentor en ${params.year} : l’indicateur « Qualité de la relation » n’était pas choisi, ou aucun questionnaire n’est encore revenu.`,
    splits: scored ? splitByRelationship([], scope.k, { source, associationId: scope.associationId }) : [],
  };
}

const Cell = ReportCell;
export const RelationshipResponse = z.object({
  year: z.number(),
  k: z.number(),
  message: z.string().nullable(),
  splits: z.array(
    z.object({
      indicatorId: z.string(),
      label: z.string(),
      total: Cell,
      rows: z.array(z.object({ key: z.string(), label: z.string(), answered: Cell, yes: Cell, share: Cell })),
    }),
  ),
});
