import { eq } from 'drizzle-orm';
import { departmentAssociations, reportingConfirmations } from '../../db/schema/index.ts';
import type { Executor } from '../../db/open.ts';
import { addDays, DEFAULT_CALENDAR, parisDate, periodsDueBetween } from './periods.ts';

const DIFFICULTIES = [
  'Deux candidatures en attente d’autorisation parentale depuis plus d’un mois.',
  'Peu de candidatures venues des SAF : les éducateurs ne connaissent pas encore le dispositif.',
  '',
];
const PRESENTATIONS = ['Présentation du mentorat à l’équipe de la MECS Les Tilleuls, début du mois prochain.', '', 'Réunion d’information avec le service Milieu ouvert du territoire Sud.'];

/**
 * Demo reporting history (monthly calendar, the default): the partnerships date from the first demo year; the
 * first association always confirms on time, the second is late on the last deadline, the third has not
 * confirmed it — so the Reporting and Cotech pages show every case.
 */
export function seedDemoReporting(db: Executor, departmentId: number, associations: { id: number }[], now: Date, firstYear: number) {
  db.update(departmentAssociations)
    .set({ createdAt: new Date(Date.UTC(firstYear, 0, 1)) })
    .where(eq(departmentAssociations.departmentId, departmentId))
    .run();
  const today = parisDate(now);
  const periods = periodsDueBetween(DEFAULT_CALENDAR, addDays(today, -100), addDays(today, -1));
  associations.forEach((association, a) => {
    periods.forEach((period, i) => {
      const last = i === periods.length - 1;
      if (last && a === 2) return;
      const confirmedOn = last && a === 1 ? addDays(period.dueOn, 3) : addDays(period.dueOn, -2 - a);
      if (confirmedOn > today) return;
      const at = new Date(`${confirmedOn}T09:00:00Z`);
      db.insert(reportingConfirmations)
        .values({
          departmentId,
          associationId: association.id,
          period: period.id,
          dueOn: period.dueOn,
          confirmedAt: at,
          difficulties: last ? (DIFFICULTIES[a] ?? '') : '',
          presentations: last ? (PRESENTATIONS[a] ?? '') : '',
          updatedAt: at,
        })
        .run();
    });
  });
}
