import { and, asc, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import { z } from 'zod';
import { associations, departmentAssociations, reportingConfirmations, reportingReminders } from '../../db/schema/index.ts';
import type { Executor } from '../../db/open.ts';
import type { StaffContext } from '../context.ts';
import { badRequest } from '../errors.ts';
import { IsoDate } from '../http/validation.ts';
import { loadCalendar } from './calendar.ts';
import { addDays, nextDuePeriod, parisDate, periodsDueBetween, type Period } from './periods.ts';
import { punctuality } from './punctuality.ts';

export const ReportingRangeInput = z.strictObject({ from: IsoDate.optional(), to: IsoDate.optional() });

/** Partner associations of a department (one association for its own lead), with the first day of the partnership. */
export function partnerAssociations(db: Executor, departmentId: number, onlyAssociationId: number | null) {
  return db
    .select({ id: associations.id, name: associations.name, since: departmentAssociations.createdAt })
    .from(departmentAssociations)
    .innerJoin(associations, eq(associations.id, departmentAssociations.associationId))
    .where(and(eq(departmentAssociations.departmentId, departmentId), onlyAssociationId === null ? undefined : eq(departmentAssociations.associationId, onlyAssociationId)))
    .orderBy(asc(associations.name))
    .all()
    .map((a) => ({ id: a.id, name: a.name, since: parisDate(a.since) }));
}

/** Confirmations of the given periods, scoped to the department (and the association for its lead). */
export function loadConfirmations(db: Executor, departmentId: number, associationId: number | null, periodIds: string[]) {
  if (periodIds.length === 0) return [];
  return db
    .select()
    .from(reportingConfirmations)
    .where(
      and(
        eq(reportingConfirmations.departmentId, departmentId),
        inArray(reportingConfirmations.period, periodIds),
        associationId === null ? undefined : eq(reportingConfirmations.associationId, associationId),
      ),
    )
    .all();
}

/**
 * The reporting page: periods due in the range, each association's status per period (on time, late, missing,
 * to come), punctuality rates, the texts sent and the reminders. A lead sees its own association only.
 */
export function reportingOverview(ctx: StaffContext, input: z.infer<typeof ReportingRangeInput>) {
  const today = parisDate(ctx.now());
  const settings = loadCalendar(ctx.db, ctx.actor.departmentId);
  const next = nextDuePeriod(settings, today);
  const to = input.to ?? next.dueOn;
  const from = input.from ?? addDays(to, -183);
  if (from > to) throw badRequest('La date de début doit précéder la date de fin.');
  if (Date.parse(to) - Date.parse(from) > 3 * 366 * 86_400_000) throw badRequest('La plage demandée ne peut pas dépasser trois ans.');
  const periods: Period[] = periodsDueBetween(settings, from, to);
  const scope = ctx.actor.associationId;
  const partners = partnerAssociations(ctx.db, ctx.actor.departmentId, scope);
  const confirmations = loadConfirmations(
    ctx.db,
    ctx.actor.departmentId,
    scope,
    periods.map((p) => p.id),
  );
  const rows = punctuality({
    periods,
    associations: partners,
    confirmations: confirmations.map((c) => ({ associationId: c.associationId, period: c.period, confirmedOn: parisDate(c.confirmedAt) })),
    today,
  });
  const reminders = ctx.db
    .select({
      associationId: reportingReminders.associationId,
      associationName: associations.name,
      period: reportingReminders.period,
      dueOn: reportingReminders.dueOn,
      channel: reportingReminders.channel,
      state: reportingReminders.state,
      recipients: reportingReminders.recipients,
      createdAt: reportingReminders.createdAt,
      sentAt: reportingReminders.sentAt,
    })
    .from(reportingReminders)
    .innerJoin(associations, eq(associations.id, reportingReminders.associationId))
    .where(
      and(
        eq(reportingReminders.departmentId, ctx.actor.departmentId),
        gte(reportingReminders.dueOn, from),
        lte(reportingReminders.dueOn, addDays(to, 31)),
        scope === null ? undefined : eq(reportingReminders.associationId, scope),
      ),
    )
    .orderBy(desc(reportingReminders.createdAt))
    .limit(500)
    .all()
    .map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), sentAt: r.sentAt?.toISOString() ?? null }));
  return {
    today,
    calendar: settings,
    nextPeriod: next,
    from,
    to,
    periods,
    associations: rows,
    texts: confirmations
      .filter((c) => c.difficulties !== '' || c.presentations !== '')
      .map((c) => ({ associationId: c.associationId, period: c.period, difficultes: c.difficulties, presentations: c.presentations })),
    reminders,
  };
}
