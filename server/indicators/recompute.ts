import { eq } from 'drizzle-orm';
import { indicatorValues, mentorships, questionnaireVersions, responses } from '../../db/schema/index.ts';
import { mapAnswers } from '../../surveys/index.ts';
import { closureYear } from '../questionnaires/respond.ts';
import type { Db } from '../../db/open.ts';

/**
 * Rebuilds every indicator value from the stored answers and their own questionnaire version, for when a
 * mapping is corrected. One transaction: reports never see a half-rebuilt table. Idempotent.
 */
export function recomputeIndicatorValues(db: Db): { responses: number; values: number } {
  let responseCount = 0;
  let valueCount = 0;
  db.transaction(
    (tx) => {
      tx.delete(indicatorValues).run();
      const surveys = new Map<number, Record<string, unknown>>();
      const rows = tx
        .select({
          id: responses.id,
          mentorshipId: responses.mentorshipId,
          versionId: responses.questionnaireVersionId,
          audience: responses.audience,
          declined: responses.declined,
          answers: responses.answersJson,
          departmentId: mentorships.departmentId,
          associationId: mentorships.associationId,
          endedOn: mentorships.endedOn,
          submittedAt: responses.submittedAt,
        })
        .from(responses)
        .innerJoin(mentorships, eq(mentorships.id, responses.mentorshipId))
        .orderBy(responses.id)
        .all();
      for (const row of rows) {
        if (row.declined) continue;
        let survey = surveys.get(row.versionId);
        if (!survey) {
          survey = tx.select({ s: questionnaireVersions.surveyJson }).from(questionnaireVersions).where(eq(questionnaireVersions.id, row.versionId)).get()!.s;
          surveys.set(row.versionId, survey);
        }
        const values = mapAnswers(survey, row.answers);
        responseCount++;
        if (values.length === 0) continue;
        tx.insert(indicatorValues)
          .values(
            values.map((v) => ({
              responseId: row.id,
              mentorshipId: row.mentorshipId,
              departmentId: row.departmentId,
              associationId: row.associationId,
              year: closureYear(row.endedOn, row.submittedAt),
              audience: row.audience,
              indicatorId: v.indicatorId,
              dimension: v.dimension,
              value: v.value,
              valueText: v.valueText,
            })),
          )
          .run();
        valueCount += values.length;
      }
    },
    { behavior: 'immediate' },
  );
  return { responses: responseCount, values: valueCount };
}
