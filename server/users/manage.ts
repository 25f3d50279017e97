import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { associations, departmentAssociations, sessions, users, USER_ROLES, type AuditAction, type UserRole } from '../../db/schema/index.ts';
import type { Executor } from '../../db/open.ts';
import type { StaffContext } from '../context.ts';
import { badRequest, conflict, forbidden, notFound } from '../errors.ts';
import { audit, type AuditDetails } from '../audit/audit.ts';
import { IdParam } from '../http/validation.ts';
import { issuePasswordLink, unusablePasswordHash } from '../auth/password-link.ts';
import { accountDepartment, ownedBy } from './ownership.ts';

export const UserIdParam = IdParam;

const Email = z.string().trim().toLowerCase().email({ error: 'Adresse e-mail invalide.' }).max(254);
const DisplayName = z.string().trim().max(100);

export const CreateUserInput = z.strictObject({
  email: Email,
  role: z.enum(USER_ROLES),
  displayName: DisplayName.optional(),
  /** Required for an association's reporting lead: one of the department's partner associations. */
  associationId: z.number().int().positive().optional(),
});

export const UpdateUserInput = z.strictObject({
  role: z.enum(USER_ROLES).optional(),
  associationId: z.number().int().positive().optional(),
  displayName: DisplayName.optional(),
  disabled: z.boolean().optional(),
});

/**
 * Accounts an administrator manages: those their department owns (staff and the leads it created), never a lead
 * of a shared association that another department created — that account acts in the other department.
 */
const managedScope = (ctx: StaffContext) => ownedBy(ctx.actor.departmentId);

/**
 * Every account action is written for the department that owns the account (the only one where it acts) and
 * its association, so both the owner's trail and an association's entries show it.
 */
function auditAccount(ctx: StaffContext, tx: Executor, action: AuditAction, account: { id: number; role: UserRole; departmentId: number | null; associationId: number | null }, details?: AuditDetails) {
  audit(ctx, { action, target: `user:${account.id}`, departmentId: accountDepartment(tx, account), associationId: account.associationId, details, db: tx });
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
  const row = db.select({ ...viewColumns, departmentId: users.departmentId }).from(users).leftJoin(associations, eq(associations.id, users.associationId)).where(and(managedScope(ctx), eq(users.id, id))).get();
  if (!row) throw notFound('Ce compte');
  return row;
}

/**
 * Creates an account owned by the administrator's department (a lead: for one of its partner associations, acting
 * in this department only). No password is set: the administrator gets a one-time link to hand over, with which
 * the person chooses their own.
 */
export async function createUser(ctx: StaffContext, input: z.infer<typeof CreateUserInput>) {
  // The association is checked first: a non-partner association is unknown here, whatever else is wrong.
  if (input.associationId !== undefined) requirePartner(ctx, ctx.db, input.associationId);
  const isLead = input.role === 'responsable_association';
  if (!isLead && input.associationId !== undefined) throw badRequest("Seul un compte d'association est rattaché à une association.");
  // Hash before the write transaction: argon2 takes ~50 ms and must not hold the SQLite write lock.
  const unusable = await unusablePasswordHash();
  const now = ctx.now();
  return ctx.db.transaction(
    (tx) => {
      const associationId = isLead ? requirePartner(ctx, tx, input.associationId) : null;
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) throw conflict('Un compte existe déjà avec cette adresse e-mail.');
      const row = tx
        .insert(users)
        .values({ email: input.email, passwordHash: unusable, role: input.role, departmentId: ctx.actor.departmentId, associationId, displayName: input.displayName ?? '', createdAt: now })
        .returning({ id: users.id, role: users.role, departmentId: users.departmentId, associationId: users.associationId })
        .get();
      const passwordLink = issuePasswordLink(ctx, tx, row.id, 'creation', unusable);
      auditAccount(ctx, tx, 'compte.cree', row, { role: input.role });
      return { user: toView(getManaged(ctx, tx, row.id)), passwordLink };
    },
    { behavior: 'immediate' },
  );
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
        // Ownership stays with (and, for an older lead, is recorded as) the department that manages the account.
        patch.departmentId = ctx.actor.departmentId;
      }
      if (input.disabled !== undefined) patch.disabledAt = input.disabled ? (current.disabledAt ?? ctx.now()) : null;
      if (Object.keys(patch).length === 0) return toView(current);
      tx.update(users).set(patch).where(eq(users.id, id)).run();
      const privilegesChanged = (patch.role !== undefined && patch.role !== current.role) || (patch.associationId !== undefined && patch.associationId !== current.associationId);
      if (privilegesChanged || input.disabled === true) tx.delete(sessions).where(eq(sessions.userId, id)).run();
      const account = { id, role, departmentId: ctx.actor.departmentId, associationId: patch.associationId !== undefined ? patch.associationId : current.associationId };
      if (privilegesChanged) {
        // A lead moved to another association: the former association's entries show it too.
        if (current.associationId !== null && current.associationId !== account.associationId) {
          auditAccount(ctx, tx, 'compte.role_modifie', { ...account, associationId: current.associationId }, { ancien: current.role, nouveau: role, association: account.associationId });
        }
        auditAccount(ctx, tx, 'compte.role_modifie', account, { ancien: current.role, nouveau: role, association: account.associationId });
      }
      if (input.disabled !== undefined && input.disabled !== (current.disabledAt !== null)) {
        auditAccount(ctx, tx, input.disabled ? 'compte.desactive' : 'compte.reactive', account);
      }
      return toView(getManaged(ctx, tx, id));
    },
    { behavior: 'immediate' },
  );
}

/**
 * Resets an account's password: the old one stops working at once, its sessions end, and the administrator gets a
 * one-time link to hand over (never a password); the person opening it is told who reset it and when.
 */
export async function resetPassword(ctx: StaffContext, id: number) {
  getManaged(ctx, ctx.db, id);
  const unusable = await unusablePasswordHash();
  return ctx.db.transaction(
    (tx) => {
      const account = getManaged(ctx, tx, id);
      const passwordLink = issuePasswordLink(ctx, tx, id, 'reinitialisation', unusable);
      auditAccount(ctx, tx, 'compte.mot_de_passe_reinitialise', account);
      return { passwordLink };
    },
    { behavior: 'immediate' },
  );
}
