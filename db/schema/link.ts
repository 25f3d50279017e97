import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { mentorships } from './mentorship.ts';
import { questionnaireVersions } from './questionnaire-version.ts';
import { AUDIENCES, LINK_STATES } from './enums.ts';

/** A single-use questionnaire link. Only the token's SHA-256 is kept; the token itself is shown once. */
export const links = sqliteTable(
  'links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Random id used in the address after the token was exchanged for a cookie; worthless without the cookie. */
    publicId: text('public_id').notNull().unique(),
    tokenHash: text('token_hash').notNull().unique(),
    mentorshipId: integer('mentorship_id').notNull().references(() => mentorships.id, { onDelete: 'cascade' }),
    audience: text('audience', { enum: AUDIENCES }).notNull(),
    questionnaireVersionId: integer('questionnaire_version_id').notNull().references(() => questionnaireVersions.id),
    state: text('state', { enum: LINK_STATES }).notNull().default('ouvert'),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    /** Partial answers saved as the respondent goes; never read by reports. */
    draftJson: text('draft_json', { mode: 'json' }).$type<Record<string, unknown>>(),
    draftUpdatedAt: integer('draft_updated_at', { mode: 'timestamp_ms' }),
    /**
     * Language the respondent reads the questionnaire in (surveys/languages.ts), set at the first opening from the
     * phone's preference, then by their choice: resuming on another phone keeps it. Null until first opened.
     */
    language: text('language'),
  },
  (t) => [uniqueIndex('links_mentorship_audience_uq').on(t.mentorshipId, t.audience), index('links_state_idx').on(t.state, t.expiresAt)],
);
