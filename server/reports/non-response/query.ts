import { z } from 'zod';
import { ReportCell } from '../cell-schema.ts';
import type { StaffContext } from '../../context.ts';
import { AssociationFilter, ReportYear, resolveScope, type ReportScope } from '../scope.ts';
import { protectedYear } from '../protection/query.ts';
import { computeNonResponse, GAP_POINTS, outcomeOf, RESPONSE_RATE_DEFINITIONS, type AudienceNonResponse, type EndedRow } from './compute.ts';

export const NonResponseParameters = z.strictObject({ year: ReportYear, association: AssociationFilter });
export type NonResponseParameters = z.infer<typeof NonResponseParameters>;

export interface NonResponseResult {
  year: number;
  k: number;
  gapPoints: number;
  definitions: string[];
  /** Set when the year has no ended mentorship: the page says so instead of empty tables. */
  message: string | null;
  audiences: AudienceNonResponse[];
}

interface Raw extends Omit<EndedRow, 'outcome'> {
  youthState: string | null;
  youthResponded: number;
  youthDeclined: number | null;
  youthDraft: number;
  mentorState: string | null;
  mentorResponded: number;
  mentorDeclined: number | null;
  mentorDraft: number;
}

const linkColumns = (a: string, audience: string) => `${a}.state AS ${audience}State, (${a}r.id IS NOT NULL) AS ${audience}Responded, ${a}r.declined AS ${audience}Declined,
  (${a}.draft_json IS NOT NULL) AS ${audience}Draft`;
const linkJoin = (a: string, audience: string) => `LEFT JOIN links ${a} ON ${a}.mentorship_id = m.id AND ${a}.audience = '${audience}' LEFT JOIN responses ${a}r ON ${a}r.link_id = ${a}.id`;

/** One query: the mentorships ended in the year (scope), their young person's profile and both links' outcomes. */
export function nonResponseReport(ctx: StaffContext, params: NonResponseParameters): NonResponseResult {
  const scope = resolveScope(ctx, params.association);
  const sqlText = `SELECT m.id AS mentorshipId, m.association_id AS associationId, m.ended_on AS endedOn, m.status AS status, m.closure_reason AS closureReason,
      m.objective AS objective, y.sex AS sex, y.birth_month AS birthMonth, y.placement_type AS placementType, y.territory_id AS territoryId,
      ${linkColumns('ly', 'youth')}, ${linkColumns('lm', 'mentor')}
    FROM mentorships m
    JOIN young_people y ON y.id = m.young_person_id
    ${linkJoin('ly', 'youth')} ${linkJoin('lm', 'mentor')}
    WHERE m.department_id = ? AND m.ended_on BETWEEN ? AND ? AND m.status IN ('objectif_atteint', 'cloture', 'abandonne')${scope.associationId === null ? '' : ' AND m.association_id = ?'}`;
  const args: (string | number)[] = [scope.departmentId, `${params.year}-01-01`, `${params.year}-12-31`];
  if (scope.associationId !== null) args.push(scope.associationId);
  const raw = ctx.sqlite.prepare(sqlText).all(...args) as Raw[];
  const rows: EndedRow[] = raw.map((r) => ({
    mentorshipId: r.mentorshipId,
    associationId: r.associationId,
    endedOn: r.endedOn,
    status: r.status,
    closureReason: r.closureReason,
    objective: r.objective,
    sex: r.sex,
    birthMonth: r.birthMonth,
    placementType: r.placementType,
    territoryId: r.territoryId,
    outcome: {
      youth: outcomeOf(r.youthState === null ? undefined : { state: r.youthState, responded: Boolean(r.youthResponded), declined: r.youthDeclined === null ? null : Boolean(r.youthDeclined), hasDraft: Boolean(r.youthDraft) }),
      mentor: outcomeOf(r.mentorState === null ? undefined : { state: r.mentorState, responded: Boolean(r.mentorResponded), declined: r.mentorDeclined === null ? null : Boolean(r.mentorDeclined), hasDraft: Boolean(r.mentorDraft) }),
    },
  }));
  return {
    year: params.year,
    k: scope.k,
    gapPoints: GAP_POINTS,
    definitions: RESPONSE_RATE_DEFINITIONS,
    message: rows.length === 0 ? `Aucun mentorat terminé en ${params.year}${scope.associationName ? ` pour ${scope.associationName}` : ''} : pas de non-réponse à décrire.` : null,
    audiences: rows.length === 0 ? [] : computeNonResponse({ k: scope.k, lists: scope.lists, territories: scope.territories, rows, published: publishedOf(ctx, scope, params.year) }),
  };
}

/** The same people as the protected source publishes them for the caller's scope (its verdicts win). */
function publishedOf(ctx: StaffContext, scope: ReportScope, year: number) {
  const view = protectedYear(ctx, scope, year).view(scope.associationId);
  const answered = (audience: 'youth' | 'mentor') => view.distribution(`liens_${audience}`, 'reponse').items.find((i) => i.key === 'answered')?.count ?? 0;
  return { closures: view.total('termines'), byGroup: view.distribution('termines', 'categorie'), respondents: { youth: answered('youth'), mentor: answered('mentor') } };
}

// Response schema (OpenAPI document and the client's generated types).
const Cell = ReportCell;
export const NonResponseResponse = z.object({
  year: z.number(),
  k: z.number(),
  gapPoints: z.number(),
  definitions: z.array(z.string()),
  message: z.string().nullable(),
  audiences: z.array(
    z.object({
      audience: z.enum(['youth', 'mentor']),
      closures: Cell,
      respondents: Cell,
      outcomes: z.object({ items: z.array(z.object({ key: z.string(), label: z.string(), count: Cell, share: Cell })), total: Cell }),
      tables: z.array(
        z.object({
          key: z.string(),
          title: z.string(),
          rows: z.array(z.object({ key: z.string(), label: z.string(), closures: Cell, closuresShare: Cell, respondents: Cell, respondentsShare: Cell, gapPoints: Cell, flagged: z.boolean() })),
        }),
      ),
    }),
  ),
});
