import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { users } from './user.ts';
import { departments } from './department.ts';

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the cookie value: a stolen database does not yield live sessions. */
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** The department the user acts in; for an association working with several, chosen after login. */
    departmentId: integer('department_id').notNull().references(() => departments.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
