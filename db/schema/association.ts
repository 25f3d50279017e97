import { sqliteTable, integer, text, primaryKey, index } from 'drizzle-orm/sqlite-core';
import { departments } from './department.ts';

export const associations = sqliteTable('associations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

/** An association may work with several departments; each partnership is scoped here. */
export const departmentAssociations = sqliteTable(
  'department_associations',
  {
    departmentId: integer('department_id').notNull().references(() => departments.id),
    associationId: integer('association_id').notNull().references(() => associations.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.departmentId, t.associationId] }), index('department_associations_association_idx').on(t.associationId)],
);
