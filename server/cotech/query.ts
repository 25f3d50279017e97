import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { z } from 'zod';
import { departments, listValues, mentorships, youngPeople } from '../../db/schema/index.ts';
import type { StaffContext } from '../context.ts';
import { badRequest } from '../errors.ts';
import { loadCalendar } from '../reporting/calendar.ts';
import { loadConfirmations, partnerAssociations } from '../reporting/overview.ts';
import { addDays, nextDuePeriod, parisDate, periodById, periodsDueBetween, PERIOD_PATTERN } from '../reporting/periods.ts';
import { reportingStatus } from '../reporting/punctuality.ts';
import { computeCotechFigures } from './compute.ts';
import { protectedYear } from '../reports/protection/query.ts';
import { resolveScope } from '../reports/scope.ts';

export const CotechParameters = z.strictObject({
  period: z.string().regex(PERIOD_PATTERN, { error: 'Période attendue au format AAAA-MM (mois) ou AAAA-T1 à AAAA-T4 (trimestre).' }).optional(),
});

/** The seed's example agenda of the Cotech (monthly or quarterly meeting with the associations). */
export const AGENDA = [
  'Point sur les chiffres et sur les profils repérés',
  'Point sur les présentations à venir aux acteurs de l’ASE et dans les établissements',
  'Remontées de difficultés ou points de blocage',
  'Point sur les prochaines étapes',
] as const;

/**
 * One period's Cotech: per partner association its figures and referred profiles (small counts suppressed with
 * the department's threshold), whether it confirmed its reporting, and the texts it sent for the meeting.
 * By default the last period whose deadline has passed (the meeting follows the deadline).
 */
export function cotechAgenda(ctx: StaffContext, params: z.infer<typeof CotechParameters>) {
  const departmentId = ctx.actor.departmentId;
  const today = parisDate(ctx.now());
  const settings = loadCalendar(ctx.db, departmentId);
  let period;
  if (params.period) {
    period = periodById(settings, params.period);
    if (!period) throw badRequest(`La période « ${params.period} » ne correspond pas au calendrier ${settings.rhythm} du département.`);
  } else {
    // Deadlines come at most every three months: the last 120 days always hold one.
    period = periodsDueBetween(settings, addDays(today, -120), today).at(-1)!;
  }
  const department = ctx.db.select({ name: departments.name, threshold: departments.suppressionThreshold }).from(departments).where(eq(departments.id, departmentId)).get()!;
  const partners = partnerAssociations(ctx.db, departmentId, null);
  // Read from the department's protected source of the period's year, masked (the Cotech gathers every
  // association's figures): the same verdicts as every report, export and other period of that year.
  const scope = resolveScope(ctx, undefined, 'export');
  const source = protectedYear(ctx, scope, Number(period.start.slice(0, 4)));
  const figures = computeCotechFigures({ period, threshold: scope.k, associations: partners, mentorships: [], placements: scope.lists.type_placement, source });
  const confirmations = new Map(loadConfirmations(ctx.db, departmentId, null, [period.id]).map((c) => [c.associationId, c]));
  // The deadline after the chosen period's, but never one already past when an older period is chosen.
  const afterPeriod = addDays(period.dueOn, 1);
  const next = nextDuePeriod(settings, afterPeriod > today ? afterPeriod : today);
  // Partners that joined after the deadline were not asked for this period.
  const sinceById = new Map(partners.map((p) => [p.id, p.since]));
  const associations = figures.associations.map((a) => {
    const c = confirmations.get(a.associationId);
    return {
      ...a,
      reporting: !c && (sinceById.get(a.associationId) ?? '') > period.dueOn ? ('non_concerne' as const) : reportingStatus(period.dueOn, c ? parisDate(c.confirmedAt) : null, today),
      confirmedAt: c?.confirmedAt.toISOString() ?? null,
      difficultes: c?.difficulties ?? '',
      presentations: c?.presentations ?? '',
    };
  });
  return {
    departmentName: department.name,
    threshold: department.threshold,
    rhythm: settings.rhythm,
    period,
    agenda: AGENDA,
    associations,
    ensemble: figures.ensemble,
    ensembleProfils: figures.ensembleProfils,
    nextPeriod: next,
    /** Periods offered in the page's chooser: about a year back, and the one in progress. */
    choices: periodsDueBetween(settings, addDays(today, -400), nextDuePeriod(settings, today).dueOn)
      .reverse()
      .map((p) => ({ id: p.id, label: p.label })),
    notConfirmed: associations.filter((a) => a.reporting === 'manquant' || a.reporting === 'a_venir').map((a) => a.associationName),
  };
}
