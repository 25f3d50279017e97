import { and, asc, count, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { indicatorValues, links, mentors, mentorships, questionnaireVersions, responses, youngPeople } from '../../db/schema/index.ts';
import type { StaffContext } from '../context.ts';
import { notFound } from '../errors.ts';
import type { Executor } from '../../db/open.ts';
import { mentorshipScope } from '../mentorships/scope.ts';
import { audit } from '../audit/audit.ts';
import { deleteWithDependents } from './cascade.ts';
import { freeTextQuestionNames, splitFreeText } from './free-text.ts';

function scopedMentorship(ctx: StaffContext, db: Executor, id: number) {
  const row = db.select().from(mentorships).where(and(mentorshipScope(ctx.actor), eq(mentorships.id, id))).get();
  if (!row) throw notFound('Ce mentorat');
  return row;
}

function responsesWithSurvey(db: Executor, mentorshipId: number) {
  return db
    .select({ response: responses, survey: questionnaireVersions.surveyJson })
    .from(responses)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, responses.questionnaireVersionId))
    .where(eq(responses.mentorshipId, mentorshipId))
    .orderBy(asc(responses.audience))
    .all();
}

/**
 * The free-text answers of one mentorship, for the association that ran it and no one else (the route is for
 * reporting leads; the scope adds the association and the session's department).
 */
export function mentorshipComments(ctx: StaffContext, id: number) {
  scopedMentorship(ctx, ctx.db, id);
  const comments = responsesWithSurvey(ctx.db, id).flatMap(({ response, survey }) => {
    const { freeText } = splitFreeText(response.answersJson ?? {}, freeTextQuestionNames(survey));
    return Object.entries(freeText).map(([question, text]) => ({ audience: response.audience, question, text, submittedAt: response.submittedAt.toISOString() }));
  });
  audit(ctx, { action: 'commentaires.consultes', target: `mentorship:${id}`, details: { nombre: comments.length } });
  return { mentorshipId: id, comments };
}

/** The rights a person may exercise on their data (GDPR art. 15–21) that call for a full export. */
export const RIGHTS_REQUESTS = ['acces', 'portabilite', 'rectification', 'effacement', 'opposition'] as const;

export const RightsRequestInput = z.strictObject({
  droit: z.enum(RIGHTS_REQUESTS, { error: 'Indiquez le droit exercé par la personne (accès, portabilité, rectification, effacement ou opposition).' }),
  /** The department's file number for the request: kept in the audit trail, so it must never be a name. */
  reference: z
    .string({ error: 'Indiquez la référence de la demande d’exercice de droits (numéro de dossier, sans nom).' })
    .trim()
    .min(3, { error: 'Indiquez la référence de la demande d’exercice de droits (au moins 3 caractères, sans nom).' })
    .max(60, { error: 'La référence de la demande ne doit pas dépasser 60 caractères.' }),
});

/**
 * Everything kept about one mentorship, as JSON, for a documented rights request only (access, portability…):
 * the notice tells the young person that nobody else reads their individual answers. Department administrator
 * only (the route's roles), the right and the request's reference are required and written to the audit trail.
 * Free text stays with the association: the export gives its count only (docs/privacy.md).
 */
export function exportMentorship(ctx: StaffContext, id: number, request: z.infer<typeof RightsRequestInput>) {
  const mentorship = scopedMentorship(ctx, ctx.db, id);
  const youngPerson = ctx.db.select().from(youngPeople).where(eq(youngPeople.id, mentorship.youngPersonId)).get() ?? null;
  const mentor = mentorship.mentorId === null ? null : (ctx.db.select({ reference: mentors.reference, trainedOn: mentors.trainedOn }).from(mentors).where(eq(mentors.id, mentorship.mentorId)).get() ?? null);
  const linkRows = ctx.db
    .select({ audience: links.audience, state: links.state, createdAt: links.createdAt, expiresAt: links.expiresAt, usedAt: links.usedAt, hasDraft: links.draftUpdatedAt })
    .from(links)
    .where(eq(links.mentorshipId, id))
    .all()
    .map((l) => ({ audience: l.audience, state: l.state, createdAt: l.createdAt.toISOString(), expiresAt: l.expiresAt.toISOString(), usedAt: l.usedAt?.toISOString() ?? null, draftSaved: l.hasDraft !== null }));
  const answers = responsesWithSurvey(ctx.db, id).map(({ response, survey }) => {
    const { freeText, rest } = splitFreeText(response.answersJson ?? {}, freeTextQuestionNames(survey));
    return {
      audience: response.audience,
      declined: response.declined,
      submittedAt: response.submittedAt.toISOString(),
      questionnaireVersionId: response.questionnaireVersionId,
      // Free text stays with the association, whoever asks here: its count only.
      answers: rest,
      freeTextAnswersHeldByAssociation: Object.keys(freeText).length,
    };
  });
  const values = ctx.db
    .select({ audience: indicatorValues.audience, indicatorId: indicatorValues.indicatorId, dimension: indicatorValues.dimension, value: indicatorValues.value, valueText: indicatorValues.valueText, year: indicatorValues.year })
    .from(indicatorValues)
    .where(eq(indicatorValues.mentorshipId, id))
    .all()
    // Indicator values of free-text questions are free text too.
    .map((v) => ({ ...v, valueText: v.valueText === null ? null : '[texte libre détenu par l’association]' }));
  audit(ctx, { action: 'mentorat.exporte', target: `mentorship:${id}`, departmentId: mentorship.departmentId, associationId: mentorship.associationId, details: { droit: request.droit, demande: request.reference } });
  return {
    exportedAt: ctx.now().toISOString(),
    mentorship: { ...mentorship, createdAt: mentorship.createdAt.toISOString(), updatedAt: mentorship.updatedAt.toISOString() },
    youngPerson: youngPerson && { ...youngPerson, createdAt: youngPerson.createdAt.toISOString() },
    mentor,
    links: linkRows,
    responses: answers,
    indicatorValues: values,
  };
}

/**
 * Deletes a mentorship and everything about it: its links (so an unused link stops working at once: the neutral
 * page answers), answers, indicator values, any row another feature attached to it, and the young person's row
 * when no other mentorship uses it. Used by the association (an entry made by mistake) and by the department's
 * administrator (erasure on request).
 */
export function eraseMentorship(ctx: StaffContext, id: number): void {
  ctx.db.transaction(
    (tx) => {
      const row = scopedMentorship(ctx, tx, id);
      const counts = deleteWithDependents(ctx.sqlite, 'mentorships', [row.id]);
      const others = tx.select({ n: count() }).from(mentorships).where(and(eq(mentorships.youngPersonId, row.youngPersonId), ne(mentorships.id, row.id))).get()?.n ?? 0;
      if (others === 0) Object.assign(counts, { young_people: deleteWithDependents(ctx.sqlite, 'young_people', [row.youngPersonId]).young_people ?? 0 });
      audit(ctx, {
        action: ctx.actor.associationId === null ? 'mentorat.efface' : 'mentorat.supprime',
        target: `mentorship:${id}`,
        departmentId: row.departmentId,
        associationId: row.associationId,
        details: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v])),
        db: tx,
      });
    },
    { behavior: 'immediate' },
  );
}
