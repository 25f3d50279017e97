import { and, eq, sql } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { associations, links, mentorships, questionnaireVersions } from '../../db/schema/index.ts';
import type { AppContext } from '../context.ts';
import { ServiceError, badRequest, conflict } from '../errors.ts';
import { respondentText } from '../../surveys/respondent-text.ts';
import {
  LANGUAGE_INFO,
  languageFromAcceptLanguage,
  localizeSurvey,
  mapAnswers,
  resolveLanguage,
  surveyLanguages,
  validateSubmission,
  type IndicatorValueRow,
  type Language,
  type Notice,
} from '../../surveys/index.ts';
import { hashToken, PUBLIC_ID_PATTERN, TOKEN_PATTERN } from './tokens.ts';
import { parisDate } from '../time.ts';
import { groupCommit } from './group-commit.ts';

export type LinkRow = typeof links.$inferSelect;

/** Unknown, expired, revoked and used links all look the same from outside: nothing hints which. */
export const linkUnavailable = () =>
  new ServiceError('NOT_FOUND', 'Ce lien n’est pas ou plus valide. Il a peut-être déjà servi, ou il a expiré.');

/**
 * The year a response's indicator values count in: the year the mentorship ended, or, for a row without an end date,
 * the year the answer arrived. Submission and `recompute` must agree on it, so it lives here once.
 */
export function closureYear(endedOn: string | null, answeredAt: Date): number {
  return Number((endedOn ?? parisDate(answeredAt)).slice(0, 4));
}

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
  const link = hotPath(ctx).respondentLink.get({ publicId, tokenHash: hashToken(cookieToken) });
  if (!link || link.state === 'revoque') return null;
  if (link.state === 'ouvert' && link.expiresAt.getTime() <= ctx.now().getTime()) return null;
  return link;
}

export function requireRespondentLink(ctx: AppContext, publicId: string, cookieToken: unknown): LinkRow {
  const link = findRespondentLink(ctx, publicId, cookieToken);
  if (!link) throw linkUnavailable();
  return link;
}

/**
 * The language to show: the one asked for in the address (`?langue=`, an unknown code meaning French), else the
 * link's, else the phone's preference. It is kept on the link, so that resuming on another phone, the end pages
 * and the response all use it. Only languages the version carries every text in are offered (older versions: French).
 */
export function respondentLanguage(ctx: AppContext, link: LinkRow, offered: readonly Language[], requested: string | undefined, acceptLanguage: string | undefined): Language {
  let language: Language;
  if (requested !== undefined) language = resolveLanguage(requested, link.audience);
  else if (link.language) language = resolveLanguage(link.language, link.audience);
  else language = languageFromAcceptLanguage(acceptLanguage, link.audience);
  if (!offered.includes(language)) language = 'fr';
  if (language !== link.language && link.state === 'ouvert') {
    ctx.db.update(links).set({ language }).where(eq(links.id, link.id)).run();
    link.language = language;
  }
  return language;
}

/** The notice in one language (the French one when the version carries no translation for it). */
function localizeNotice(notice: Notice, language: Language): { title: string; paragraphs: string[] } {
  const translated = language === 'fr' ? undefined : notice.translations?.[language];
  return translated ?? { title: notice.title, paragraphs: notice.paragraphs };
}

/** What a respondent's phone receives: the questionnaire in their language only (never the other five). */
export function loadQuestionnaire(ctx: AppContext, link: LinkRow, request: { language?: string; acceptLanguage?: string } = {}) {
  const row = ctx.db
    .select({ version: questionnaireVersions, associationName: associations.name })
    .from(questionnaireVersions)
    .innerJoin(mentorships, eq(mentorships.id, link.mentorshipId))
    .innerJoin(associations, eq(associations.id, mentorships.associationId))
    .where(eq(questionnaireVersions.id, link.questionnaireVersionId))
    .get();
  if (!row) throw linkUnavailable();
  const languages = surveyLanguages(row.version.surveyJson, link.audience);
  const language = respondentLanguage(ctx, link, languages, request.language, request.acceptLanguage);
  return {
    audience: link.audience,
    state: link.state,
    associationName: row.associationName,
    versionId: row.version.id,
    language,
    languages,
    speechLang: LANGUAGE_INFO[language].htmlLang,
    text: respondentText(link.audience, language),
    survey: localizeSurvey(row.version.surveyJson, language),
    notice: localizeNotice(row.version.noticeJson as Notice, language),
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
  const version = frozenVersion(ctx, link.questionnaireVersionId);
  if (!version) throw linkUnavailable();
  // The hash identifies the survey JSON: the compiled form is reused instead of rebuilt from the JSON.
  const checked = validateSubmission(version.survey, input.answers, { cacheKey: version.hash });
  if (!checked.ok) throw badRequest(checked.errors[0]?.message ?? 'Réponses invalides.', { errors: checked.errors });
  const answersJson = JSON.stringify(checked.answers);
  if (answersJson.length > MAX_ANSWER_BYTES) throw new ServiceError('PAYLOAD_TOO_LARGE', 'Les réponses sont trop longues.');
  const values = mapAnswers(version.survey, checked.answers);
  return storeResponse(ctx, link, { answersJson, declined: false, values, idempotencyKey: input.idempotencyKey ?? null });
}

/**
 * A respondent's submission as the answer route and its fast lane run it: the link is looked up and the answers
 * validated and stored inside the group commit (group-commit.ts), so answers arriving together share one durable
 * COMMIT, each in its own savepoint; the promise settles only once that COMMIT is on disk.
 */
export function submitAnswer(ctx: AppContext, publicId: string, cookieToken: unknown, input: z.infer<typeof SubmitInput>): Promise<SubmitResult> {
  return groupCommit(ctx.sqlite, () => submitResponse(ctx, requireRespondentLink(ctx, publicId, cookieToken), input));
}

/** Declining stores the refusal and nothing else. */
export function declineResponse(ctx: AppContext, link: LinkRow, idempotencyKey: string | null): SubmitResult {
  return storeResponse(ctx, link, { answersJson: '{}', declined: true, values: [], idempotencyKey });
}

function storeResponse(
  ctx: AppContext,
  link: LinkRow,
  input: { answersJson: string; declined: boolean; values: IndicatorValueRow[]; idempotencyKey: string | null },
): SubmitResult {
  const now = ctx.now();
  const q = hotPath(ctx);
  // better-sqlite3's transaction: BEGIN IMMEDIATE alone, a SAVEPOINT inside the group commit's transaction.
  return q.store.immediate(link.id, input, now);
}

function alreadyAnswered(q: HotPath, linkId: number, idempotencyKey: string | null): SubmitResult {
  const previous = q.previousResponse.get(linkId) as { key: string | null; submittedAt: number } | undefined;
  if (previous && idempotencyKey !== null && previous.key === idempotencyKey) {
    return { status: 'deja_enregistre', submittedAt: new Date(previous.submittedAt).toISOString() };
  }
  throw conflict('Tu as déjà répondu à ce questionnaire. Merci !');
}

/*
 * The submission hot path runs several hundred times a second under load: building each query with drizzle and
 * preparing it again cost about as much as the validation itself. Its statements are prepared once per database
 * handle (tests open many), and the frozen questionnaire versions are kept in memory: a version row never
 * changes once a link was issued for it (only `frozen_at` is set, once), and the parsed survey object must stay
 * the same for the validation and mapping caches to hit.
 */
interface CurrentLinkRow {
  id: number;
  state: LinkRow['state'];
  expiresAt: number;
  audience: LinkRow['audience'];
  questionnaireVersionId: number;
  mentorshipId: number | null;
  departmentId: number;
  associationId: number;
  endedOn: string | null;
  /** The language the respondent last chose or was shown (null if never opened, e.g. a decline by API). */
  language: string | null;
}

const VALUE_COLUMNS = 10;
/** Indicator values per INSERT statement: one statement for a whole questionnaire, far below SQLite's variable limit. */
const VALUES_PER_INSERT = 100;

function prepareHotPath(ctx: AppContext) {
  const sqlite: Database.Database = ctx.sqlite;
  const respondentLink = ctx.db
    .select()
    .from(links)
    .where(and(eq(links.publicId, sql.placeholder('publicId')), eq(links.tokenHash, sql.placeholder('tokenHash'))))
    .prepare();
  const version = sqlite.prepare('SELECT id, hash, survey_json AS surveyJson FROM questionnaire_versions WHERE id = ?');
  const currentLink = sqlite.prepare(
    `SELECT l.id, l.state, l.expires_at AS expiresAt, l.audience, l.questionnaire_version_id AS questionnaireVersionId, l.language,
            m.id AS mentorshipId, m.department_id AS departmentId, m.association_id AS associationId, m.ended_on AS endedOn
       FROM links l LEFT JOIN mentorships m ON m.id = l.mentorship_id
      WHERE l.id = ?`,
  );
  const previousResponse = sqlite.prepare('SELECT idempotency_key AS key, submitted_at AS submittedAt FROM responses WHERE link_id = ?');
  const insertResponse = sqlite.prepare(
    `INSERT INTO responses (link_id, mentorship_id, questionnaire_version_id, audience, declined, answers_json, idempotency_key, submitted_at, language)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const closeLink = sqlite.prepare('UPDATE links SET state = ?, used_at = ?, draft_json = NULL, draft_updated_at = NULL WHERE id = ?');
  const insertValuesByCount = new Map<number, Database.Statement>();
  const insertValues = (count: number) => {
    let statement = insertValuesByCount.get(count);
    if (!statement) {
      const row = `(${new Array(VALUE_COLUMNS).fill('?').join(', ')})`;
      statement = sqlite.prepare(
        `INSERT INTO indicator_values (response_id, mentorship_id, department_id, association_id, year, audience, indicator_id, dimension, value, value_text)
         VALUES ${new Array(count).fill(row).join(', ')}`,
      );
      insertValuesByCount.set(count, statement);
    }
    return statement;
  };
  const hot = {
    respondentLink,
    version,
    versions: new Map<number, FrozenVersion>(),
    previousResponse,
    store: sqlite.transaction((linkId: number, input: Parameters<typeof storeResponse>[2], now: Date): SubmitResult => {
      const current = currentLink.get(linkId) as CurrentLinkRow | undefined;
      if (!current || current.state === 'revoque') throw linkUnavailable();
      if (current.state !== 'ouvert') return alreadyAnswered(hot, current.id, input.idempotencyKey);
      if (current.expiresAt <= now.getTime()) throw linkUnavailable();
      if (current.mentorshipId === null) throw linkUnavailable();
      const at = now.getTime();
      const responseId = Number(
        insertResponse.run(
          current.id,
          current.mentorshipId,
          current.questionnaireVersionId,
          current.audience,
          input.declined ? 1 : 0,
          input.answersJson,
          input.idempotencyKey,
          at,
          resolveLanguage(current.language, current.audience),
        )
          .lastInsertRowid,
      );
      const year = closureYear(current.endedOn, now);
      for (let start = 0; start < input.values.length; start += VALUES_PER_INSERT) {
        const chunk = input.values.slice(start, start + VALUES_PER_INSERT);
        const params: unknown[] = [];
        for (const v of chunk) {
          params.push(responseId, current.mentorshipId, current.departmentId, current.associationId, year, current.audience, v.indicatorId, v.dimension, v.value, v.valueText);
        }
        insertValues(chunk.length).run(params);
      }
      closeLink.run(input.declined ? 'refuse' : 'repondu', at, current.id);
      return { status: 'enregistre', submittedAt: now.toISOString() };
    }),
  };
  return hot;
}

type HotPath = ReturnType<typeof prepareHotPath>;
interface FrozenVersion {
  id: number;
  hash: string;
  survey: Record<string, unknown>;
}

const hotPaths = new WeakMap<Database.Database, HotPath>();

function hotPath(ctx: AppContext): HotPath {
  let hot = hotPaths.get(ctx.sqlite);
  if (!hot) {
    hot = prepareHotPath(ctx);
    hotPaths.set(ctx.sqlite, hot);
  }
  return hot;
}

function frozenVersion(ctx: AppContext, id: number): FrozenVersion | null {
  const hot = hotPath(ctx);
  const cached = hot.versions.get(id);
  if (cached) return cached;
  const row = hot.version.get(id) as { id: number; hash: string; surveyJson: string } | undefined;
  if (!row) return null;
  const version = { id: row.id, hash: row.hash, survey: JSON.parse(row.surveyJson) as Record<string, unknown> };
  hot.versions.set(id, version);
  return version;
}
