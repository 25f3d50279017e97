import { asc, eq } from 'drizzle-orm';
import { departmentAssociations } from '../../../db/schema/index.ts';
import type { StaffContext } from '../../context.ts';
import { badRequest } from '../../errors.ts';
import { loadIndicatorValues, loadLinks, loadMentors, loadMentorships } from '../facts.ts';
import { ANSWER_SLICES } from './answers.ts';
import { loadEndedRows } from '../non-response/facts.ts';
import type { ReportScope } from '../scope.ts';
import { declareYears } from './catalogue.ts';
import type { ProtectedSource, ProtectedView } from './source.ts';
import { today } from '../../time.ts';
import { loadCalendar } from '../../reporting/calendar.ts';
import { periodById, type CalendarSettings } from '../../reporting/periods.ts';

/** The months or quarters of a year in the department's calendar. */
function periodsOfYear(calendar: CalendarSettings, year: number) {
  const ids = calendar.rhythm === 'mensuel' ? Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`) : [1, 2, 3, 4].map((q) => `${year}-T${q}`);
  return ids.map((id) => periodById(calendar, id)).filter((p) => p !== null);
}

/** Years a department's ledger spans at most (a guard on the cost; older years read as empty). */
export const MAX_YEARS = 30;

/**
 * Ledgers kept between requests, per database: a department's ledger is rebuilt only after a write. The key holds
 * SQLite's count of rows changed on this connection and its data version (bumped by a commit from any other
 * connection), so any write — here or from another process — invalidates it; and the day, which moves ages and
 * the current year. A few departments at most are kept (the most recently read).
 */
const cache = new WeakMap<object, Map<string, Map<number, ProtectedSource>>>();
const KEPT_DEPARTMENTS = 3;

/** Drops the kept ledgers of a database (the benchmark measures a cold build). */
export function forgetProtectedLedgers(sqlite: object): void {
  cache.delete(sqlite);
}

function dataVersion(ctx: StaffContext): string {
  const changes = (ctx.sqlite.prepare('SELECT total_changes() AS c').get() as { c: number }).c;
  return `${changes}.${String(ctx.sqlite.pragma('data_version', { simple: true }))}`;
}

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
  let kept = cache.get(ctx.sqlite);
  if (!kept) cache.set(ctx.sqlite, (kept = new Map()));
  const now = today(ctx);
  const key = `${scope.departmentId}|${scope.k}|${now}|${dataVersion(ctx)}`;
  const hit = kept.get(key);
  if (hit) {
    kept.delete(key);
    kept.set(key, hit);
    return hit;
  }
  const last = Number(now.slice(0, 4));
  const first = Math.max(last - MAX_YEARS + 1, Math.min(firstDataYear(ctx, { departmentId: scope.departmentId, associationId: null }) ?? last, last));
  const department = { ...scope, associationId: null };
  const calendar = loadCalendar(ctx.db, scope.departmentId);
  const associationIds = ctx.db
    .select({ id: departmentAssociations.associationId })
    .from(departmentAssociations)
    .where(eq(departmentAssociations.departmentId, scope.departmentId))
    .orderBy(asc(departmentAssociations.associationId))
    .all()
    .map((a) => a.id);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const sources = declareYears({
    years,
    k: scope.k,
    today: now,
    associationIds,
    lists: scope.lists,
    territories: scope.territories,
    mentorships: loadMentorships(ctx, department, { from: `${first - 1}-01-01`, to: `${last}-12-31` }),
    links: loadLinks(ctx, department, { from: `${first}-01-01`, to: `${last}-12-31` }),
    mentors: loadMentors(ctx, department),
    answers: loadIndicatorValues(ctx, department, years, undefined, ANSWER_SLICES),
    endedRows: loadEndedRows(ctx, scope.departmentId, `${first}-01-01`, `${last}-12-31`),
    cotechPeriods: (year) => periodsOfYear(calendar, year),
  });
  for (const old of [...kept.keys()]) if (old.startsWith(`${scope.departmentId}|${scope.k}|`)) kept.delete(old);
  kept.set(key, sources);
  while (kept.size > KEPT_DEPARTMENTS) kept.delete(kept.keys().next().value!);
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
  const calendar = loadCalendar(ctx.db, scope.departmentId);
  return declareYears({ years: [year], k: scope.k, today: today(ctx), associationIds, lists: scope.lists, territories: scope.territories, mentorships: [], links: [], cotechPeriods: (y) => periodsOfYear(calendar, y) }).get(year)!;
}

/** The caller's view of a department-year: its association, or the department. */
export function protectedView(ctx: StaffContext, scope: ReportScope, year: number): ProtectedView {
  return protectedYear(ctx, scope, year).view(scope.associationId);
}

/** Sources of several years (evolution, comparisons): all from the department's one ledger. */
export function protectedYears(ctx: StaffContext, scope: ReportScope, years: readonly number[]): Map<number, ProtectedSource> {
  return new Map(years.map((y) => [y, protectedYear(ctx, scope, y)]));
}
