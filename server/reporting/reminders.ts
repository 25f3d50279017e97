import { and, eq, isNull, sql } from 'drizzle-orm';
import { departments, reportingConfirmations, reportingReminders, users } from '../../db/schema/index.ts';
import type { AppContext } from '../context.ts';
import { createMailTransport, type MailTransport } from '../mail/transport.ts';
import { loadCalendar } from './calendar.ts';
import { partnerAssociations } from './overview.ts';
import { addDays, parisDate, periodsDueBetween, type Period } from './periods.ts';

/** A reminder whose send failed explicitly (SMTP refused, server down) is tried again, at most this many times. */
export const MAX_ATTEMPTS = 3;

export interface ReminderRunResult {
  sent: number;
  listed: number;
  failed: number;
  /** Already claimed by this or another run (sent, listed, or being sent), or already confirmed. */
  skipped: number;
}

/**
 * Sends the reminders due now: to each partner association that has not confirmed a period whose deadline is
 * within the department's lead time (from today up to the deadline itself).
 *
 * Sent once — the delivery choice is AT MOST ONCE: a run first claims the (department, association, period) row
 * in its own committed transaction (unique index, INSERT … ON CONFLICT DO NOTHING), and only the run whose
 * insert took sends. A second or concurrent run (hourly timer and cron together, two servers) finds the row and
 * skips. If the process dies between the claim and the SMTP answer, the row stays `envoi` and is NOT re-sent:
 * a reminder is a courtesy, a duplicate in a lead's inbox is worse than a missing one, and the page shows the
 * association as late anyway. A send that fails with an error (the server said no, or could not be reached) is
 * known not to be delivered: it is marked `echec` and retried by the next runs, up to MAX_ATTEMPTS.
 * Without SMTP (`transport` null) the reminder is recorded (`enregistre`) and listed on the Reporting page.
 */
export async function sendDueReminders(ctx: AppContext, options: { transport?: MailTransport | null } = {}): Promise<ReminderRunResult> {
  const ownTransport = options.transport === undefined;
  const transport = ownTransport ? createMailTransport(ctx.config) : options.transport!;
  const result: ReminderRunResult = { sent: 0, listed: 0, failed: 0, skipped: 0 };
  try {
    const now = ctx.now();
    const today = parisDate(now);
    for (const department of ctx.db.select({ id: departments.id, name: departments.name }).from(departments).all()) {
      const settings = loadCalendar(ctx.db, department.id);
      if (!settings.remindersEnabled) continue;
      const periods = periodsDueBetween(settings, today, addDays(today, settings.reminderLeadDays));
      for (const period of periods) {
        for (const association of partnerAssociations(ctx.db, department.id, null)) {
          if (association.since > period.dueOn) continue;
          const outcome = await remindOne(ctx, transport, { department, association, period, now });
          result[outcome] += 1;
        }
      }
    }
  } finally {
    if (ownTransport) transport?.close();
  }
  return result;
}

interface Target {
  department: { id: number; name: string };
  association: { id: number; name: string };
  period: Period;
  now: Date;
}

async function remindOne(ctx: AppContext, transport: MailTransport | null, target: Target): Promise<keyof ReminderRunResult> {
  const { department, association, period, now } = target;
  const recipients = ctx.db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.associationId, association.id), eq(users.role, 'responsable_association'), isNull(users.disabledAt)))
    .all()
    .map((u) => u.email);
  const channel = transport && recipients.length > 0 ? 'email' : 'liste';

  const claimed = ctx.db.transaction(
    (tx) => {
      const confirmed = tx
        .select({ id: reportingConfirmations.id })
        .from(reportingConfirmations)
        .where(and(eq(reportingConfirmations.departmentId, department.id), eq(reportingConfirmations.associationId, association.id), eq(reportingConfirmations.period, period.id)))
        .get();
      if (confirmed) return null;
      const inserted = tx
        .insert(reportingReminders)
        .values({
          departmentId: department.id,
          associationId: association.id,
          period: period.id,
          dueOn: period.dueOn,
          channel,
          state: channel === 'email' ? 'envoi' : 'enregistre',
          recipients: recipients.length,
          createdAt: now,
          sentAt: channel === 'email' ? null : now,
        })
        .onConflictDoNothing()
        .returning({ id: reportingReminders.id })
        .get();
      if (inserted) return inserted.id;
      if (channel !== 'email') return null;
      // Retry of a send known to have failed: the state test in the WHERE makes the claim atomic.
      const retried = tx
        .update(reportingReminders)
        .set({ state: 'envoi', attempts: sql`${reportingReminders.attempts} + 1`, recipients: recipients.length })
        .where(
          and(
            eq(reportingReminders.departmentId, department.id),
            eq(reportingReminders.associationId, association.id),
            eq(reportingReminders.period, period.id),
            eq(reportingReminders.state, 'echec'),
            sql`${reportingReminders.attempts} < ${MAX_ATTEMPTS}`,
          ),
        )
        .returning({ id: reportingReminders.id })
        .get();
      return retried?.id ?? null;
    },
    { behavior: 'immediate' },
  );
  if (claimed === null) return 'skipped';
  if (channel === 'liste') return 'listed';

  try {
    await transport!.send({ to: recipients, ...reminderMessage(ctx.config.publicUrl, department.name, association.name, period) });
    ctx.db.update(reportingReminders).set({ state: 'envoye', sentAt: ctx.now(), lastError: null }).where(eq(reportingReminders.id, claimed)).run();
    ctx.logger.info({ departmentId: department.id, associationId: association.id, period: period.id, recipients: recipients.length }, 'rappel de reporting envoyé');
    return 'sent';
  } catch (error) {
    // The SMTP answer may quote addresses: keep only its first line, shortened, and never log the addresses.
    const message = String((error as Error).message ?? error).split('\n')[0]!.slice(0, 200);
    ctx.db.update(reportingReminders).set({ state: 'echec', lastError: message }).where(eq(reportingReminders.id, claimed)).run();
    ctx.logger.warn({ departmentId: department.id, associationId: association.id, period: period.id, code: (error as { code?: string }).code }, 'échec de l’envoi d’un rappel de reporting');
    return 'failed';
  }
}

/** "1er décembre 2026": French writes the first day of a month as an ordinal. */
const frenchDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).replace(/^1 /, '1er ');

/** No young person's data in a reminder: only the period, the deadline and where to confirm. */
export function reminderMessage(publicUrl: string, departmentName: string, associationName: string, period: Period) {
  return {
    subject: `Rappel : mise à jour du tableau de pilotage avant le ${frenchDate(period.dueOn)}`,
    text: [
      'Bonjour,',
      '',
      `Le reporting de la période « ${period.label} » est attendu par ${departmentName} au plus tard le ${frenchDate(period.dueOn)}.`,
      `Merci de mettre à jour les mentorats de ${associationName} puis de confirmer la mise à jour sur la page Reporting :`,
      `${publicUrl}/reporting`,
      '',
      'Vous pourrez y signaler des difficultés ou points de blocage et les présentations prévues aux acteurs de l’ASE, pour le prochain Cotech.',
      '',
      'Ce message est envoyé automatiquement par Impact Mentorat ; merci de ne pas y répondre.',
    ].join('\n'),
  };
}
