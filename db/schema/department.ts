import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';

export const departments = sqliteTable('departments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** Shown to respondents in the questionnaire notice: whom to contact about their answers. */
  respondentContact: text('respondent_contact').notNull().default(''),
  /** Counts from 1 to k-1 are never shown (small-cell suppression). */
  suppressionThreshold: integer('suppression_threshold').notNull().default(11),
  linkExpiryDays: integer('link_expiry_days').notNull().default(60),
  /** Retention (npm run cli -- purge): a link is deleted this many days after it expired or was used. */
  linkRetentionDays: integer('link_retention_days').notNull().default(90),
  /** Retention: row-level data of a mentorship is erased this many months after it ended; aggregates stay. */
  dataRetentionMonths: integer('data_retention_months').notNull().default(24),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});
