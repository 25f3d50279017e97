import { staffRoute, ALL_STAFF, ASSOCIATION_LEAD, DEPARTMENT_STAFF } from '../http/route.ts';
import { CalendarView, ConfirmedPeriod, ReportingOverview } from './responses.ts';
import { CalendarInput, getCalendar, saveCalendar } from './calendar.ts';
import { ConfirmInput, PeriodParam, confirmPeriod } from './confirm.ts';
import { ReportingRangeInput, reportingOverview } from './overview.ts';

export const reportingRoutes = [
  staffRoute({
    method: 'get',
    path: '/api/reporting',
    summary: 'Calendrier de reporting : état par période et par association (à temps, en retard, manquant), rappels',
    tags: ['reporting'],
    access: ALL_STAFF,
    query: ReportingRangeInput,
    response: ReportingOverview,
    handler: (ctx, { query }) => reportingOverview(ctx, query),
  }),
  staffRoute({
    method: 'get',
    path: '/api/reporting/calendar',
    summary: 'Rythme de reporting du département, échéance et délai de rappel',
    tags: ['reporting'],
    access: ALL_STAFF,
    response: CalendarView,
    handler: (ctx) => getCalendar(ctx),
  }),
  staffRoute({
    method: 'put',
    path: '/api/reporting/calendar',
    summary: 'Modifie le rythme de reporting, le jour d’échéance et le délai de rappel',
    tags: ['reporting'],
    access: DEPARTMENT_STAFF,
    body: CalendarInput,
    response: CalendarView,
    handler: (ctx, { body }) => saveCalendar(ctx, body),
  }),
  staffRoute({
    method: 'post',
    path: '/api/reporting/:period/confirm',
    summary: 'L’association confirme que ses mentorats sont à jour pour la période (difficultés, présentations prévues)',
    tags: ['reporting'],
    access: ASSOCIATION_LEAD,
    params: PeriodParam,
    body: ConfirmInput,
    response: ConfirmedPeriod,
    handler: (ctx, { params, body }) => confirmPeriod(ctx, params.period, body),
  }),
];
