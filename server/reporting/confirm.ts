import { z } from 'zod';
import { reportingConfirmations } from '../../db/schema/index.ts';
import type { StaffContext } from '../context.ts';
import { badRequest, forbidden } from '../errors.ts';
import { loadCalendar } from './calendar.ts';
import { parisDate, periodById, PERIOD_PATTERN } from './periods.ts';

export const MAX_REPORTING_TEXT = 2_000;

export const PeriodParam = z.strictObject({
  period: z.string().regex(PERIOD_PATTERN, { error: 'Période attendue au format AAAA-MM (mois) ou AAAA-T1 à AAAA-T4 (trimestre).' }),
});

const freeText = (label: string) =>
  z
    .string({ error: `« ${label} » : un texte est attendu.` })
    .trim()
    .max(MAX_REPORTING_TEXT, { error: `« ${label} » : au plus ${MAX_REPORTING_TEXT} caractères.` })
    .optional();

export const ConfirmInput = z.strictObject({
  difficultes: freeText('Difficultés / points de blocage'),
  presentations: freeText('Présentations prévues aux acteurs de l’ASE'),
});

/**
 * The association states its rows are up to date for a period. Confirming again only updates the texts:
 * punctuality stays measured on the first confirmation.
 */
export function confirmPeriod(ctx: StaffContext, periodId: string, input: z.infer<typeof ConfirmInput>) {
  const associationId = ctx.actor.associationId;
  if (associationId === null) throw forbidden('Seule une association confirme sa mise à jour.');
  const settings = loadCalendar(ctx.db, ctx.actor.departmentId);
  const period = periodById(settings, periodId);
  if (!period) {
    throw badRequest(`La période « ${periodId} » ne correspond pas au calendrier ${settings.rhythm === 'mensuel' ? 'mensuel (AAAA-MM)' : 'trimestriel (AAAA-T1 à AAAA-T4)'} du département.`);
  }
  const now = ctx.now();
  if (period.start > parisDate(now)) throw badRequest(`La période « ${period.label} » n’a pas encore commencé.`);
  const texts = { difficulties: input.difficultes ?? '', presentations: input.presentations ?? '' };
  const row = ctx.db.transaction(
    (tx) =>
      tx
        .insert(reportingConfirmations)
        .values({ departmentId: ctx.actor.departmentId, associationId, period: period.id, dueOn: period.dueOn, confirmedAt: now, confirmedBy: ctx.actor.userId, ...texts, updatedAt: now })
        .onConflictDoUpdate({
          target: [reportingConfirmations.departmentId, reportingConfirmations.associationId, reportingConfirmations.period],
          set: { ...texts, updatedAt: now },
        })
        .returning()
        .get(),
    { behavior: 'immediate' },
  );
  const confirmedOn = parisDate(row.confirmedAt);
  return {
    period: period.id,
    label: period.label,
    dueOn: period.dueOn,
    confirmedAt: row.confirmedAt.toISOString(),
    onTime: confirmedOn <= period.dueOn,
    difficultes: row.difficulties,
    presentations: row.presentations,
  };
}
