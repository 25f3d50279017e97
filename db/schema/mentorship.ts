import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { departments } from './department.ts';
import { associations } from './association.ts';
import { youngPeople } from './young-person.ts';
import { mentors } from './mentor.ts';
import { MENTORSHIP_STATUSES } from './enums.ts';

/** One row of the steering table (tableau de pilotage). Dates are ISO YYYY-MM-DD strings. */
export const mentorships = sqliteTable(
  'mentorships',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    departmentId: integer('department_id').notNull().references(() => departments.id),
    associationId: integer('association_id').notNull().references(() => associations.id),
    /** The association's own reference for the row; import updates rows by it. */
    reference: text('reference').notNull(),
    youngPersonId: integer('young_person_id').notNull().references(() => youngPeople.id),
    mentorId: integer('mentor_id').references(() => mentors.id),
    appliedOn: text('applied_on'),
    matchedOn: text('matched_on'),
    startedOn: text('started_on'),
    endedOn: text('ended_on'),
    status: text('status', { enum: MENTORSHIP_STATUSES }).notNull(),
    objective: text('objective'),
    modality: text('modality'),
    isRenewal: integer('is_renewal', { mode: 'boolean' }).notNull().default(false),
    closureReason: text('closure_reason'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('mentorships_reference_uq').on(t.departmentId, t.associationId, t.reference),
    // Reports read one department's rows by date: these keep their cost tied to the department, not the database.
    index('mentorships_department_started_idx').on(t.departmentId, t.startedOn),
    index('mentorships_department_ended_idx').on(t.departmentId, t.endedOn),
    index('mentorships_association_idx').on(t.associationId, t.status),
  ],
);
