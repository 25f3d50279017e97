import { z } from 'zod';
import type { StaffContext } from '../../context.ts';
import { loadLinks } from '../facts.ts';
import { AssociationFilter, Compare, ReportYear, resolveScope } from '../scope.ts';
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

export function responseRateReport(ctx: StaffContext, params: ResponseRateParameters): ResponseRateResult {
  const scope = resolveScope(ctx, params.association);
  const years = params.compare === 'previous' ? [params.year, params.year - 1] : [params.year];
  const from = `${Math.min(...years)}-01-01`;
  const links = loadLinks(ctx, scope, { from, to: `${params.year}-12-31` });
  const shown = scope.associationId === null ? scope.associations : scope.associations.filter((a) => a.id === scope.associationId);
  return {
    year: params.year,
    k: scope.k,
    lowRateThreshold: LOW_RATE,
    rows: computeResponseRates({ years, k: scope.k, associations: shown, links, withTotal: scope.associationId === null && shown.length > 1 }),
    associations: scope.associations,
  };
}
