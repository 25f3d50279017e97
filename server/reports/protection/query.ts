import { asc, eq } from 'drizzle-orm';
import { departmentAssociations } from '../../../db/schema/index.ts';
import type { StaffContext } from '../../context.ts';
import { loadLinks, loadMentorships, yearPeriod, type LinkFact, type MentorshipFact } from '../facts.ts';
import type { ReportScope } from '../scope.ts';
import { declareYear } from './catalogue.ts';
import type { ProtectedSource, ProtectedView } from './source.ts';
import { today } from '../../time.ts';

// One source per department-year and threshold, built once per request (a workbook reads five reports).
const cache = new WeakMap<object, Map<string, ProtectedSource>>();

/**
 * The protected source of a department-year, always built from the whole department (every association),
 * whichever association the caller reads: that is what makes a verdict independent of the filter.
 * `preloaded`: department-wide rows the report already holds (mentorships covering year − 1 and year).
 */
export function protectedYear(ctx: StaffContext, scope: ReportScope, year: number, preloaded?: { mentorships?: readonly MentorshipFact[]; links?: readonly LinkFact[] }): ProtectedSource {
  let perCtx = cache.get(ctx);
  if (!perCtx) cache.set(ctx, (perCtx = new Map()));
  const key = `${scope.departmentId}|${year}|${scope.k}`;
  const hit = perCtx.get(key);
  if (hit) return hit;
  const department = { ...scope, associationId: null };
  const associationIds = ctx.db
    .select({ id: departmentAssociations.associationId })
    .from(departmentAssociations)
    .where(eq(departmentAssociations.departmentId, scope.departmentId))
    .orderBy(asc(departmentAssociations.associationId))
    .all()
    .map((a) => a.id);
  const source = declareYear({
    year,
    k: scope.k,
    today: today(ctx),
    associationIds,
    lists: scope.lists,
    territories: scope.territories,
    mentorships: preloaded?.mentorships ?? loadMentorships(ctx, department, { from: `${year - 1}-01-01`, to: `${year}-12-31` }),
    links: preloaded?.links ?? loadLinks(ctx, department, yearPeriod(year)),
  });
  perCtx.set(key, source);
  return source;
}

/** The caller's view of a department-year: its association, or the department. */
export function protectedView(ctx: StaffContext, scope: ReportScope, year: number): ProtectedView {
  return protectedYear(ctx, scope, year).view(scope.associationId);
}

/**
 * Sources of several years (evolution): the department's rows are read once for the whole range and cut per
 * year exactly as `loadMentorships` / `loadLinks` would, so each year's source is the one every other screen gets.
 */
export function protectedYears(ctx: StaffContext, scope: ReportScope, years: readonly number[]): Map<number, ProtectedSource> {
  const out = new Map<number, ProtectedSource>();
  if (years.length === 0) return out;
  const first = Math.min(...years);
  const last = Math.max(...years);
  const department = { ...scope, associationId: null };
  const rows = loadMentorships(ctx, department, { from: `${first - 1}-01-01`, to: `${last}-12-31` });
  const links = loadLinks(ctx, department, { from: `${first}-01-01`, to: `${last}-12-31` });
  for (const y of years) {
    const from = `${y - 1}-01-01`;
    const to = `${y}-12-31`;
    const touching = rows.filter((m) => ((m.startedOn ?? m.appliedOn) !== null && (m.startedOn ?? m.appliedOn)! <= to) || (m.appliedOn !== null && m.appliedOn <= to));
    out.set(y, protectedYear(ctx, scope, y, { mentorships: touching.filter((m) => m.endedOn === null || m.endedOn >= from), links: links.filter((l) => l.endedOn?.startsWith(`${y}-`)) }));
  }
  return out;
}
