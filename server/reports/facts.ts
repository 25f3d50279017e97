import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import { declarations, links, mentorships, responses, type Audience } from '../../db/schema/index.ts';
import type { StaffContext } from '../context.ts';
import { associationCondition, type ReportScope } from './scope.ts';

/**
 * The rows reports read, loaded by department (and association) through indexes led by `department_id`,
 * so that a report's cost follows the department's data, not the size of the database.
 */

export interface MentorshipFact {
  id: number;
  associationId: number;
  youngPersonId: number;
  mentorId: number | null;
  status: string;
  appliedOn: string | null;
  matchedOn: string | null;
  startedOn: string | null;
  endedOn: string | null;
  objective: string | null;
  modality: string | null;
  isRenewal: boolean;
  closureReason: string | null;
  sex: string | null;
  birthMonth: string | null;
  schoolLevel: string | null;
  placementType: string | null;
  territoryId: number | null;
}

/** A mentor of the associations in scope, with the training date the association recorded. */
export interface MentorFact {
  id: number;
  associationId: number;
  trainedOn: string | null;
}

export interface IndicatorFact {
  responseId: number;
  mentorshipId: number;
  associationId: number;
  year: number;
  audience: Audience;
  indicatorId: string;
  dimension: string;
  value: number | null;
  /** Only choice codes are ever read from it (never typed text): see `CODE_DIMENSIONS`. */
  valueText: string | null;
}

export interface DeclarationFact {
  associationId: number;
  year: number;
  content: Record<string, unknown>;
}

export interface LinkFact {
  /** The link's own id (a unit of the protected source). */
  id: number;
  mentorshipId: number;
  associationId: number;
  endedOn: string | null;
  audience: Audience;
  state: string;
  declined: boolean | null;
  responded: boolean;
  questionnaireVersionId: number;
  /** Language of the response (null without one); answers are codes whatever the language. */
  language?: string | null;
  /** The response to this link, if any (answers are counted by the link they answer). */
  responseId?: number | null;
}

// The two big loads are plain prepared statements (cached per connection): they return the report's own
// shape straight away, without an ORM mapping step on tens of thousands of rows.
const statements = new WeakMap<object, Map<string, import('better-sqlite3').Statement>>();
function prepared(ctx: StaffContext, sqlText: string) {
  let cache = statements.get(ctx.sqlite);
  if (!cache) statements.set(ctx.sqlite, (cache = new Map()));
  let st = cache.get(sqlText);
  if (!st) cache.set(sqlText, (st = ctx.sqlite.prepare(sqlText)));
  return st;
}

/** Mentorships of the scope that touch [from, to] (applied, started or running in the period); all when no period. */
export function loadMentorships(ctx: StaffContext, scope: ReportScope, period: { from: string; to: string } | null): MentorshipFact[] {
  const sqlText = `SELECT m.id AS id, m.association_id AS associationId, m.young_person_id AS youngPersonId, m.mentor_id AS mentorId, m.status AS status,
      m.applied_on AS appliedOn, m.matched_on AS matchedOn, m.started_on AS startedOn, m.ended_on AS endedOn, m.objective AS objective,
      m.modality AS modality, m.is_renewal AS isRenewal, m.closure_reason AS closureReason, y.sex AS sex, y.birth_month AS birthMonth,
      y.school_level AS schoolLevel, y.placement_type AS placementType, y.territory_id AS territoryId
    FROM mentorships m
    JOIN young_people y ON y.id = m.young_person_id
    WHERE m.department_id = ?${scope.associationId === null ? '' : ' AND m.association_id = ?'}${
      period ? ' AND (coalesce(m.started_on, m.applied_on) <= ? OR m.applied_on <= ?) AND (m.ended_on IS NULL OR m.ended_on >= ?)' : ''
    }`;
  const args: (string | number)[] = [scope.departmentId];
  if (scope.associationId !== null) args.push(scope.associationId);
  // Applied in the period but started later: still a candidature at the period's end (dashboard of a past year).
  if (period) args.push(period.to, period.to, period.from);
  return (prepared(ctx, sqlText).all(...args) as (MentorshipFact & { isRenewal: number | boolean })[]).map((r) => ({ ...r, isRenewal: Boolean(r.isRenewal) }));
}

/**
 * Mentors with a training date, of the department's associations: those paired at least once in this department,
 * and those not paired yet (a trained mentor waiting for a young person is still the association's work for the
 * department). Read whole, not through the mentorships of a period, so that "mentors trained in a year" is one
 * figure whichever page or year range asks for it.
 */
export function loadMentors(ctx: StaffContext, scope: ReportScope): MentorFact[] {
  const sqlText = `SELECT t.id AS id, t.association_id AS associationId, t.trained_on AS trainedOn
    FROM mentors t
    JOIN department_associations da ON da.association_id = t.association_id AND da.department_id = ?
    WHERE t.trained_on IS NOT NULL${scope.associationId === null ? '' : ' AND t.association_id = ?'}
      AND (t.id IN (SELECT mentor_id FROM mentorships WHERE department_id = ? AND mentor_id IS NOT NULL)
        OR t.id NOT IN (SELECT m.mentor_id FROM mentorships m JOIN department_associations d ON d.association_id = m.association_id AND d.department_id = ? WHERE m.mentor_id IS NOT NULL))`;
  const args: number[] = [scope.departmentId];
  if (scope.associationId !== null) args.push(scope.associationId);
  args.push(scope.departmentId, scope.departmentId);
  return prepared(ctx, sqlText).all(...args) as MentorFact[];
}

/** Indicator values of the given closure years (never the raw answers). */
export function loadIndicatorValues(ctx: StaffContext, scope: ReportScope, years: number[], indicatorIds?: string[], slices?: readonly (readonly [string, string])[]): IndicatorFact[] {
  if (years.length === 0) return [];
  if (slices) {
    // Only the (indicator, dimension) pairs a headline figure needs (trends over ten years).
    if (slices.length === 0) return [];
    const sqlText = `SELECT response_id AS responseId, mentorship_id AS mentorshipId, association_id AS associationId, year, audience,
        indicator_id AS indicatorId, dimension, value, value_text AS valueText
      FROM indicator_values
      WHERE department_id = ? AND year IN (${years.map(() => '?').join(', ')}) AND indicator_id IN (${[...new Set(slices.map((x) => x[0]))].map(() => '?').join(', ')})
        AND (indicator_id, dimension) IN (VALUES ${slices.map(() => '(?, ?)').join(', ')})${scope.associationId === null ? '' : ' AND association_id = ?'}`;
    const args: (string | number)[] = [scope.departmentId, ...years, ...new Set(slices.map((x) => x[0])), ...slices.flat()];
    if (scope.associationId !== null) args.push(scope.associationId);
    return prepared(ctx, sqlText).all(...args) as IndicatorFact[];
  }
  const sqlText = `SELECT response_id AS responseId, mentorship_id AS mentorshipId, association_id AS associationId, year, audience,
      indicator_id AS indicatorId, dimension, value, value_text AS valueText
    FROM indicator_values
    WHERE department_id = ? AND year IN (${years.map(() => '?').join(', ')})${indicatorIds ? ` AND indicator_id IN (${indicatorIds.map(() => '?').join(', ')})` : ''}${
      scope.associationId === null ? '' : ' AND association_id = ?'
    }`;
  const args: (string | number)[] = [scope.departmentId, ...years, ...(indicatorIds ?? [])];
  if (scope.associationId !== null) args.push(scope.associationId);
  return prepared(ctx, sqlText).all(...args) as IndicatorFact[];
}

/** Submitted declarations only: a draft is the association's work in progress, not a figure. */
export function loadDeclarations(ctx: StaffContext, scope: ReportScope, years: number[]): DeclarationFact[] {
  if (years.length === 0) return [];
  return ctx.db
    .select({ associationId: declarations.associationId, year: declarations.year, content: declarations.content })
    .from(declarations)
    .where(and(eq(declarations.departmentId, scope.departmentId), inArray(declarations.year, years), eq(declarations.state, 'soumise'), associationCondition(scope, declarations.associationId)))
    .all()
    .map((d) => ({ ...d, content: d.content && typeof d.content === 'object' && !Array.isArray(d.content) ? d.content : {} }));
}

/** Each association in scope with the state of its declaration for the year (null: not started). */
export function loadDeclarationStates(ctx: StaffContext, scope: ReportScope, year: number): { associationId: number; name: string; state: 'brouillon' | 'soumise' | null }[] {
  const rows = ctx.db
    .select({ associationId: declarations.associationId, state: declarations.state })
    .from(declarations)
    .where(and(eq(declarations.departmentId, scope.departmentId), eq(declarations.year, year), associationCondition(scope, declarations.associationId)))
    .all();
  const shown = scope.associationId === null ? scope.associations : scope.associations.filter((a) => a.id === scope.associationId);
  return shown.map((a) => ({ associationId: a.id, name: a.name, state: rows.find((r) => r.associationId === a.id)?.state ?? null }));
}

/** Questionnaire links of mentorships that ended in [from, to], with whether and how they were answered. */
export function loadLinks(ctx: StaffContext, scope: ReportScope, period: { from: string; to: string }): LinkFact[] {
  return ctx.db
    .select({
      id: links.id,
      mentorshipId: mentorships.id,
      associationId: mentorships.associationId,
      endedOn: mentorships.endedOn,
      audience: links.audience,
      state: links.state,
      declined: responses.declined,
      responseId: responses.id,
      questionnaireVersionId: links.questionnaireVersionId,
      language: responses.language,
    })
    .from(mentorships)
    .innerJoin(links, eq(links.mentorshipId, mentorships.id))
    .leftJoin(responses, eq(responses.linkId, links.id))
    .where(and(eq(mentorships.departmentId, scope.departmentId), associationCondition(scope, mentorships.associationId), gte(mentorships.endedOn, period.from), lte(mentorships.endedOn, period.to)))
    .all()
    .map((l) => ({ ...l, responded: l.responseId !== null }));
}

export const yearPeriod = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });
