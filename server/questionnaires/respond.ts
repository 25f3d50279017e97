import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  associations,
  indicatorValues,
  links,
  mentorships,
  questionnaireVersions,
  responses,
} from '../../db/schema/index.ts';
import type { AppContext } from '../context.ts';
import { ServiceError, badRequest, conflict } from '../errors.ts';
import { mapAnswers, validateSubmission } from '../../surveys/index.ts';
import { hashToken, PUBLIC_ID_PATTERN, TOKEN_PATTERN } from './tokens.ts';
import type { Executor as Db } from '../../db/open.ts';

export type LinkRow = typeof links.$inferSelect;

/** Unknown, expired, revoked and used links all look the same from outside: nothing hints which. */
export const linkUnavailable = () =>
  new ServiceError('NOT_FOUND', 'Ce lien n’est pas ou plus valide. Il a peut-être déjà servi, ou il a expiré.');

/** Finds an open, unexpired link from the raw token of the address. */
export function findOpenLinkByToken(ctx: AppContext, token: string): LinkRow | null {
  if (!TOKEN_PATTERN.test(token)) return null;
  const link = ctx.db.select().from(links).where(eq(links.tokenHash, hashToken(token))).get();
  if (!link || link.state !== 'ouvert' || link.expiresAt.getTime() <= ctx.now().getTime()) return null;
  return link;
}

/**
 * After the exchange, the respondent is known by the public id in the address AND the token in their
 * questionnaire-scoped cookie; either alone is worthless.
 */
export function findRespondentLink(ctx: AppContext, publicId: string, cookieToken: unknown): LinkRow | null {
  if (!PUBLIC_ID_PATTERN.test(publicId) || typeof cookieToken !== 'string' || !TOKEN_PATTERN.test(cookieToken)) return null;
  const link = ctx.db
    .select()
    .from(links)
    .where(and(eq(links.publicId, publicId), eq(links.tokenHash, hashToken(cookieToken))))
    .get();
  if (!link || link.state === 'revoque') return null;
  if (link.state === 'ouvert' && link.expiresAt.getTime() <= ctx.now().getTime()) return null;
  return link;
}

export function requireRespondentLink(ctx: AppContext, publicId: string, cookieToken: unknown): LinkRow {
  const link = findRespondentLink(ctx, publicId, cookieToken);
  if (!link) throw linkUnavailable();
  return link;
}

export function loadQuestionnaire(ctx: AppContext, link: LinkRow) {
  const row = ctx.db
    .select({ version: questionnaireVersions, associationName: associations.name })
    .from(questionnaireVersions)
    .innerJoin(mentorships, eq(mentorships.id, link.mentorshipId))
    .innerJoin(associations, eq(associations.id, mentorships.associationId))
    .where(eq(questionnaireVersions.id, link.questionnaireVersionId))
    .get();
  if (!row) throw linkUnavailable();
  return {
    audience: link.audience,
    state: link.state,
    associationName: row.associationName,
    versionId: row.version.id,
    survey: row.version.surveyJson,
    notice: row.version.noticeJson,
    draft: link.state === 'ouvert' ? (link.draftJson ?? null) : null,
  };
}

const MAX_ANSWER_BYTES = 64 * 1024;

export const DraftInput = z.strictObject({
  answers: z.record(z.string().max(100), z.unknown()),
  currentPage: z.number().int().min(0).max(100).optional(),
  /** Name of the question on screen (one question per screen), to resume exactly there on any device. */
  currentQuestion: z.string().regex(/^[A-Za-z0-9_]{1,100}$/).optional(),
});

/** Saves partial answers as the respondent goes: they resume on any device; reports never read drafts. */
export function saveDraft(ctx: AppContext, link: LinkRow, input: z.infer<typeof DraftInput>): { savedAt: string } {
  if (link.state !== 'ouvert') throw conflict('Ce questionnaire a déjà été envoyé.');
  const survey = ctx.db.select({ s: questionnaireVersions.surveyJson }).from(questionnaireVersions).where(eq(questionnaireVersions.id, link.questionnaireVersionId)).get();
  const checked = validateSubmission(survey?.s ?? {}, input.answers);
  if (!checked.ok) throw badRequest(checked.errors[0]?.message ?? 'Réponses invalides.', { errors: checked.errors });
  const draft = {
    ...checked.answers,
    ...(input.currentPage !== undefined ? { __page: input.currentPage } : {}),
    ...(input.currentQuestion !== undefined ? { __question: input.currentQuestion } : {}),
  };
  if (JSON.stringify(draft).length > MAX_ANSWER_BYTES) throw new ServiceError('PAYLOAD_TOO_LARGE', 'Les réponses sont trop longues.');
  const now = ctx.now();
  ctx.db.update(links).set({ draftJson: draft, draftUpdatedAt: now }).where(and(eq(links.id, link.id), eq(links.state, 'ouvert'))).run();
  return { savedAt: now.toISOString() };
}

export const SubmitInput = z.strictObject({
  answers: z.record(z.string().max(100), z.unknown()),
  /** Chosen by the client once per questionnaire: a retried submission gets the first one's result. */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Clé d’idempotence invalide.').optional(),
});

export interface SubmitResult {
  status: 'enregistre' | 'deja_enregistre';
  submittedAt: string;
}

/**
 * Validates the answers against the exact version the respondent was served, then stores the response, its
 * indicator values and the link's new state in one transaction: an acknowledged answer is complete or absent.
 */
export function submitResponse(ctx: AppContext, link: LinkRow, input: z.infer<typeof SubmitInput>): SubmitResult {
  const version = ctx.db.select().from(questionnaireVersions).where(eq(questionnaireVersions.id, link.questionnaireVersionId)).get();
  if (!version) throw linkUnavailable();
  const checked = validateSubmission(version.surveyJson, input.answers);
  if (!checked.ok) throw badRequest(checked.errors[0]?.message ?? 'Réponses invalides.', { errors: checked.errors });
  if (JSON.stringify(checked.answers).length > MAX_ANSWER_BYTES) throw new ServiceError('PAYLOAD_TOO_LARGE', 'Les réponses sont trop longues.');
  const values = mapAnswers(version.surveyJson, checked.answers);
  return storeResponse(ctx, link, { answers: checked.answers, declined: false, values, idempotencyKey: input.idempotencyKey ?? null });
}

/** Declining stores the refusal and nothing else. */
export function declineResponse(ctx: AppContext, link: LinkRow, idempotencyKey: string | null): SubmitResult {
  return storeResponse(ctx, link, { answers: {}, declined: true, values: [], idempotencyKey });
}

function storeResponse(
  ctx: AppContext,
  link: LinkRow,
  input: { answers: Record<string, unknown>; declined: boolean; values: ReturnType<typeof mapAnswers>; idempotencyKey: string | null },
): SubmitResult {
  const now = ctx.now();
  return ctx.db.transaction(
    (tx) => {
      const current = tx.select().from(links).where(eq(links.id, link.id)).get();
      if (!current || current.state === 'revoque') throw linkUnavailable();
      if (current.state !== 'ouvert') return alreadyAnswered(tx, current, input.idempotencyKey);
      if (current.expiresAt.getTime() <= now.getTime()) throw linkUnavailable();
      const mentorship = tx
        .select({ id: mentorships.id, departmentId: mentorships.departmentId, associationId: mentorships.associationId, endedOn: mentorships.endedOn })
        .from(mentorships)
        .where(eq(mentorships.id, current.mentorshipId))
        .get();
      if (!mentorship) throw linkUnavailable();
      const response = tx
        .insert(responses)
        .values({
          linkId: current.id,
          mentorshipId: mentorship.id,
          questionnaireVersionId: current.questionnaireVersionId,
          audience: current.audience,
          declined: input.declined,
          answersJson: input.answers,
          idempotencyKey: input.idempotencyKey,
          submittedAt: now,
        })
        .returning({ id: responses.id })
        .get();
      const year = Number((mentorship.endedOn ?? now.toISOString()).slice(0, 4));
      if (input.values.length > 0) {
        tx.insert(indicatorValues)
          .values(
            input.values.map((v) => ({
              responseId: response.id,
              mentorshipId: mentorship.id,
              departmentId: mentorship.departmentId,
              associationId: mentorship.associationId,
              year,
              audience: current.audience,
              indicatorId: v.indicatorId,
              dimension: v.dimension,
              value: v.value,
              valueText: v.valueText,
            })),
          )
          .run();
      }
      tx.update(links)
        .set({ state: input.declined ? 'refuse' : 'repondu', usedAt: now, draftJson: null, draftUpdatedAt: null })
        .where(eq(links.id, current.id))
        .run();
      return { status: 'enregistre' as const, submittedAt: now.toISOString() };
    },
    { behavior: 'immediate' },
  );
}

function alreadyAnswered(tx: Db, link: LinkRow, idempotencyKey: string | null): SubmitResult {
  const previous = tx.select({ key: responses.idempotencyKey, submittedAt: responses.submittedAt }).from(responses).where(eq(responses.linkId, link.id)).get();
  if (previous && idempotencyKey !== null && previous.key === idempotencyKey) {
    return { status: 'deja_enregistre', submittedAt: previous.submittedAt.toISOString() };
  }
  throw conflict('Tu as déjà répondu à ce questionnaire. Merci !');
}
