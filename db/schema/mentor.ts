import { sqliteTable, integer, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { associations } from './association.ts';

export const mentors = sqliteTable(
  'mentors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    associationId: integer('association_id').notNull().references(() => associations.id),
    reference: text('reference').notNull(),
    /** ISO date (YYYY-MM-DD) of the mentor's training; null when not trained yet. */
    trainedOn: text('trained_on'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('mentors_reference_uq').on(t.associationId, t.reference)],
);
