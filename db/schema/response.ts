import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { links } from './link.ts';
import { mentorships } from './mentorship.ts';
import { questionnaireVersions } from './questionnaire-version.ts';
import { AUDIENCES } from './enums.ts';

/** A submitted questionnaire. No IP address, no user agent: only the answers and their version. */
export const responses = sqliteTable(
  'responses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Unique: exactly one response per link, enforced by the database itself. */
    linkId: integer('link_id').notNull().unique().references(() => links.id, { onDelete: 'cascade' }),
    mentorshipId: integer('mentorship_id').notNull().references(() => mentorships.id, { onDelete: 'cascade' }),
    questionnaireVersionId: integer('questionnaire_version_id').notNull().references(() => questionnaireVersions.id),
    audience: text('audience', { enum: AUDIENCES }).notNull(),
    declined: integer('declined', { mode: 'boolean' }).notNull().default(false),
    answersJson: text('answers_json', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    /** Client-chosen key so that a retried submission returns the first result instead of failing. */
    idempotencyKey: text('idempotency_key'),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
    /** Language the questionnaire was answered in; the answers themselves are codes, the same in every language. */
    language: text('language').notNull().default('fr'),
  },
  (t) => [index('responses_mentorship_idx').on(t.mentorshipId)],
);
