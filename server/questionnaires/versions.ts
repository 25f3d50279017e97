import { and, eq, isNull } from 'drizzle-orm';
import { departments, indicatorSelections, questionnaireVersions, type Audience } from '../../db/schema/index.ts';
import { composeQuestionnaire, DEFAULT_KEY_INDICATOR_IDS, DEFAULT_OPTIONAL_INDICATOR_IDS } from '../../surveys/index.ts';
import { questionnaireHash } from '../../surveys/hash.ts';
import type { Executor as Db } from '../../db/open.ts';

export type QuestionnaireVersion = typeof questionnaireVersions.$inferSelect;

/** The department's indicators for a year; a department that chose nothing gets the seed's default set. */
export function selectedIndicatorIds(db: Db, departmentId: number, year: number): string[] {
  const rows = db
    .select({ indicatorId: indicatorSelections.indicatorId })
    .from(indicatorSelections)
    .where(and(eq(indicatorSelections.departmentId, departmentId), eq(indicatorSelections.year, year)))
    .all();
  return rows.length > 0 ? rows.map((r) => r.indicatorId).sort() : [...DEFAULT_KEY_INDICATOR_IDS, ...DEFAULT_OPTIONAL_INDICATOR_IDS].sort();
}

/**
 * The questionnaire version in force: composed from the current selection and stored by content hash, so an
 * unchanged composition reuses its version and any change makes a new one. Versions are never updated.
 */
export function currentQuestionnaireVersion(db: Db, departmentId: number, audience: Audience, year: number, now: Date): QuestionnaireVersion {
  const department = db.select({ contact: departments.respondentContact }).from(departments).where(eq(departments.id, departmentId)).get();
  const indicatorIds = selectedIndicatorIds(db, departmentId, year);
  const { survey, notice } = composeQuestionnaire({ audience, indicatorIds, contact: department?.contact || 'l’association qui t’a transmis ce lien' });
  const hash = questionnaireHash({ survey, notice });
  const existing = db
    .select()
    .from(questionnaireVersions)
    .where(and(eq(questionnaireVersions.departmentId, departmentId), eq(questionnaireVersions.audience, audience), eq(questionnaireVersions.hash, hash)))
    .get();
  if (existing) return existing;
  return db
    .insert(questionnaireVersions)
    .values({ departmentId, audience, hash, surveyJson: survey as Record<string, unknown>, noticeJson: notice, indicatorIds, createdAt: now })
    .returning()
    .get();
}

/** Once a link points at a version, its content is what respondents saw: it must never change again. */
export function freezeVersion(db: Db, versionId: number, now: Date): void {
  db.update(questionnaireVersions).set({ frozenAt: now }).where(and(eq(questionnaireVersions.id, versionId), isNull(questionnaireVersions.frozenAt))).run();
}
