import { z } from 'zod';
import type { StaffContext } from '../../context.ts';
import { AssociationFilter, Compare, ReportYear, resolveScope } from '../scope.ts';
import type { Purpose } from '../protection/masking.ts';
import { protectedYear } from '../protection/query.ts';
import { computeResponseRates, LOW_RATE, type RateRow } from './compute.ts';

export const ResponseRateParameters = z.strictObject({ year: ReportYear, association: AssociationFilter, compare: Compare });
export type ResponseRateParameters = z.infer<typeof ResponseRateParameters>;
export interface ResponseRateResult {
  year: number;
  k: number;
  lowRateThreshold: number;
  rows: RateRow[];
  associations: { id: number; name: string }[];
}

export function responseRateReport(ctx: StaffContext, params: ResponseRateParameters, purpose: Purpose = 'screen'): ResponseRateResult {
  const scope = resolveScope(ctx, params.association, purpose);
  const years = params.compare === 'previous' ? [params.year, params.year - 1] : [params.year];
  const sources = new Map(years.map((y) => [y, protectedYear(ctx, scope, y)]));
  const shown = scope.associationId === null ? scope.associations : scope.associations.filter((a) => a.id === scope.associationId);
  return {
    year: params.year,
    k: scope.k,
    lowRateThreshold: LOW_RATE,
    rows: computeResponseRates({ years, associations: shown, sources, withTotal: scope.associationId === null && shown.length > 1 }),
    associations: scope.associations,
  };
}
