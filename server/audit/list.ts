import { and, count, desc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, departmentAssociations, users, AUDIT_ACTIONS } from '../../db/schema/index.ts';
import type { StaffContext } from '../context.ts';

export const ListAuditInput = z.strictObject({
  action: z.enum(AUDIT_ACTIONS).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * The department's entries, plus those of its partner associations' leads that carry no department (failed logins
 * of a lead happen before a department is chosen).
 */
function auditScope(ctx: StaffContext): SQL {
  const partners = ctx.db
    .select({ id: departmentAssociations.associationId })
    .from(departmentAssociations)
    .where(eq(departmentAssociations.departmentId, ctx.actor.departmentId));
  return or(eq(auditLog.departmentId, ctx.actor.departmentId), and(isNull(auditLog.departmentId), inArray(auditLog.associationId, partners)))!;
}

export function listAudit(ctx: StaffContext, input: z.infer<typeof ListAuditInput>) {
  const where = and(auditScope(ctx), input.action ? eq(auditLog.action, input.action) : undefined);
  const total = ctx.db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  const rows = ctx.db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  // Staff accounts named by id in a target are shown by their e-mail (staff data, never a young person's).
  const userIds = [...new Set(rows.map((r) => /^user:(\d+)$/.exec(r.target ?? '')?.[1]).filter(Boolean).map(Number))];
  const emails = new Map(
    userIds.length === 0 ? [] : ctx.db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, userIds)).all().map((u) => [u.id, u.email]),
  );
  const view = rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorEmail: r.actorEmail,
      action: r.action,
      target: r.target,
      targetLabel: emails.get(Number(/^user:(\d+)$/.exec(r.target ?? '')?.[1])) ?? null,
      details: r.details ?? null,
    }));
  return { total, page: input.page, pageSize: input.pageSize, rows: view };
}
