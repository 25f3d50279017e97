import { asc, eq } from 'drizzle-orm';
import { departmentAssociations } from '../../../db/schema/index.ts';
import type { StaffContext } from '../../context.ts';
import { badRequest } from '../../errors.ts';
import { loadLinks, loadMentorships } from '../facts.ts';
import type { ReportScope } from '../scope.ts';
import { declareYears } from './catalogue.ts';
import type { ProtectedSource, ProtectedView } from './source.ts';
import { today } from '../../time.ts';

/** Years a department's ledger spans at most (a guard on the cost; older years read as empty). */
export const MAX_YEARS = 30;

// One ledger per department and threshold, built once per request (a workbook reads five reports).
const cache = new WeakMap<object, Map<string, Map<number, ProtectedSource>>>();

/** The first year the department (or one association of it) has data for: steering table or submitted declaration. */
export function firstDataYear(ctx: StaffContext, scope: Pick<ReportScope, 'departmentId' | 'associationId'>): number | null {
  const association = scope.associationId === null ? '' : ' AND association_id = ?';
  const args = scope.associationId === null ? [scope.departmentId] : [scope.departmentId, scope.associationId];
  const row = ctx.sqlite
    .prepare(
      `SELECT min(y) AS y FROM (
        SELECT CAST(min(substr(coalesce(applied_on, started_on, ended_on), 1, 4)) AS INTEGER) AS y FROM mentorships WHERE department_id = ?${association}
        UNION ALL SELECT min(year) FROM declarations WHERE department_id = ? AND state = 'soumise'${association})`,
    )
    .get(...args, ...args) as { y: string | number | null };
  return row.y === null ? null : Number(row.y);
}

/**
 * The protected sources of every year of a department, on one ledger sealed in one pass (see declareYears): a
 * year's verdicts never depend on which report, filter or other year asks for it. Always built from the whole
 * department (every association), whichever association the caller reads, from its first year of data to the
 * current one. A year after the current one is refused: adding it would change the verdicts of the others.
 */
export function protectedDepartment(ctx: StaffContext, scope: ReportScope): Map<number, ProtectedSource> {
  let perCtx = cache.get(ctx);
  if (!perCtx) cache.set(ctx, (perCtx = new Map()));
  const key = `${scope.departmentId}|${scope.k}`;
  const hit = perCtx.get(key);
  if (hit) return hit;
  const now = today(ctx);
  const last = Number(now.slice(0, 4));
  const first = Math.max(last - MAX_YEARS + 1, Math.min(firstDataYear(ctx, { departmentId: scope.departmentId, associationId: null }) ?? last, last));
  const department = { ...scope, associationId: null };
  const associationIds = ctx.db
    .select({ id: departmentAssociations.associationId })
    .from(departmentAssociations)
    .where(eq(departmentAssociations.departmentId, scope.departmentId))
    .orderBy(asc(departmentAssociations.associationId))
    .all()
    .map((a) => a.id);
  const sources = declareYears({
    years: Array.from({ length: last - first + 1 }, (_, i) => first + i),
    k: scope.k,
    today: now,
    associationIds,
    lists: scope.lists,
    territories: scope.territories,
    mentorships: loadMentorships(ctx, department, { from: `${first - 1}-01-01`, to: `${last}-12-31` }),
    links: loadLinks(ctx, department, { from: `${first}-01-01`, to: `${last}-12-31` }),
  });
  perCtx.set(key, sources);
  return sources;
}

/** The protected source of one department-year (a year before the ledger's first is empty: nothing to protect). */
export function protectedYear(ctx: StaffContext, scope: ReportScope, year: number): ProtectedSource {
  const sources = protectedDepartment(ctx, scope);
  const source = sources.get(year);
  if (source) return source;
  const last = Math.max(...sources.keys());
  if (year > last) throw badRequest(`L’année ${year} n’est pas encore commencée : choisissez une année jusqu’à ${last}.`);
  const associationIds = sources.get(last)!.associationIds;
  return declareYears({ years: [year], k: scope.k, today: today(ctx), associationIds, lists: scope.lists, territories: scope.territories, mentorships: [], links: [] }).get(year)!;
}

/** The caller's view of a department-year: its association, or the department. */
export function protectedView(ctx: StaffContext, scope: ReportScope, year: number): ProtectedView {
  return protectedYear(ctx, scope, year).view(scope.associationId);
}

/** Sources of several years (evolution, comparisons): all from the department's one ledger. */
export function protectedYears(ctx: StaffContext, scope: ReportScope, years: readonly number[]): Map<number, ProtectedSource> {
  return new Map(years.map((y) => [y, protectedYear(ctx, scope, y)]));
}
