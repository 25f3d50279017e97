import { z } from 'zod';
import type { StaffContext } from '../../context.ts';
import { AssociationFilter, ReportYear, resolveScope } from '../scope.ts';
import type { Purpose } from '../protection/masking.ts';
import { computePairs, type PairsRow } from './compute.ts';
import { protectedYear } from '../protection/query.ts';

export const PairsParameters = z.strictObject({ year: ReportYear, association: AssociationFilter });
export type PairsParameters = z.infer<typeof PairsParameters>;
export interface PairsResult {
  year: number;
  k: number;
  rows: PairsRow[];
}

export function pairsReport(ctx: StaffContext, params: PairsParameters, purpose: Purpose = 'screen'): PairsResult {
  const scope = resolveScope(ctx, params.association, purpose);
  // The department's ledger (every association, every year): an association's verdicts do not depend on who reads.
  const source = protectedYear(ctx, scope, params.year);
  const shown = scope.associationId === null ? scope.associations : scope.associations.filter((a) => a.id === scope.associationId);
  return { year: params.year, k: scope.k, rows: computePairs({ associations: shown, source, withTotal: scope.associationId === null && shown.length > 1 }) };
}
