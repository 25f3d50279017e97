import { sqliteTable, integer, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { departments } from './department.ts';
import { AUDIENCES } from './enums.ts';

/** An immutable composed questionnaire; frozen once a link was issued for it. */
export const questionnaireVersions = sqliteTable(
  'questionnaire_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    departmentId: integer('department_id').notNull().references(() => departments.id),
    audience: text('audience', { enum: AUDIENCES }).notNull(),
    /** SHA-256 of the canonical survey JSON. */
    hash: text('hash').notNull(),
    surveyJson: text('survey_json', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    noticeJson: text('notice_json', { mode: 'json' }).notNull().$type<{ title: string; paragraphs: string[] }>(),
    indicatorIds: text('indicator_ids', { mode: 'json' }).notNull().$type<string[]>(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    frozenAt: integer('frozen_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('questionnaire_versions_hash_uq').on(t.departmentId, t.audience, t.hash)],
);
