import { eq } from 'drizzle-orm';
import { auditLog, users, type AuditAction } from '../../db/schema/index.ts';
import type { Executor } from '../../db/open.ts';
import type { Actor, AppContext, StaffContext } from '../context.ts';

export type AuditDetails = Record<string, string | number | boolean | null>;

export interface AuditEntry {
  action: AuditAction;
  /** An internal id (`mentorship:12`, `user:3`, `route:POST /api/users`) or a staff e-mail; never a young person's reference. */
  target?: string | null;
  /** Small facts (counts, old and new role). Strings are cut short and anything token-like is masked. */
  details?: AuditDetails;
  /** Defaults to the context's actor; pass it for events before a session exists (login). */
  actor?: Pick<Actor, 'userId'> & Partial<Pick<Actor, 'departmentId' | 'associationId'>>;
  departmentId?: number | null;
  associationId?: number | null;
  /** Write inside the caller's transaction, so the trail and the change commit together. */
  db?: Executor;
}

// Questionnaire tokens and session ids are 43-character base64url strings: whatever the caller passes, none is kept.
const TOKEN_LIKE = /[A-Za-z0-9_-]{32,}/g;
const mask = (value: string) => value.replace(TOKEN_LIKE, '[masqué]').slice(0, 200);

function cleanDetails(details: AuditDetails | undefined): AuditDetails | null {
  if (!details) return null;
  const out: AuditDetails = {};
  for (const [key, value] of Object.entries(details).slice(0, 20)) {
    out[key.slice(0, 50)] = typeof value === 'string' ? mask(value) : value;
  }
  return out;
}

const hasActor = (ctx: AppContext | StaffContext): ctx is StaffContext => 'actor' in ctx && (ctx as StaffContext).actor !== undefined;

/**
 * Appends one entry to the audit trail (UTC time from the context's clock). A failure to write throws: an action
 * that must be audited and cannot be is not silently accepted.
 */
export function audit(ctx: AppContext | StaffContext, entry: AuditEntry): void {
  const db = entry.db ?? ctx.db;
  const actor = entry.actor ?? (hasActor(ctx) ? ctx.actor : undefined);
  const actorEmail = actor ? (db.select({ email: users.email }).from(users).where(eq(users.id, actor.userId)).get()?.email ?? null) : null;
  db.insert(auditLog)
    .values({
      at: ctx.now(),
      departmentId: entry.departmentId !== undefined ? entry.departmentId : (actor?.departmentId ?? null),
      associationId: entry.associationId !== undefined ? entry.associationId : (actor?.associationId ?? null),
      actorUserId: actor?.userId ?? null,
      actorEmail,
      action: entry.action,
      target: entry.target ? mask(entry.target) : null,
      details: cleanDetails(entry.details),
    })
    .run();
}
