/**
 * Non-response made visible: do the young people (or mentors) who answered look like every mentorship that ended?
 * Pure: one row per ended mentorship with its questionnaire outcome per audience, suppressed figures out.
 *
 * Definitions (in the spirit of AAPOR's standard definitions, RR1-like): the reference population is every mentorship
 * ended in the year; a respondent is a submitted questionnaire that is not a refusal; refusals and drafts left
 * unfinished are counted apart, never as answers. Each breakdown is one cross table (category × answered / not
 * answered) with its margins, suppressed as a whole, so that "ended minus answered" gives no hidden count away.
 */
import type { Audience } from '../../../db/schema/index.ts';
import { AGE_GROUPS, ageGroup, ageOn, listCategories, NOT_FILLED } from '../measures.ts';
import type { ListEntry } from '../scope.ts';
import { isSuppressed, SUPPRESSED, type CountCell, type Distribution, type ValueCell } from '../suppression.ts';
import { ProtectedSource } from '../protection/source.ts';
import { REASON_CATEGORIES } from '../value-chain/compute.ts';
import type { ListKind } from '../../../db/schema/index.ts';

/** Flag a category whose share among respondents differs from its share among all endings by more than this. */
export const GAP_POINTS = 10;

export type Outcome = 'repondu' | 'refus' | 'brouillon' | 'sans_reponse' | 'sans_lien';
export const OUTCOMES: { key: Outcome; label: string }[] = [
  { key: 'repondu', label: 'Questionnaire envoyé' },
  { key: 'refus', label: 'Refus de répondre' },
  { key: 'brouillon', label: 'Commencé, pas envoyé (brouillon)' },
  { key: 'sans_reponse', label: 'Lien émis, sans réponse' },
  { key: 'sans_lien', label: 'Aucun lien émis (ou lien révoqué)' },
];

export interface EndedRow {
  mentorshipId: number;
  associationId: number;
  endedOn: string;
  status: string;
  closureReason: string | null;
  sex: string | null;
  birthMonth: string | null;
  placementType: string | null;
  territoryId: number | null;
  objective: string | null;
  outcome: Record<Audience, Outcome>;
}

/** The outcome of one link as the page counts it: answered, refused, draft, or nothing yet. */
export function outcomeOf(link: { state: string; responded: boolean; declined: boolean | null; hasDraft: boolean } | undefined): Outcome {
  if (!link || link.state === 'revoque') return 'sans_lien';
  if (link.responded && !link.declined) return 'repondu';
  if (link.state === 'refuse' || (link.responded && link.declined)) return 'refus';
  if (link.hasDraft) return 'brouillon';
  return 'sans_reponse';
}

export interface GapRow {
  key: string;
  label: string;
  /** Mentorships ended in the category, and their share of all endings. */
  closures: CountCell;
  closuresShare: ValueCell;
  respondents: CountCell;
  respondentsShare: ValueCell;
  /** respondentsShare − closuresShare, in percentage points. */
  gapPoints: ValueCell;
  /** The gap is over GAP_POINTS points (only said when the gap itself may be shown). */
  flagged: boolean;
}
export interface GapTable {
  key: string;
  title: string;
  rows: GapRow[];
}
export interface AudienceNonResponse {
  audience: Audience;
  closures: CountCell;
  respondents: CountCell;
  outcomes: Distribution;
  tables: GapTable[];
}

export const RESPONSE_RATE_DEFINITIONS = [
  'Taux de réponse = questionnaires envoyés ÷ liens émis. Un lien révoqué (remplacé ou annulé) ne compte pas comme émis.',
  'Un refus (« je ne souhaite pas répondre ») n’est pas une réponse : il est compté à part, comme les questionnaires commencés mais jamais envoyés (brouillons).',
  'Les jeunes et les mentors sont comptés séparément : un mentorat terminé donne un lien jeune et un lien mentor.',
  `Comparer les répondants à l’ensemble des mentorats terminés montre qui manque dans les réponses : un écart de plus de ${GAP_POINTS} points sur une catégorie signale que les résultats des questionnaires la représentent mal.`,
];

const pct = (a: number, b: number) => (b === 0 ? null : a / b);

/** The breakdowns compared, each a dimension of the protected source's non-response populations. */
export function gapDimensions(lists: Record<ListKind, ListEntry[]>, territories: Map<number, string>) {
  const reasonGroup = new Map(lists.motif_cloture.map((e) => [e.code, e.group]));
  // The closure group as the value chain reads it (categoryOf): the same endings are the same cells.
  const group = (r: EndedRow) => (r.closureReason ? reasonGroup.get(r.closureReason) : undefined) || (r.status === 'objectif_atteint' ? 'atteint' : null);
  return [
    { key: 'sexe', title: 'Sexe du jeune', keyOf: (r: EndedRow) => r.sex, categories: listCategories(lists.sexe) },
    { key: 'tranche_age', title: 'Âge du jeune à la fin du mentorat', keyOf: (r: EndedRow) => ageGroup(ageOn(r.birthMonth, r.endedOn)), categories: AGE_GROUPS },
    { key: 'type_placement', title: 'Type de placement', keyOf: (r: EndedRow) => r.placementType, categories: listCategories(lists.type_placement) },
    { key: 'territoire', title: 'Territoire', keyOf: (r: EndedRow) => (r.territoryId === null ? null : String(r.territoryId)), categories: [...territories].map(([id, name]) => ({ key: String(id), label: name })) },
    { key: 'objectif', title: 'Objectif du mentorat', keyOf: (r: EndedRow) => r.objective, categories: listCategories(lists.objectif) },
    { key: 'categorie', title: 'Fin du mentorat', keyOf: group, categories: REASON_CATEGORIES },
  ];
}

export const nonResponsePopulation = (audience: Audience) => `non_reponse:${audience}`;
const RESPONDED = [
  { key: 'repondants', label: 'Répondants' },
  { key: 'autres', label: 'Sans réponse' },
];

/**
 * The endings of a year per audience, as populations of a protected source (the department's ledger in the
 * report): outcome, answered or not, and each breakdown crossed with it. The breakdown and "answered or not" are
 * groupings of the crossed dimension, so every table's margins are lines of the same single pass; the endings are
 * the same units as the year's `termines` (one cell, one verdict).
 */
export function declareNonResponse(source: ProtectedSource, rows: readonly EndedRow[], lists: Record<ListKind, ListEntry[]>, territories: Map<number, string>): void {
  const dims = gapDimensions(lists, territories);
  for (const audience of ['youth', 'mentor'] as const) {
    const responded = (r: EndedRow) => (r.outcome[audience] === 'repondu' ? 'repondants' : 'autres');
    const units = rows.map((r) => ({ id: r.mentorshipId, associationId: r.associationId, r }));
    type U = (typeof units)[number];
    const byDimension: Record<string, { keyOf: (u: U) => string | null; categories: readonly { key: string; label: string }[] }> = {
      resultat: { keyOf: (u) => u.r.outcome[audience], categories: OUTCOMES },
      repondant: { keyOf: (u) => responded(u.r), categories: RESPONDED },
    };
    for (const d of dims) {
      byDimension[d.key] = { keyOf: (u) => d.keyOf(u.r), categories: d.categories };
      byDimension[`${d.key}|reponse`] = {
        keyOf: (u) => `${d.keyOf(u.r) ?? NOT_FILLED.key}|${responded(u.r)}`,
        categories: d.categories.flatMap((c) => RESPONDED.map((x) => ({ key: `${c.key}|${x.key}`, label: `${c.label} — ${x.label}` }))),
      };
    }
    source.population(nonResponsePopulation(audience), 'm', units, byDimension);
  }
}

export interface NonResponseInput {
  k: number;
  lists: Record<ListKind, ListEntry[]>;
  territories: Map<number, string>;
  rows: readonly EndedRow[];
  /** The department-year's protected source and the association read (null: the department); built from `rows` when absent. */
  source?: ProtectedSource;
  associationId?: number | null;
}

export function computeNonResponse(f: NonResponseInput): AudienceNonResponse[] {
  const associationId = f.associationId ?? null;
  const source = f.source ?? standaloneSource(f);
  return (['youth', 'mentor'] as const).map((audience) => {
    const population = nonResponsePopulation(audience);
    const outcomes = source.distribution(population, 'resultat', associationId);
    const closures = source.total(population, associationId);
    const respondents = source.distribution(population, 'repondant', associationId).items.find((i) => i.key === 'repondants')!.count;
    const tables: GapTable[] = gapDimensions(f.lists, f.territories).map((d) => {
      const byCategory = source.distribution(population, d.key, associationId);
      const crossed = source.distribution(population, `${d.key}|reponse`, associationId);
      return {
        key: d.key,
        title: d.title,
        rows: byCategory.items.map((c) => {
          const answered = crossed.items.find((i) => i.key === `${c.key}|repondants`)?.count ?? 0;
          const closuresShare: ValueCell = isSuppressed(c.count) || isSuppressed(closures) ? SUPPRESSED : pct(c.count, closures);
          const respondentsShare: ValueCell = isSuppressed(answered) || isSuppressed(respondents) ? SUPPRESSED : pct(answered, respondents);
          const gapPoints: ValueCell =
            typeof closuresShare === 'number' && typeof respondentsShare === 'number' ? Math.round((respondentsShare - closuresShare) * 1000) / 10 : closuresShare === null || respondentsShare === null ? null : SUPPRESSED;
          return { key: c.key, label: c.label, closures: c.count, closuresShare, respondents: answered, respondentsShare, gapPoints, flagged: typeof gapPoints === 'number' && Math.abs(gapPoints) > GAP_POINTS };
        }),
      };
    });
    return { audience, closures, respondents, outcomes, tables };
  });
}

function standaloneSource(f: NonResponseInput): ProtectedSource {
  const source = new ProtectedSource(f.k, [...new Set(f.rows.map((r) => r.associationId))].sort((x, y) => x - y));
  declareNonResponse(source, f.rows, f.lists, f.territories);
  return source.seal();
}
