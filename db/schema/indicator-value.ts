import { sqliteTable, integer, text, real, index } from 'drizzle-orm/sqlite-core';
import { responses } from './response.ts';
import { mentorships } from './mentorship.ts';
import { AUDIENCES } from './enums.ts';

/**
 * One row per response × indicator × dimension, derived from answers at submission (and by `recompute`).
 * Department, association and year are copied from the mentorship so reports read one narrow index range.
 */
export const indicatorValues = sqliteTable(
  'indicator_values',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    responseId: integer('response_id').notNull().references(() => responses.id, { onDelete: 'cascade' }),
    mentorshipId: integer('mentorship_id').notNull().references(() => mentorships.id, { onDelete: 'cascade' }),
    departmentId: integer('department_id').notNull(),
    associationId: integer('association_id').notNull(),
    /** Year the mentorship ended (the closure year the response belongs to). */
    year: integer('year').notNull(),
    audience: text('audience', { enum: AUDIENCES }).notNull(),
    indicatorId: text('indicator_id').notNull(),
    dimension: text('dimension').notNull(),
    value: real('value'),
    valueText: text('value_text'),
  },
  (t) => [
    index('indicator_values_report_idx').on(t.departmentId, t.year, t.indicatorId),
    index('indicator_values_response_idx').on(t.responseId),
  ],
);
