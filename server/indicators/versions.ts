import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { questionnaireVersions, responses, links } from '../../db/schema/index.ts';
import { AUDIENCE_LANGUAGES, getIndicator, indicatorWording, type Language } from '../../surveys/index.ts';
import type { StaffContext } from '../context.ts';
import { notFound } from '../errors.ts';

/** Versions of the department's questionnaires, newest first, with how many links and answers use each. */
export function listVersions(ctx: StaffContext) {
  const versions = ctx.db
    .select({
      id: questionnaireVersions.id,
      audience: questionnaireVersions.audience,
      hash: questionnaireVersions.hash,
      indicatorIds: questionnaireVersions.indicatorIds,
      createdAt: questionnaireVersions.createdAt,
      frozenAt: questionnaireVersions.frozenAt,
    })
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.departmentId, ctx.actor.departmentId))
    .orderBy(desc(questionnaireVersions.id))
    .all();
  const ids = versions.map((v) => v.id);
  const linkCounts = new Map(
    ids.length === 0
      ? []
      : ctx.db
          .select({ id: links.questionnaireVersionId, n: count() })
          .from(links)
          .where(inArray(links.questionnaireVersionId, ids))
          .groupBy(links.questionnaireVersionId)
          .all()
          .map((r) => [r.id, r.n] as const),
  );
  const responseCounts = new Map(
    ids.length === 0
      ? []
      : ctx.db
          .select({ id: responses.questionnaireVersionId, n: count() })
          .from(responses)
          .where(inArray(responses.questionnaireVersionId, ids))
          .groupBy(responses.questionnaireVersionId)
          .all()
          .map((r) => [r.id, r.n] as const),
  );
  return versions.map((v) => ({
    ...v,
    createdAt: v.createdAt.toISOString(),
    frozenAt: v.frozenAt?.toISOString() ?? null,
    links: linkCounts.get(v.id) ?? 0,
    responses: responseCounts.get(v.id) ?? 0,
  }));
}

export function getVersion(ctx: StaffContext, id: number) {
  const version = ctx.db
    .select()
    .from(questionnaireVersions)
    .where(and(eq(questionnaireVersions.departmentId, ctx.actor.departmentId), eq(questionnaireVersions.id, id)))
    .get();
  if (!version) throw notFound('Cette version de questionnaire');
  return { ...version, createdAt: version.createdAt.toISOString(), frozenAt: version.frozenAt?.toISOString() ?? null };
}

export interface WordingComparison {
  indicatorId: string;
  label: string;
  audience: 'youth' | 'mentor';
  /** Measured in both versions but with different question wording: figures compare with caution. */
  changed: boolean;
  /** Languages whose wording changed (a changed translation is a wording change too): 'fr', 'ar'… */
  changedLanguages: Language[];
  inFrom: boolean;
  inTo: boolean;
}

/**
 * Indicators are compared across versions by id; this says, per indicator and audience, whether the questions
 * that feed it were worded differently, so reports can flag a comparison across the change.
 */
export function compareVersions(ctx: StaffContext, fromId: number, toId: number): WordingComparison[] {
  const from = getVersion(ctx, fromId);
  const to = getVersion(ctx, toId);
  if (from.audience !== to.audience) return [];
  const ids = [...new Set([...from.indicatorIds, ...to.indicatorIds])].sort();
  return ids.flatMap((indicatorId) => {
    const a = indicatorWording(from.surveyJson, indicatorId);
    const b = indicatorWording(to.surveyJson, indicatorId);
    if (a === '' && b === '') return [];
    const changed = a !== '' && b !== '' && a !== b;
    const changedLanguages = changed
      ? AUDIENCE_LANGUAGES[from.audience].filter((l) => indicatorWording(from.surveyJson, indicatorId, l) !== indicatorWording(to.surveyJson, indicatorId, l))
      : [];
    return [{ indicatorId, label: getIndicator(indicatorId)?.label ?? indicatorId, audience: from.audience, changed, changedLanguages, inFrom: a !== '', inTo: b !== '' }];
  });
}
