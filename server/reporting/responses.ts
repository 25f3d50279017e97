import { z } from 'zod';
import { REMINDER_CHANNELS, REMINDER_STATES, REPORTING_RHYTHMS } from '../../db/schema/enums.ts';

// Shapes of this feature's JSON answers (the route table's `response`), for the OpenAPI document and the staff
// client's generated types. The compiler checks each handler returns its schema's shape.

const CalendarSettings = z.object({
  rhythm: z.enum(REPORTING_RHYTHMS),
  dueDay: z.number(),
  reminderLeadDays: z.number(),
  remindersEnabled: z.boolean(),
});
const Period = z.object({
  id: z.string(),
  label: z.string(),
  start: z.string(),
  end: z.string(),
  dueOn: z.string(),
});
const PunctualityRow = z.object({
  associationId: z.number(),
  associationName: z.string(),
  cells: z.array(z.object({
    period: z.string(),
    dueOn: z.string(),
    status: z.enum(["a_temps", "en_retard", "manquant", "a_venir", "non_concerne"]),
    confirmedOn: z.string().nullable(),
  })),
  onTime: z.number(),
  late: z.number(),
  missing: z.number(),
  denominator: z.number(),
  rate: z.number().nullable(),
});
export const ReportingOverview = z.object({
  today: z.string(),
  calendar: CalendarSettings,
  nextPeriod: Period,
  from: z.string(),
  to: z.string(),
  periods: z.array(Period),
  associations: z.array(PunctualityRow),
  texts: z.array(z.object({
    associationId: z.number(),
    period: z.string(),
    difficultes: z.string(),
    presentations: z.string(),
  })),
  reminders: z.array(z.object({
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    associationId: z.number(),
    associationName: z.string(),
    period: z.string(),
    dueOn: z.string(),
    channel: z.enum(REMINDER_CHANNELS),
    state: z.enum(REMINDER_STATES),
    recipients: z.number(),
  })),
});
export const CalendarView = z.object({
  nextPeriod: Period,
  rhythm: z.enum(REPORTING_RHYTHMS),
  dueDay: z.number(),
  reminderLeadDays: z.number(),
  remindersEnabled: z.boolean(),
});
export const ConfirmedPeriod = z.object({
  period: z.string(),
  label: z.string(),
  dueOn: z.string(),
  confirmedAt: z.string(),
  onTime: z.boolean(),
  difficultes: z.string(),
  presentations: z.string(),
});
