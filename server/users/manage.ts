import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { z } from 'zod';
import { associations, departmentAssociations, sessions, users, USER_ROLES, type UserRole } from '../../db/schema/index.ts';
import type { Executor } from '../../db/open.ts';
import type { StaffContext } from '../context.ts';
import { badRequest, conflict, forbidden, notFound } from '../errors.ts';
import { hashPassword } from '../auth/password.ts';
import { passwordProblem } from '../auth/password-policy.ts';
import { audit } from '../audit/audit.ts';
import { IdParam } from '../http/validation.ts';

export const UserIdParam = IdParam;

const Email = z.string().trim().toLowerCase().email({ error: 'Adresse e-mail invalide.' }).max(254);
const DisplayName = z.string().trim().max(100);

export const CreateUserInput = z.strictObject({
  email: Email,
  role: z.enum(USER_ROLES),
  displayName: DisplayName.optional(),
  /** Required for an association's reporting lead: one of the department's partner associations. */
  associationId: z.number().int().positive().optional(),
  /** When omitted, a strong password is generated and shown once. */
  password: z.string().max(256).optional(),
});

export const UpdateUserInput = z.strictObject({
  role: z.enum(USER_ROLES).optional(),
  associationId: z.number().int().positive().optional(),
  displayName: DisplayName.optional(),
  disabled: z.boolean().optional(),
});

/** 18 random bytes in base64url: 24 characters, ~144 bits; shown once to the administrator. */
export const generatePassword = () => randomBytes(18).toString('base64url');

function partnerAssociationIds(db: Executor, departmentId: number) {
  return db.select({ id: departmentAssociations.associationId }).from(departmentAssociations).where(eq(departmentAssociations.departmentId, departmentId));
}

/** Accounts an administrator manages: their department's staff, and the leads of its partner associations. */
function managedScope(ctx: StaffContext) {
  return or(eq(users.departmentId, ctx.actor.departmentId), inArray(users.associationId, partnerAssociationIds(ctx.db, ctx.actor.departmentId)))!;
}

function requirePartner(ctx: StaffContext, db: Executor, associationId: number | undefined): number {
  if (associationId === undefined) throw badRequest("Un compte d'association doit être rattaché à une association (champ « associationId »).");
  const partner = db
    .select({ id: departmentAssociations.associationId })
    .from(departmentAssociations)
    .where(and(eq(departmentAssociations.departmentId, ctx.actor.departmentId), eq(departmentAssociations.associationId, associationId)))
    .get();
  if (!partner) throw notFound('Cette association');
  return partner.id;
}

function toView(row: { id: number; email: string; displayName: string; role: UserRole; associationId: number | null; associationName: string | null; createdAt: Date; disabledAt: Date | null }) {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    association: row.associationId !== null && row.associationName !== null ? { id: row.associationId, name: row.associationName } : null,
    createdAt: row.createdAt.toISOString(),
    disabled: row.disabledAt !== null,
  };
}

const viewColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  associationId: users.associationId,
  associationName: associations.name,
  createdAt: users.createdAt,
  disabledAt: users.disabledAt,
};

export function listUsers(ctx: StaffContext) {
  const rows = ctx.db
    .select(viewColumns)
    .from(users)
    .leftJoin(associations, eq(associations.id, users.associationId))
    .where(managedScope(ctx))
    .orderBy(asc(users.role), asc(users.email))
    .all();
  const partners = ctx.db
    .select({ id: associations.id, name: associations.name })
    .from(associations)
    .innerJoin(departmentAssociations, eq(departmentAssociations.associationId, associations.id))
    .where(eq(departmentAssociations.departmentId, ctx.actor.departmentId))
    .orderBy(asc(associations.name))
    .all();
  return { users: rows.map(toView), associations: partners };
}

function getManaged(ctx: StaffContext, db: Executor, id: number) {
  const row = db.select(viewColumns).from(users).leftJoin(associations, eq(associations.id, users.associationId)).where(and(managedScope(ctx), eq(users.id, id))).get();
  if (!row) throw notFound('Ce compte');
  return row;
}

/** Creates an account in the administrator's department (or for one of its partner associations). */
export async function createUser(ctx: StaffContext, input: z.infer<typeof CreateUserInput>) {
  // The association is checked first: a non-partner association is unknown here, whatever else is wrong.
  if (input.associationId !== undefined) requirePartner(ctx, ctx.db, input.associationId);
  const generated = input.password === undefined;
  const password = input.password ?? generatePassword();
  const problem = passwordProblem(password, { email: input.email });
  if (problem) throw badRequest(problem);
  const isLead = input.role === 'responsable_association';
  if (!isLead && input.associationId !== undefined) throw badRequest("Seul un compte d'association est rattaché à une association.");
  // Hash before the write transaction: argon2 takes ~50 ms and must not hold the SQLite write lock.
  const passwordHash = await hashPassword(password);
  const now = ctx.now();
  const created = ctx.db.transaction(
    (tx) => {
      const associationId = isLead ? requirePartner(ctx, tx, input.associationId) : null;
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) throw conflict('Un compte existe déjà avec cette adresse e-mail.');
      const row = tx
        .insert(users)
        .values({
          email: input.email,
          passwordHash,
          role: input.role,
          departmentId: isLead ? null : ctx.actor.departmentId,
          associationId,
          displayName: input.displayName ?? '',
          createdAt: now,
        })
        .returning({ id: users.id })
        .get();
      audit(ctx, { action: 'compte.cree', target: `user:${row.id}`, details: { role: input.role }, db: tx });
      return getManaged(ctx, tx, row.id);
    },
    { behavior: 'immediate' },
  );
  return { user: toView(created), ...(generated ? { generatedPassword: password } : {}) };
}

/** Changes an account's role, association, name, or disables it; every open session of that account ends. */
export function updateUser(ctx: StaffContext, id: number, input: z.infer<typeof UpdateUserInput>) {
  if (id === ctx.actor.userId && (input.disabled === true || (input.role !== undefined && input.role !== ctx.actor.role))) {
    throw forbidden('Vous ne pouvez pas désactiver votre propre compte ni changer votre propre rôle.');
  }
  return ctx.db.transaction(
    (tx) => {
      const current = getManaged(ctx, tx, id);
      if (input.associationId !== undefined) requirePartner(ctx, tx, input.associationId);
      const role = input.role ?? current.role;
      const isLead = role === 'responsable_association';
      const patch: Partial<typeof users.$inferInsert> = {};
      if (input.displayName !== undefined) patch.displayName = input.displayName;
      if (input.role !== undefined || input.associationId !== undefined) {
        if (!isLead && input.associationId !== undefined) throw badRequest("Seul un compte d'association est rattaché à une association.");
        patch.role = role;
        patch.associationId = isLead ? requirePartner(ctx, tx, input.associationId ?? current.associationId ?? undefined) : null;
        patch.departmentId = isLead ? null : ctx.actor.departmentId;
      }
      if (input.disabled !== undefined) patch.disabledAt = input.disabled ? (current.disabledAt ?? ctx.now()) : null;
      if (Object.keys(patch).length === 0) return toView(current);
      tx.update(users).set(patch).where(eq(users.id, id)).run();
      const privilegesChanged = (patch.role !== undefined && patch.role !== current.role) || (patch.associationId !== undefined && patch.associationId !== current.associationId);
      if (privilegesChanged || input.disabled === true) tx.delete(sessions).where(eq(sessions.userId, id)).run();
      if (privilegesChanged) {
        audit(ctx, { action: 'compte.role_modifie', target: `user:${id}`, details: { ancien: current.role, nouveau: role, association: patch.associationId ?? null }, db: tx });
      }
      if (input.disabled !== undefined && input.disabled !== (current.disabledAt !== null)) {
        audit(ctx, { action: input.disabled ? 'compte.desactive' : 'compte.reactive', target: `user:${id}`, db: tx });
      }
      return toView(getManaged(ctx, tx, id));
    },
    { behavior: 'immediate' },
  );
}

/** Issues a new generated password (shown once) and ends the account's sessions. */
export async function resetPassword(ctx: StaffContext, id: number) {
  getManaged(ctx, ctx.db, id);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  ctx.db.transaction(
    (tx) => {
      getManaged(ctx, tx, id);
      tx.update(users).set({ passwordHash }).where(eq(users.id, id)).run();
      tx.delete(sessions).where(eq(sessions.userId, id)).run();
      audit(ctx, { action: 'compte.mot_de_passe_reinitialise', target: `user:${id}`, db: tx });
    },
    { behavior: 'immediate' },
  );
  return { generatedPassword: password };
}
