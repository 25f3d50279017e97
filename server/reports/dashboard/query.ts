import { z } from 'zod';
import type { StaffContext } from '../../context.ts';
import { badRequest } from '../../errors.ts';
import { IsoDate } from '../../http/validation.ts';
import { AssociationFilter, ReportYear, resolveScope } from '../scope.ts';
import type { Purpose } from '../protection/masking.ts';
import { protectedYear } from '../protection/query.ts';
import { computeDashboard, type DashboardComputed } from './compute.ts';
import { today as parisToday } from '../../time.ts';

export const DashboardParameters = z.strictObject({
  year: ReportYear,
  association: AssociationFilter,
  /** Day of the "in progress" count; defaults to today in the current year, to 31 December otherwise. */
  date: IsoDate.optional(),
});
export type DashboardParameters = z.infer<typeof DashboardParameters>;
export type DashboardResult = DashboardComputed & { department: string; association: { id: number; name: string } | null; associations: { id: number; name: string }[] };

export function dashboardReport(ctx: StaffContext, params: DashboardParameters, purpose: Purpose = 'screen'): DashboardResult {
  const scope = resolveScope(ctx, params.association, purpose);
  const today = parisToday(ctx);
  const end = `${params.year}-12-31`;
  const date = params.date ?? (end < today ? end : today < `${params.year}-01-01` ? `${params.year}-01-01` : today);
  if (!date.startsWith(`${params.year}-`)) throw badRequest(`La date doit être dans l'année ${params.year}.`);
  const computed = computeDashboard({
    year: params.year,
    date,
    k: scope.k,
    lists: scope.lists,
    territories: scope.territories,
    associations: scope.associations,
    byAssociation: scope.associationId === null && ctx.actor.associationId === null,
    associationId: scope.associationId,
    today,
    source: protectedYear(ctx, scope, params.year),
    mentorships: [],
  });
  return {
    ...computed,
    department: scope.departmentName,
    association: scope.associationId === null ? null : { id: scope.associationId, name: scope.associationName ?? '' },
    associations: scope.associations,
  };
}
