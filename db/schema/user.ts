import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { departments } from './department.ts';
import { associations } from './association.ts';
import { PASSWORD_LINK_REASONS, USER_ROLES } from './enums.ts';

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull(),
    /**
     * The department that owns the account: the only one where it acts and the only one whose administrator
     * manages it (list, reset, disable). Set for every account, leads included (server/users/ownership.ts); a
     * lead created before ownership was recorded (null here) belongs to its association's first partner.
     */
    departmentId: integer('department_id').references(() => departments.id),
    /** A reporting lead belongs to one association; an association working with several departments has one account per department. */
    associationId: integer('association_id').references(() => associations.id),
    displayName: text('display_name').notNull().default(''),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
    /**
     * A pending one-time link to choose a password (account creation or reset by an administrator): SHA-256 of
     * the token only, its expiry, why and by whom. The administrator never sees a usable password.
     */
    passwordLinkHash: text('password_link_hash'),
    passwordLinkExpiresAt: integer('password_link_expires_at', { mode: 'timestamp_ms' }),
    passwordLinkReason: text('password_link_reason', { enum: PASSWORD_LINK_REASONS }),
    passwordLinkCreatedAt: integer('password_link_created_at', { mode: 'timestamp_ms' }),
    passwordLinkCreatedBy: integer('password_link_created_by'),
  },
  (t) => [index('users_association_idx').on(t.associationId), index('users_department_idx').on(t.departmentId), uniqueIndex('users_password_link_uq').on(t.passwordLinkHash)],
);
