import { sqliteTable, integer, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { departments } from './department.ts';
import { associations } from './association.ts';
import { territories } from './territory.ts';

/**
 * Privacy by design: no name, only the association's own reference, and the birth month (YYYY-MM),
 * enough for age groups without keeping a full birth date.
 */
export const youngPeople = sqliteTable(
  'young_people',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    departmentId: integer('department_id').notNull().references(() => departments.id),
    associationId: integer('association_id').notNull().references(() => associations.id),
    reference: text('reference').notNull(),
    sex: text('sex'),
    birthMonth: text('birth_month'),
    schoolLevel: text('school_level'),
    placementType: text('placement_type'),
    territoryId: integer('territory_id').references(() => territories.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('young_people_reference_uq').on(t.departmentId, t.associationId, t.reference)],
);
