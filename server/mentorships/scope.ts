import { and, eq, type SQL } from 'drizzle-orm';
import { mentorships } from '../../db/schema/index.ts';
import type { Actor } from '../context.ts';

/** Rows the actor may see: always their session's department, and only their association for a reporting lead. */
export function mentorshipScope(actor: Actor): SQL {
  const department = eq(mentorships.departmentId, actor.departmentId);
  return actor.associationId === null ? department : and(department, eq(mentorships.associationId, actor.associationId))!;
}
