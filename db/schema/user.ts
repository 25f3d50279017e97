import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { departments } from './department.ts';
import { associations } from './association.ts';
import { USER_ROLES } from './enums.ts';

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull(),
    /** Department staff belong to one department. */
    departmentId: integer('department_id').references(() => departments.id),
    /** A reporting lead belongs to one association (which may work with several departments). */
    associationId: integer('association_id').references(() => associations.id),
    displayName: text('display_name').notNull().default(''),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('users_association_idx').on(t.associationId), index('users_department_idx').on(t.departmentId)],
);
