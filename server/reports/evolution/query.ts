import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { mentorships, questionnaireVersions, responses } from '../../../db/schema/index.ts';
import { getIndicator, INDICATOR_IDS } from '../../../surveys/catalogue.ts';
import { indicatorWording } from '../../../surveys/compose.ts';
import type { StaffContext } from '../../context.ts';
import { loadDeclarations, loadIndicatorValues, loadMentors, loadMentorships } from '../facts.ts';
import { loadKeyIndicators } from '../key-indicators.ts';
import { associationCondition, AssociationFilter, insufficientMessage, ReportYear, resolveScope, type ReportScope } from '../scope.ts';
import { perYoungPerson, activeDuring } from '../measures.ts';
import type { Purpose } from '../protection/masking.ts';
import { firstDataYear, MAX_YEARS, protectedYears } from '../protection/query.ts';
import { seriesFor, wordingChanges, type Series, type WordingChange } from './compute.ts';
import { today } from '../../time.ts';


export const EvolutionParameters = z.strictObject({
  year: ReportYear,
  association: AssociationFilter,
  /** The indicator compared across associations (defaults to the first key indicator that is a share). */
  indicator: z.enum(INDICATOR_IDS).optional(),
});
export type EvolutionParameters = z.infer<typeof EvolutionParameters>;

export type EvolutionResult =
  | { status: 'insufficient'; year: number; k: number; message: string }
  | {
      status: 'ok';
      k: number;
      years: number[];
      keyIndicators: Series[];
      compared: { indicatorId: string; label: string; associations: (Series & { associationId: number; associationName: string })[] };
      wordingChanges: WordingChange[];
      associations: { id: number; name: string }[];
    };

const FACETS = ['prise_de_parole', 'personne_ressource', 'liens', 'decouverte'];
/** The answer rows each indicator's headline figure reads (see value-chain/compute.ts); the others are not loaded. */
export const HEADLINE_DIMENSIONS: Readonly<Record<string, readonly string[]>> = {
  'realisations.frequence': ['frequence'],
  'realisations.assiduite': ['assiduite'],
  'realisations.qualite_relation': ['score'],
  'impact.confiance': ['evolution', 'grace_au_mentorat'],
  'impact.notes': ['evolution', 'grace_au_mentorat'],
  'impact.stage': ['trouve'],
  'impact.competences_psychosociales': FACETS.flatMap((f) => [`${f}.evolution`, `${f}.grace_au_mentorat`]),
};

const SHARE_INDICATORS = ['resultats.objectif_atteint', 'impact.confiance', 'impact.notes', 'impact.stage', 'impact.competences_psychosociales'];

export function evolutionReport(ctx: StaffContext, params: EvolutionParameters, purpose: Purpose = 'screen'): EvolutionResult {
  const scope = resolveScope(ctx, params.association, purpose);
  const first = Math.max(params.year - MAX_YEARS + 1, firstDataYear(ctx, scope) ?? params.year);
  const mentorshipRows = loadMentorships(ctx, scope, { from: `${first - 1}-01-01`, to: `${params.year}-12-31` });
  const years = Array.from({ length: Math.max(1, params.year - first + 1) }, (_, i) => first + i);
  const lastYoung = perYoungPerson(mentorshipRows.filter((m) => activeDuring(m, params.year))).length;
  if (lastYoung > 0 && lastYoung < scope.k) return { status: 'insufficient', year: params.year, k: scope.k, message: insufficientMessage(scope.k) };
  const keyIds = loadKeyIndicators(ctx, scope.departmentId, params.year);
  const comparedId = params.indicator ?? keyIds.find((id) => SHARE_INDICATORS.includes(id)) ?? 'resultats.objectif_atteint';
  // Ten years of answers: only the rows of the indicators shown are read.
  const wanted = [...new Set([...keyIds, comparedId])];
  const sources = protectedYears(ctx, scope, years);
  const facts = {
    year: params.year,
    compare: false,
    k: scope.k,
    today: today(ctx),
    lists: scope.lists,
    territories: scope.territories,
    keyIndicatorIds: keyIds,
    mentorships: mentorshipRows,
    mentors: loadMentors(ctx, scope),
    indicatorValues: loadIndicatorValues(ctx, scope, years, wanted, wanted.flatMap((id) => (HEADLINE_DIMENSIONS[id] ?? []).map((d) => [id, d] as const))),
    declarations: loadDeclarations(ctx, scope, years),
    // Each year's registry counts come from that department-year's protected source, as on every other screen.
    protection: (y: number) => sources.get(y)?.view(scope.associationId) ?? null,
  };
  const shown = scope.associationId === null ? scope.associations : scope.associations.filter((a) => a.id === scope.associationId);
  const associations = shown.map((a) => ({
    ...seriesFor(
      {
        ...facts,
        mentorships: facts.mentorships.filter((m) => m.associationId === a.id),
        mentors: facts.mentors.filter((t) => t.associationId === a.id),
        indicatorValues: facts.indicatorValues.filter((v) => v.associationId === a.id),
        declarations: facts.declarations.filter((d) => d.associationId === a.id),
        protection: (y: number) => sources.get(y)?.view(a.id) ?? null,
      },
      years,
      [comparedId],
    )[0]!,
    associationId: a.id,
    associationName: a.name,
  }));
  return {
    status: 'ok',
    k: scope.k,
    years,
    keyIndicators: seriesFor(facts, years, keyIds),
    compared: { indicatorId: comparedId, label: getIndicator(comparedId)?.label ?? comparedId, associations },
    wordingChanges: wordingChanges(loadWordings(ctx, scope, years, wanted), wanted),
    associations: scope.associations,
  };
}

/** The first year anything was recorded for the scope (a row of the steering table or a submitted declaration). */
/** Wording of each indicator in the questionnaire versions that were answered, per closure year. */
function loadWordings(ctx: StaffContext, scope: ReportScope, years: number[], indicatorIds: string[]) {
  const used = ctx.db
    .selectDistinct({ year: sql<string>`substr(${mentorships.endedOn}, 1, 4)`, versionId: responses.questionnaireVersionId })
    .from(mentorships)
    .innerJoin(responses, eq(responses.mentorshipId, mentorships.id))
    .where(and(eq(mentorships.departmentId, scope.departmentId), associationCondition(scope, mentorships.associationId), gte(mentorships.endedOn, `${years[0]}-01-01`), lte(mentorships.endedOn, `${years.at(-1)}-12-31`)))
    .all();
  const versionIds = [...new Set(used.map((u) => u.versionId))];
  const versions = new Map<number, { audience: 'youth' | 'mentor'; survey: object }>();
  for (const id of versionIds) {
    const v = ctx.db.select({ audience: questionnaireVersions.audience, survey: questionnaireVersions.surveyJson }).from(questionnaireVersions).where(eq(questionnaireVersions.id, id)).get();
    if (v) versions.set(id, { audience: v.audience, survey: v.survey });
  }
  const out = new Map<number, Map<string, Set<string>>>();
  for (const u of used) {
    const v = versions.get(u.versionId);
    if (!v) continue;
    const perYear = out.get(Number(u.year)) ?? new Map<string, Set<string>>();
    for (const id of indicatorIds) {
      const wording = indicatorWording(v.survey, id);
      if (!wording) continue;
      const key = `${v.audience}|${id}`;
      perYear.set(key, (perYear.get(key) ?? new Set()).add(wording));
    }
    out.set(Number(u.year), perYear);
  }
  return out;
}
