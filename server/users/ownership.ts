import { and, eq, min, sql, type SQL } from 'drizzle-orm';
import { departmentAssociations, users } from '../../db/schema/index.ts';
import type { Executor } from '../../db/open.ts';

/**
 * The department that owns an account, as SQL over `users`: its own column, or for a lead created before
 * ownership was recorded, its association's first partner department (the one it used to land in at login).
 */
export const ACCOUNT_DEPARTMENT: SQL<number | null> = sql<number | null>`coalesce(${users.departmentId}, (select min(da.department_id) from department_associations da where da.association_id = ${users.associationId}))`;

/** Accounts owned by this department: the only ones its administrator may list, reset, change or disable. */
export const ownedBy = (departmentId: number): SQL => sql`${ACCOUNT_DEPARTMENT} = ${departmentId}`;

export interface AccountRow {
  role: string;
  departmentId: number | null;
  associationId: number | null;
}

/** The owning department of one account (see ACCOUNT_DEPARTMENT). */
export function accountDepartment(db: Executor, user: AccountRow): number | null {
  if (user.departmentId !== null || user.associationId === null) return user.departmentId;
  return db.select({ id: min(departmentAssociations.departmentId) }).from(departmentAssociations).where(eq(departmentAssociations.associationId, user.associationId)).get()?.id ?? null;
}

/**
 * The one department where the account acts: its owner, and for a lead only while its association is still a
 * partner there. A lead never acts in another partner department of its association: that department's
 * administrator did not create the account and cannot manage it.
 */
export function workingDepartment(db: Executor, user: AccountRow): number | null {
  const owner = accountDepartment(db, user);
  if (owner === null || user.role !== 'responsable_association') return owner;
  if (user.associationId === null) return null;
  const partner = db
    .select({ id: departmentAssociations.departmentId })
    .from(departmentAssociations)
    .where(and(eq(departmentAssociations.departmentId, owner), eq(departmentAssociations.associationId, user.associationId)))
    .get();
  return partner ? owner : null;
}
