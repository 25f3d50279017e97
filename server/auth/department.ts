import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { departmentAssociations, departments, sessions } from '../../db/schema/index.ts';
import type { StaffContext } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { audit } from '../audit/audit.ts';
import { sessionIdHash } from './session.ts';

export const SwitchDepartmentInput = z.strictObject({ departmentId: z.number().int().positive() });

/** Departments the actor may act in: their own, or every partner department of a lead's association. */
export function availableDepartments(ctx: StaffContext): { id: number; name: string }[] {
  if (ctx.actor.associationId === null) {
    return ctx.db.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.id, ctx.actor.departmentId)).all();
  }
  return ctx.db
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .innerJoin(departmentAssociations, eq(departmentAssociations.departmentId, departments.id))
    .where(eq(departmentAssociations.associationId, ctx.actor.associationId))
    .orderBy(asc(departments.name))
    .all();
}

/**
 * A lead whose association works with several departments acts in one at a time; the choice is kept on the
 * server-side session, never sent with each request.
 */
export function switchDepartment(ctx: StaffContext, sessionToken: string, input: z.infer<typeof SwitchDepartmentInput>): void {
  if (ctx.actor.associationId === null) throw forbidden('Un compte du département agit toujours dans son propre département.');
  const allowed = availableDepartments(ctx).some((d) => d.id === input.departmentId);
  if (!allowed) throw notFound('Ce département');
  ctx.db.transaction(
    (tx) => {
      tx.update(sessions)
        .set({ departmentId: input.departmentId })
        .where(and(eq(sessions.idHash, sessionIdHash(sessionToken)), eq(sessions.userId, ctx.actor.userId)))
        .run();
      audit(ctx, { action: 'session.changement_departement', target: `department:${input.departmentId}`, departmentId: input.departmentId, db: tx });
    },
    { behavior: 'immediate' },
  );
}
