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
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});
