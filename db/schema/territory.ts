import { sqliteTable, integer, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { departments } from './department.ts';

export const territories = sqliteTable(
  'territories',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    departmentId: integer('department_id').notNull().references(() => departments.id),
    name: text('name').notNull(),
    retiredAt: integer('retired_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('territories_department_name_uq').on(t.departmentId, t.name)],
);
