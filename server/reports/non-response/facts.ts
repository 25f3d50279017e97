/** The rows of the non-response page: every ending of the department with its young person's profile and outcomes. */
import type { StaffContext } from '../../context.ts';
import { OUTCOMES, outcomeOf, type EndedRow, type Outcome } from './compute.ts';

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

/** One query: the department's mentorships ended between two days, their young person's profile and both links' outcomes. */
export function loadEndedRows(ctx: StaffContext, departmentId: number, from: string, to: string): EndedRow[] {
  const sqlText = `SELECT m.id AS mentorshipId, m.association_id AS associationId, m.ended_on AS endedOn, m.status AS status, m.closure_reason AS closureReason,
      m.objective AS objective, y.sex AS sex, y.birth_month AS birthMonth, y.placement_type AS placementType, y.territory_id AS territoryId,
      ${linkColumns('ly', 'youth')}, ${linkColumns('lm', 'mentor')}
    FROM mentorships m
    JOIN young_people y ON y.id = m.young_person_id
    ${linkJoin('ly', 'youth')} ${linkJoin('lm', 'mentor')}
    WHERE m.department_id = ? AND m.ended_on BETWEEN ? AND ? AND m.status IN ('objectif_atteint', 'cloture', 'abandonne')`;
  const raw = ctx.sqlite.prepare(sqlText).all(departmentId, from, to) as Raw[];
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
  // A mentorship with a revoked link and its replacement comes back once per link: one row each, the most advanced
  // outcome per audience (a mentorship is one unit of the protected source).
  const rank = (o: Outcome) => OUTCOMES.findIndex((x) => x.key === o);
  const byMentorship = new Map<number, EndedRow>();
  for (const r of rows) {
    const seen = byMentorship.get(r.mentorshipId);
    if (!seen) byMentorship.set(r.mentorshipId, r);
    else for (const a of ['youth', 'mentor'] as const) if (rank(r.outcome[a]) < rank(seen.outcome[a])) seen.outcome[a] = r.outcome[a];
  }
  return [...byMentorship.values()];
}
