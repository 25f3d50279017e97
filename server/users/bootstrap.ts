import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { associations, departments, users, type UserRole } from '../../db/schema/index.ts';
import { accountDepartment } from './ownership.ts';
import type { AppContext } from '../context.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { hashPassword } from '../auth/password.ts';
import { passwordProblem } from '../auth/password-policy.ts';
import { createDepartment } from '../settings/create-department.ts';
import { audit } from '../audit/audit.ts';

/** 18 random bytes in base64url: 24 characters, ~144 bits; printed once to the operator at the console. */
export const generatePassword = () => randomBytes(18).toString('base64url');

export interface BootstrapAccountInput {
  role: UserRole;
  email: string;
  password: string;
  displayName?: string;
  /** Department staff: the department's code (created with default lists when missing, named `departmentName`). */
  departmentCode?: string;
  departmentName?: string;
  /** Reporting lead: an existing association. */
  associationId?: number;
}

/**
 * Creates an account outside the app (first administrator, scripts): `npm run cli -- user:create`. The same
 * password rules as in the app apply.
 */
export async function bootstrapAccount(ctx: AppContext, input: BootstrapAccountInput) {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) throw badRequest('Adresse e-mail invalide.');
  const problem = passwordProblem(input.password, { email });
  if (problem) throw badRequest(problem);
  const isLead = input.role === 'responsable_association';
  if (isLead && input.associationId === undefined) throw badRequest('Un compte d’association demande --association-id.');
  if (!isLead && !input.departmentCode) throw badRequest('Un compte du département demande --department-code.');
  const passwordHash = await hashPassword(input.password);
  const now = ctx.now();
  return ctx.db.transaction(
    (tx) => {
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) throw conflict('Un compte existe déjà avec cette adresse e-mail.');
      let departmentId: number | null = null;
      let createdDepartment = false;
      if (!isLead) {
        const code = input.departmentCode!.trim();
        const existing = tx.select({ id: departments.id }).from(departments).where(eq(departments.code, code)).get();
        if (existing) departmentId = existing.id;
        else {
          departmentId = createDepartment(tx, { code, name: input.departmentName?.trim() || `Département ${code}`, now }).department.id;
          createdDepartment = true;
        }
      } else if (!tx.select({ id: associations.id }).from(associations).where(eq(associations.id, input.associationId!)).get()) {
        throw notFound('Cette association');
      } else {
        // A lead is owned by one department too: its association's first partner (see server/users/ownership.ts).
        departmentId = accountDepartment(tx, { role: input.role, departmentId: null, associationId: input.associationId! });
      }
      const user = tx
        .insert(users)
        .values({ email, passwordHash, role: input.role, departmentId, associationId: isLead ? input.associationId! : null, displayName: input.displayName ?? '', createdAt: now })
        .returning({ id: users.id })
        .get();
      audit(ctx, { action: 'compte.cree', target: `user:${user.id}`, departmentId, associationId: isLead ? input.associationId! : null, details: { role: input.role, via: 'ligne de commande' }, db: tx });
      return { userId: user.id, departmentId, createdDepartment };
    },
    { behavior: 'immediate' },
  );
}
