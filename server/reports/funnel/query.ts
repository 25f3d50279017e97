import { z } from 'zod';
import { ReportCell } from '../cell-schema.ts';
import { getIndicator, type IndicatorId } from '../../../surveys/catalogue.ts';
import type { Audience } from '../../../db/schema/index.ts';
import type { StaffContext } from '../../context.ts';
import { loadIndicatorValues, loadLinks, loadMentors, loadMentorships, yearPeriod, type LinkFact } from '../facts.ts';
import { loadKeyIndicators } from '../key-indicators.ts';
import { protectedYear } from '../protection/query.ts';
import { answers } from '../protection/answers.ts';
import { ReportYear, resolveScope } from '../scope.ts';
import { computeYear, type ValueChainFacts } from '../value-chain/compute.ts';
import { FUNNEL_POSITIONS, funnelPanel, Z95, Z998, type FunnelPanel, type FunnelUnit } from './compute.ts';
import { today } from '../../time.ts';

export const FunnelParameters = z.strictObject({ year: ReportYear });
export type FunnelParameters = z.infer<typeof FunnelParameters>;

export type FunnelResult =
  | { status: 'insufficient'; year: number; k: number; message: string }
  | { status: 'ok'; year: number; k: number; z95: number; z998: number; panels: FunnelPanel[]; method: string };

export const FUNNEL_METHOD =
  'Chaque point est une association : sa valeur (axe vertical) selon le nombre de réponses ou de mentorats sur lequel elle repose (axe horizontal). La ligne centrale est la valeur du département ; les limites à 95 % et 99,8 % sont p0 ± 1,96 et ± 3,09 × √(p0 (1 − p0) ÷ n) (approximation normale de la loi binomiale, Spiegelhalter 2005). Un point hors des limites s’écarte du département plus que le hasard ne l’expliquerait ; ce n’est pas un classement. Les associations de moins de k réponses ne sont pas placées.';

const RESPONSE_PANELS: { key: string; label: string; audience: Audience }[] = [
  { key: 'taux_reponse.jeunes', label: 'Taux de réponse des jeunes au questionnaire de fin', audience: 'youth' },
  { key: 'taux_reponse.mentors', label: 'Taux de réponse des mentors au questionnaire de fin', audience: 'mentor' },
];

/** Answered / links issued (revoked links are not issued; declines are not answers), as on the Taux de réponse page. */
function responseCounts(links: readonly LinkFact[], audience: Audience) {
  const relevant = links.filter((l) => l.audience === audience && l.state !== 'revoque');
  return { numerator: relevant.filter((l) => l.responded && !l.declined).length, denominator: relevant.length };
}

/**
 * Department staff only (the funnel compares the department's associations). The shares are the value chain's own
 * definitions, computed per association with no suppression (k = 1) and protected here, once, by funnelPanel.
 */
export function funnelReport(ctx: StaffContext, params: FunnelParameters): FunnelResult {
  const scope = resolveScope(ctx);
  const { year } = params;
  // Exports reach this for an association lead too: comparing associations is the department's view.
  if (ctx.actor.associationId !== null) {
    return { status: 'insufficient', year, k: scope.k, message: 'La comparaison des associations entre elles est réservée au département.' };
  }
  if (scope.associations.length < 2) {
    return { status: 'insufficient', year, k: scope.k, message: 'Le département travaille avec une seule association : il n’y a pas d’associations à comparer.' };
  }
  const keyIds = loadKeyIndicators(ctx, scope.departmentId, year);
  const base: ValueChainFacts = {
    year,
    compare: false,
    k: 1,
    today: today(ctx),
    lists: scope.lists,
    territories: scope.territories,
    keyIndicatorIds: keyIds,
    mentorships: loadMentorships(ctx, scope, { from: `${year - 1}-01-01`, to: `${year}-12-31` }),
    mentors: loadMentors(ctx, scope),
    indicatorValues: loadIndicatorValues(ctx, scope, [year]),
    declarations: [],
    light: true,
  };
  const links = loadLinks(ctx, scope, yearPeriod(year));
  const perAssociation = scope.associations.map((a) => ({
    association: a,
    figures: computeYear(
      {
        ...base,
        mentorships: base.mentorships.filter((m) => m.associationId === a.id),
        mentors: base.mentors.filter((m) => m.associationId === a.id),
        indicatorValues: base.indicatorValues.filter((v) => v.associationId === a.id),
      },
      year,
    ).figures,
    links: links.filter((l) => l.associationId === a.id),
  }));
  // A key indicator is a proportion when its headline figure has a denominator (0 in a year without data).
  const shareIds = keyIds.filter((id) => perAssociation.some((p) => p.figures.get(id as IndicatorId)?.main.denominator != null));
  // Registry, link and answer shares are populations of the department-year's protected source: its verdicts are used.
  const source = protectedYear(ctx, scope, year);
  const PUBLISHED: Record<string, [population: string, dimension: string, category: string]> = {
    'resultats.objectif_atteint': ['termines', 'statut', 'objectif_atteint'],
    'impact.confiance': [answers.progres('impact.confiance'), 'progres', 'oui'],
    'impact.notes': [answers.progres('impact.notes'), 'progres', 'oui'],
    'impact.stage': [answers.stage, 'valeur', 'oui'],
    'impact.competences_psychosociales': [answers.anyFacet, 'progres', 'oui'],
  };
  const panels: FunnelPanel[] = shareIds.map((id) => {
    const published = PUBLISHED[id];
    return funnelPanel({
      key: id,
      label: getIndicator(id)?.label ?? id,
      k: scope.k,
      department: published ? source.share(...published, null) : undefined,
      units: perAssociation.map(({ association, figures }): FunnelUnit => {
        const m = figures.get(id as IndicatorId)?.main;
        const numerator = typeof m?.n === 'number' ? m.n : 0;
        const denominator = typeof m?.denominator === 'number' ? m.denominator : 0;
        return { associationId: association.id, name: association.name, numerator, denominator, published: published ? source.share(...published, association.id) : undefined };
      }),
    });
  });
  for (const r of RESPONSE_PANELS) {
    const population = `liens_${r.audience}`;
    panels.push(
      funnelPanel({
        key: r.key,
        label: r.label,
        k: scope.k,
        department: source.share(population, 'reponse', 'answered', null),
        units: perAssociation.map(({ association, links: mine }) => ({ associationId: association.id, name: association.name, ...responseCounts(mine, r.audience), published: source.share(population, 'reponse', 'answered', association.id) })),
      }),
    );
  }
  return { status: 'ok', year, k: scope.k, z95: Z95, z998: Z998, panels, method: FUNNEL_METHOD };
}

// Response schema (OpenAPI document and the client's generated types).
const Cell = ReportCell;
const Limits = z.object({ low95: z.number(), high95: z.number(), low998: z.number(), high998: z.number() });
const Row = z.object({
  associationId: z.number(),
  name: z.string(),
  status: z.enum(['placee', 'trop_petite', 'masquee', 'sans_donnee']),
  n: z.number().nullable(),
  value: z.number().nullable(),
  position: z.enum(FUNNEL_POSITIONS).nullable(),
  positionLabel: z.string(),
  limits: Limits.nullable(),
});
const Panel = z.union([
  z.object({ key: z.string(), label: z.string(), status: z.literal('insufficient'), message: z.string(), rows: z.array(Row) }),
  z.object({
    key: z.string(),
    label: z.string(),
    status: z.literal('ok'),
    department: z.object({ value: Cell, numerator: Cell, denominator: Cell }),
    curve: z.array(Limits.extend({ n: z.number() })),
    rows: z.array(Row),
    tooSmall: z.number(),
    masked: z.number(),
    notes: z.array(z.string()),
  }),
]);
export const FunnelResponse = z.union([
  z.object({ status: z.literal('insufficient'), year: z.number(), k: z.number(), message: z.string() }),
  z.object({ status: z.literal('ok'), year: z.number(), k: z.number(), z95: z.number(), z998: z.number(), panels: z.array(Panel), method: z.string() }),
]);
