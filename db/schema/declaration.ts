import { sqliteTable, integer, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { departments } from './department.ts';
import { associations } from './association.ts';
import { DECLARATION_STATES } from './enums.ts';

/** The association's yearly declaration of Ressources and Activités; content validated by a zod schema. */
export const declarations = sqliteTable(
  'declarations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    departmentId: integer('department_id').notNull().references(() => departments.id),
    associationId: integer('association_id').notNull().references(() => associations.id),
    year: integer('year').notNull(),
    state: text('state', { enum: DECLARATION_STATES }).notNull().default('brouillon'),
    content: text('content', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('declarations_year_uq').on(t.departmentId, t.associationId, t.year)],
);
