import { sqliteTable, integer, text, primaryKey } from 'drizzle-orm/sqlite-core';
import { departments } from './department.ts';

/** The department's chosen indicators for a year; `isKey` marks the 4–5 key ones, others are optional extras. */
export const indicatorSelections = sqliteTable(
  'indicator_selections',
  {
    departmentId: integer('department_id').notNull().references(() => departments.id),
    year: integer('year').notNull(),
    indicatorId: text('indicator_id').notNull(),
    isKey: integer('is_key', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.departmentId, t.year, t.indicatorId] })],
);
