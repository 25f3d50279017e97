import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { departments, sessions } from '../../db/schema/index.ts';
import type { StaffContext } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { audit } from '../audit/audit.ts';
import { sessionIdHash } from './session.ts';

export const SwitchDepartmentInput = z.strictObject({ departmentId: z.number().int().positive() });

/** Departments the actor may act in: the one that owns the account, for every role (server/users/ownership.ts). */
export function availableDepartments(ctx: StaffContext): { id: number; name: string }[] {
  return ctx.db.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.id, ctx.actor.departmentId)).all();
}

/**
 * Kept for clients that still offer the choice: since an account acts only in the department that owns it, the
 * only department accepted is the current one (an association working with several departments has one account
 * per department, each managed by that department).
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
