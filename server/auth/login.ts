import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users, sessions, departments, associations } from '../../db/schema/index.ts';
import type { Actor, AppContext } from '../context.ts';
import { ServiceError } from '../errors.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { createSession, defaultDepartmentFor } from './session.ts';
import { audit } from '../audit/audit.ts';
import { accountDepartment } from '../users/ownership.ts';

export const LoginInput = z.strictObject({
  // Same normalisation as the limiter in front (server/http/rate-limit.ts), which refuses longer addresses first.
  email: z.string({ error: 'Indiquez votre adresse e-mail.' }).trim().toLowerCase().max(254, { error: 'L’adresse e-mail ne doit pas dépasser 254 caractères.' }).email({ error: 'Adresse e-mail invalide.' }),
  password: z.string().min(1).max(1024),
});

const WRONG_CREDENTIALS = 'Adresse e-mail ou mot de passe incorrect.';

/** Checks the credentials and opens a fresh session (a new id at every login, never reused). */
export async function login(ctx: AppContext, input: z.infer<typeof LoginInput>): Promise<{ token: string; actor: Actor }> {
  const user = ctx.db.select().from(users).where(eq(users.email, input.email)).get();
  if (!user || user.disabledAt) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    // An unknown address is not recorded: people type their password in the e-mail field.
    if (user) auditLogin(ctx, user, 'connexion.echouee', 'compte désactivé');
    else audit(ctx, { action: 'connexion.echouee', details: { motif: 'compte inconnu' } });
    throw new ServiceError('UNAUTHORIZED', WRONG_CREDENTIALS);
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    auditLogin(ctx, user, 'connexion.echouee', 'mot de passe incorrect');
    throw new ServiceError('UNAUTHORIZED', WRONG_CREDENTIALS);
  }
  const departmentId = defaultDepartmentFor(ctx, user);
  if (departmentId === null) {
    auditLogin(ctx, user, 'connexion.echouee', 'aucun département');
    throw new ServiceError('FORBIDDEN', "Ce compte n'est rattaché à aucun département.");
  }
  const token = createSession(ctx, user.id, departmentId);
  audit(ctx, { action: 'connexion.reussie', target: `user:${user.id}`, actor: { userId: user.id, departmentId, associationId: user.associationId } });
  return {
    token,
    actor: { userId: user.id, role: user.role, departmentId, associationId: user.role === 'responsable_association' ? user.associationId : null },
  };
}

export function describeActor(ctx: AppContext, actor: Actor) {
  const user = ctx.db.select({ email: users.email, displayName: users.displayName }).from(users).where(eq(users.id, actor.userId)).get();
  const department = ctx.db.select({ name: departments.name }).from(departments).where(eq(departments.id, actor.departmentId)).get();
  const association =
    actor.associationId === null
      ? null
      : ctx.db.select({ name: associations.name }).from(associations).where(eq(associations.id, actor.associationId)).get();
  return {
    email: user?.email ?? '',
    displayName: user?.displayName ?? '',
    role: actor.role,
    department: { id: actor.departmentId, name: department?.name ?? '' },
    association: association && actor.associationId !== null ? { id: actor.associationId, name: association.name } : null,
  };
}

export function logoutAll(ctx: AppContext, userId: number): void {
  ctx.db.delete(sessions).where(eq(sessions.userId, userId)).run();
}

function auditLogin(ctx: AppContext, user: typeof users.$inferSelect, action: 'connexion.echouee', motif: string): void {
  audit(ctx, {
    action,
    target: `user:${user.id}`,
    actor: { userId: user.id },
    departmentId: accountDepartment(ctx.db, user),
    associationId: user.associationId,
    details: { motif },
  });
}
