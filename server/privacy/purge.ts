import { randomBytes } from 'node:crypto';
import { and, eq, inArray, isNotNull, lt, lte, notLike, or, sql } from 'drizzle-orm';
import { auditLog, departments, links, mentorships, responses, sessions, youngPeople } from '../../db/schema/index.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../../db/open.ts';
import { audit } from '../audit/audit.ts';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from '../auth/session.ts';
import { deleteWithDependents } from './cascade.ts';
import { monthsBeforeToday } from '../time.ts';

const DAY_MS = 86_400_000;
/** The audit trail is kept one year (CNIL's recommendation for access logs: six months to a year). */
export const AUDIT_RETENTION_DAYS = 365;
export const ANONYMOUS_PREFIX = 'anonyme-';

export interface DepartmentPurge {
  departmentId: number;
  code: string;
  linksDeleted: number;
  linksScrubbed: number;
  mentorshipsAnonymised: number;
  youngPeopleAnonymised: number;
}

export interface PurgeReport {
  at: string;
  dryRun: boolean;
  departments: DepartmentPurge[];
  sessionsDeleted: number;
  auditEntriesDeleted: number;
}

/** The Paris date `months` months before `now`, as YYYY-MM-DD (end dates are stored so). */
export function monthsBefore(now: Date, months: number): string {
  return monthsBeforeToday({ now: () => now }, months);
}

// A scrubbed link can never match a token again: its hash is not a SHA-256 of anything a token could be.
const scrubbedHash = () => `purge:${randomBytes(16).toString('hex')}`;

function scrubLinks(tx: Executor, linkIds: number[]): number {
  let n = 0;
  for (const id of linkIds) {
    n += tx
      .update(links)
      .set({ tokenHash: scrubbedHash(), publicId: randomBytes(16).toString('base64url'), draftJson: null, draftUpdatedAt: null })
      .where(and(eq(links.id, id), notLike(links.tokenHash, 'purge:%')))
      .run().changes;
  }
  return n;
}

class DryRun extends Error {}

/**
 * Applies each department's retention periods (meant for a daily cron: `npm run cli -- purge`):
 * - a link `linkRetentionDays` after it expired: deleted with its unsent draft; when an answer hangs on it, only
 *   its token hash and draft are wiped (the answer's own retention follows the mentorship's);
 * - a mentorship `dataRetentionMonths` after it ended: anonymised — references replaced, raw answers and free text
 *   wiped, mentor unlinked — while its indicator values and steering-table columns stay, so past years' aggregated
 *   reports do not change;
 * - expired sessions, and audit entries older than a year.
 * Idempotent: a second run finds nothing more to do.
 */
export function purge(ctx: AppContext, options: { dryRun?: boolean } = {}): PurgeReport {
  const now = ctx.now();
  const report: PurgeReport = { at: now.toISOString(), dryRun: options.dryRun === true, departments: [], sessionsDeleted: 0, auditEntriesDeleted: 0 };
  try {
    ctx.db.transaction(
      (tx) => {
        for (const department of tx.select().from(departments).all()) {
          report.departments.push(purgeDepartment(ctx, tx, department, now));
        }
        report.sessionsDeleted = tx
          .delete(sessions)
          .where(or(lt(sessions.lastSeenAt, new Date(now.getTime() - IDLE_TIMEOUT_MS)), lt(sessions.createdAt, new Date(now.getTime() - ABSOLUTE_TIMEOUT_MS))))
          .run().changes;
        report.auditEntriesDeleted = tx.delete(auditLog).where(lt(auditLog.at, new Date(now.getTime() - AUDIT_RETENTION_DAYS * DAY_MS))).run().changes;
        if (report.dryRun) throw new DryRun();
      },
      { behavior: 'immediate' },
    );
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  return report;
}

function purgeDepartment(ctx: AppContext, tx: Executor, department: typeof departments.$inferSelect, now: Date): DepartmentPurge {
  const result: DepartmentPurge = { departmentId: department.id, code: department.code, linksDeleted: 0, linksScrubbed: 0, mentorshipsAnonymised: 0, youngPeopleAnonymised: 0 };
  const inDepartment = tx.select({ id: mentorships.id }).from(mentorships).where(eq(mentorships.departmentId, department.id));

  // 1. Links past their retention.
  const linkCutoff = new Date(now.getTime() - department.linkRetentionDays * DAY_MS);
  const oldLinks = tx
    .select({ id: links.id, responseId: responses.id })
    .from(links)
    .leftJoin(responses, eq(responses.linkId, links.id))
    .where(and(inArray(links.mentorshipId, inDepartment), lte(links.expiresAt, linkCutoff), notLike(links.tokenHash, 'purge:%')))
    .all();
  const unanswered = oldLinks.filter((l) => l.responseId === null).map((l) => l.id);
  if (unanswered.length > 0) result.linksDeleted = deleteWithDependents(ctx.sqlite, 'links', unanswered).links ?? 0;
  result.linksScrubbed = scrubLinks(tx, oldLinks.filter((l) => l.responseId !== null).map((l) => l.id));

  // 2. Row-level data of mentorships ended before the cutoff.
  const endCutoff = monthsBefore(now, department.dataRetentionMonths);
  const due = tx
    .select({ id: mentorships.id, youngPersonId: mentorships.youngPersonId })
    .from(mentorships)
    .where(and(eq(mentorships.departmentId, department.id), isNotNull(mentorships.endedOn), lt(mentorships.endedOn, endCutoff), notLike(mentorships.reference, `${ANONYMOUS_PREFIX}%`)))
    .all();
  for (const m of due) {
    tx.update(mentorships).set({ reference: `${ANONYMOUS_PREFIX}${m.id}`, mentorId: null, updatedAt: now }).where(eq(mentorships.id, m.id)).run();
    tx.update(responses).set({ answersJson: {}, idempotencyKey: null }).where(eq(responses.mentorshipId, m.id)).run();
    scrubLinks(tx, tx.select({ id: links.id }).from(links).where(eq(links.mentorshipId, m.id)).all().map((l) => l.id));
    tx.update(links).set({ draftJson: null, draftUpdatedAt: null }).where(eq(links.mentorshipId, m.id)).run();
    result.mentorshipsAnonymised += 1;
  }
  // A young person's row goes anonymous once none of their mentorships still carries a reference.
  const youngIds = [...new Set(due.map((m) => m.youngPersonId))];
  for (const youngPersonId of youngIds) {
    const stillNamed = tx
      .select({ id: mentorships.id })
      .from(mentorships)
      .where(and(eq(mentorships.youngPersonId, youngPersonId), notLike(mentorships.reference, `${ANONYMOUS_PREFIX}%`)))
      .get();
    if (stillNamed) continue;
    result.youngPeopleAnonymised += tx
      .update(youngPeople)
      .set({ reference: sql`${ANONYMOUS_PREFIX} || ${youngPeople.id}` })
      .where(and(eq(youngPeople.id, youngPersonId), notLike(youngPeople.reference, `${ANONYMOUS_PREFIX}%`)))
      .run().changes;
  }
  const changed = result.linksDeleted + result.linksScrubbed + result.mentorshipsAnonymised + result.youngPeopleAnonymised;
  if (changed > 0) {
    audit(ctx, {
      action: 'purge',
      target: `department:${department.id}`,
      departmentId: department.id,
      associationId: null,
      details: { liensSupprimes: result.linksDeleted, liensEffaces: result.linksScrubbed, mentoratsAnonymises: result.mentorshipsAnonymised, jeunesAnonymises: result.youngPeopleAnonymised },
      db: tx,
    });
  }
  return result;
}
