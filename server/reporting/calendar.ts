import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { reportingCalendars, REPORTING_RHYTHMS } from '../../db/schema/index.ts';
import type { Executor } from '../../db/open.ts';
import type { StaffContext } from '../context.ts';
import { audit } from '../audit/audit.ts';
import { DEFAULT_CALENDAR, nextDuePeriod, parisDate, type CalendarSettings } from './periods.ts';

export const CalendarInput = z.strictObject({
  rhythm: z.enum(REPORTING_RHYTHMS, { error: 'Le rythme doit être « mensuel » ou « trimestriel ».' }),
  dueDay: z
    .number({ error: 'Le jour d’échéance doit être un nombre.' })
    .int({ error: 'Le jour d’échéance doit être un nombre entier.' })
    .min(1, { error: 'Le jour d’échéance doit être compris entre 1 et 28.' })
    .max(28, { error: 'Le jour d’échéance doit être compris entre 1 et 28 (pour exister chaque mois).' }),
  reminderLeadDays: z
    .number({ error: 'Le délai de rappel doit être un nombre de jours.' })
    .int({ error: 'Le délai de rappel doit être un nombre entier de jours.' })
    .min(1, { error: 'Le rappel part au moins 1 jour avant l’échéance.' })
    .max(30, { error: 'Le rappel part au plus 30 jours avant l’échéance.' }),
  remindersEnabled: z.boolean({ error: 'Indiquez si les rappels sont activés (oui ou non).' }),
});

export function loadCalendar(db: Executor, departmentId: number): CalendarSettings {
  const row = db.select().from(reportingCalendars).where(eq(reportingCalendars.departmentId, departmentId)).get();
  if (!row) return { ...DEFAULT_CALENDAR };
  return { rhythm: row.rhythm, dueDay: row.dueDay, reminderLeadDays: row.reminderLeadDays, remindersEnabled: row.remindersEnabled };
}

export function getCalendar(ctx: StaffContext) {
  const settings = loadCalendar(ctx.db, ctx.actor.departmentId);
  return { ...settings, nextPeriod: nextDuePeriod(settings, parisDate(ctx.now())) };
}

export function saveCalendar(ctx: StaffContext, input: z.infer<typeof CalendarInput>) {
  const now = ctx.now();
  ctx.db.transaction(
    (tx) => {
      tx.insert(reportingCalendars)
        .values({ departmentId: ctx.actor.departmentId, ...input, updatedAt: now })
        .onConflictDoUpdate({ target: reportingCalendars.departmentId, set: { ...input, updatedAt: now } })
        .run();
      audit(ctx, { action: 'parametres.modifies', target: 'calendrier_reporting', details: { ...input }, db: tx });
    },
    { behavior: 'immediate' },
  );
  return getCalendar(ctx);
}
