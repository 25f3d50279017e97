import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { departments } from './department.ts';
import { associations } from './association.ts';
import { users } from './user.ts';
import { REMINDER_CHANNELS, REMINDER_STATES, REPORTING_RHYTHMS } from './enums.ts';

/**
 * A department's reporting calendar. No row means the defaults (the seed's example: the 1st of each month,
 * reminder 5 days before), so a new department has a working calendar at once.
 */
export const reportingCalendars = sqliteTable('reporting_calendars', {
  departmentId: integer('department_id').primaryKey().references(() => departments.id),
  rhythm: text('rhythm', { enum: REPORTING_RHYTHMS }).notNull().default('mensuel'),
  /** Deadline: this day of the month following the period (1–28, so that every month has it). */
  dueDay: integer('due_day').notNull().default(1),
  reminderLeadDays: integer('reminder_lead_days').notNull().default(5),
  remindersEnabled: integer('reminders_enabled', { mode: 'boolean' }).notNull().default(true),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/** An association's statement that its rows are up to date for one period, with what it wants raised at the Cotech. */
export const reportingConfirmations = sqliteTable(
  'reporting_confirmations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    departmentId: integer('department_id').notNull().references(() => departments.id),
    associationId: integer('association_id').notNull().references(() => associations.id),
    /** `2026-11` (monthly) or `2026-T4` (quarterly). */
    period: text('period').notNull(),
    dueOn: text('due_on').notNull(),
    /** First confirmation: punctuality is measured on it; later edits only change the texts. */
    confirmedAt: integer('confirmed_at', { mode: 'timestamp_ms' }).notNull(),
    confirmedBy: integer('confirmed_by').references(() => users.id),
    difficulties: text('difficulties').notNull().default(''),
    presentations: text('presentations').notNull().default(''),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('reporting_confirmations_uq').on(t.departmentId, t.associationId, t.period), index('reporting_confirmations_period_idx').on(t.departmentId, t.period)],
);

/**
 * One reminder per department × association × period. The unique index is the "send once" guarantee: a run
 * claims the row before sending, so a second or concurrent run finds it and does nothing.
 */
export const reportingReminders = sqliteTable(
  'reporting_reminders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    departmentId: integer('department_id').notNull().references(() => departments.id),
    associationId: integer('association_id').notNull().references(() => associations.id),
    period: text('period').notNull(),
    dueOn: text('due_on').notNull(),
    channel: text('channel', { enum: REMINDER_CHANNELS }).notNull(),
    state: text('state', { enum: REMINDER_STATES }).notNull(),
    /** How many reporting leads it was addressed to (addresses are not copied here). */
    recipients: integer('recipients').notNull().default(0),
    attempts: integer('attempts').notNull().default(1),
    lastError: text('last_error'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('reporting_reminders_uq').on(t.departmentId, t.associationId, t.period), index('reporting_reminders_state_idx').on(t.state)],
);
