import { and, eq, gte, isNull, lte, or, count } from 'drizzle-orm';
import { z } from 'zod';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { declarations, indicatorValues, mentorships, responses } from '../../../db/schema/index.ts';
import type { StaffContext } from '../../context.ts';
import { computeValueChain, yearBounds } from './compute.ts';

export const ValueChainParameters = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
});
export type ValueChainParameters = z.infer<typeof ValueChainParameters>;
export type ValueChainResult = ReturnType<typeof computeValueChain> & { answersReceived: number };

/** Loads one department-year (scoped to the caller) and hands the rows to the pure computation. */
export function valueChainReport(ctx: StaffContext, params: ValueChainParameters): ValueChainResult {
  const { departmentId, associationId } = ctx.actor;
  const { start, end } = yearBounds(params.year);
  const assoc = (column: SQLiteColumn) => (associationId === null ? undefined : eq(column, associationId));
  const mentorshipRows = ctx.db
    .select({ youngPersonId: mentorships.youngPersonId, status: mentorships.status, startedOn: mentorships.startedOn, endedOn: mentorships.endedOn })
    .from(mentorships)
    .where(and(eq(mentorships.departmentId, departmentId), assoc(mentorships.associationId), lte(mentorships.startedOn, end), or(isNull(mentorships.endedOn), gte(mentorships.endedOn, start))))
    .all();
  const values = ctx.db
    .select({ responseId: indicatorValues.responseId, indicatorId: indicatorValues.indicatorId, dimension: indicatorValues.dimension, value: indicatorValues.value })
    .from(indicatorValues)
    .where(and(eq(indicatorValues.departmentId, departmentId), eq(indicatorValues.year, params.year), assoc(indicatorValues.associationId)))
    .all();
  const declarationRows = ctx.db
    .select({ content: declarations.content })
    .from(declarations)
    .where(and(eq(declarations.departmentId, departmentId), eq(declarations.year, params.year), eq(declarations.state, 'soumise'), assoc(declarations.associationId)))
    .all();
  const answersReceived =
    ctx.db
      .select({ n: count() })
      .from(responses)
      .innerJoin(mentorships, eq(mentorships.id, responses.mentorshipId))
      .where(and(eq(mentorships.departmentId, departmentId), assoc(mentorships.associationId), gte(mentorships.endedOn, start), lte(mentorships.endedOn, end), eq(responses.declined, false)))
      .get()?.n ?? 0;
  return { ...computeValueChain({ year: params.year, mentorships: mentorshipRows, indicatorValues: values, declarations: declarationRows }), answersReceived };
}
