import { sqliteTable, integer, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { departments } from './department.ts';
import { LIST_KINDS } from './enums.ts';

/** The "Paramètres figés" of the Excel model: per-department lists with stable codes. */
export const listValues = sqliteTable(
  'list_values',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    departmentId: integer('department_id').notNull().references(() => departments.id),
    kind: text('kind', { enum: LIST_KINDS }).notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    /** School-level group (Primaire, Collège…) or closure-reason category (binome / objectif). */
    groupLabel: text('group_label'),
    sortOrder: integer('sort_order').notNull().default(0),
    retiredAt: integer('retired_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('list_values_department_kind_code_uq').on(t.departmentId, t.kind, t.code)],
);
