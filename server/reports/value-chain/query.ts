import { z } from 'zod';
import type { StaffContext } from '../../context.ts';
import { loadDeclarations, loadDeclarationStates, loadIndicatorValues, loadLinks, loadMentors, loadMentorships, yearPeriod } from '../facts.ts';
import { loadKeyIndicators } from '../key-indicators.ts';
import { AssociationFilter, Compare, ReportYear, resolveScope } from '../scope.ts';
import type { Purpose } from '../protection/masking.ts';
import { protectedYear } from '../protection/query.ts';
import { computeValueChain, type ValueChainComputed } from './compute.ts';
import { today } from '../../time.ts';

export const ValueChainParameters = z.strictObject({
  year: ReportYear,
  association: AssociationFilter,
  compare: Compare,
});
export type ValueChainParameters = z.infer<typeof ValueChainParameters>;

export type ValueChainResult = ValueChainComputed & {
  department: string;
  association: { id: number; name: string } | null;
  associations: { id: number; name: string }[];
};

/** Loads one department-year (scoped to the caller) and hands the rows to the pure computation. */
export function valueChainReport(ctx: StaffContext, params: ValueChainParameters, purpose: Purpose = 'screen'): ValueChainResult {
  const scope = resolveScope(ctx, params.association, purpose);
  const compare = params.compare === 'previous';
  // n-1 is always needed ("new young people vs n-1"); n-2 too when n-1 is shown.
  const firstYear = params.year - (compare ? 2 : 1);
  const years = compare ? [params.year - 1, params.year] : [params.year];
  const computed = computeValueChain({
    year: params.year,
    compare,
    k: scope.k,
    today: today(ctx),
    lists: scope.lists,
    territories: scope.territories,
    keyIndicatorIds: loadKeyIndicators(ctx, scope.departmentId, params.year),
    mentorships: loadMentorships(ctx, scope, { from: `${firstYear}-01-01`, to: `${params.year}-12-31` }),
    mentors: loadMentors(ctx, scope),
    indicatorValues: loadIndicatorValues(ctx, scope, years),
    declarations: loadDeclarations(ctx, scope, years),
    links: loadLinks(ctx, scope, yearPeriod(params.year)),
    declarationStates: loadDeclarationStates(ctx, scope, params.year),
    protection: (year) => protectedYear(ctx, scope, year).view(scope.associationId),
  });
  return {
    ...computed,
    department: scope.departmentName,
    association: scope.associationId === null ? null : { id: scope.associationId, name: scope.associationName ?? '' },
    associations: scope.associations,
  };
}
