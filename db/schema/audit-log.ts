import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { AUDIT_ACTIONS } from './enums.ts';

/**
 * Who did what, when (UTC), to which target. Append-only; never holds a token, an answer, a reference or any
 * other data about a young person: targets are internal ids (`mentorship:12`, `user:3`) or a staff e-mail.
 * No foreign keys on purpose: the trail must outlive the rows it talks about (erasures, purges).
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    /** The tenant the event belongs to: the department administrator reads only their department's entries. */
    departmentId: integer('department_id'),
    associationId: integer('association_id'),
    actorUserId: integer('actor_user_id'),
    /** Staff e-mail at the time of the event (accounts may be renamed or disabled later); null for the system (cron). */
    actorEmail: text('actor_email'),
    action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
    target: text('target'),
    /** Small structured facts (counts, old → new role); validated free of tokens and personal data by the caller. */
    details: text('details', { mode: 'json' }).$type<Record<string, string | number | boolean | null>>(),
  },
  (t) => [index('audit_log_department_at_idx').on(t.departmentId, t.at), index('audit_log_association_at_idx').on(t.associationId, t.at)],
);
