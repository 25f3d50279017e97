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
import { AGE_GROUPS, ageGroup, ageOn, listCategories } from '../measures.ts';
import type { ListEntry } from '../scope.ts';
import { COMPLEMENT, isSuppressed, SUPPRESSED, suppressCrossTable, suppressDistribution, type CountCell, type Distribution, type ValueCell } from '../suppression.ts';
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
interface BuiltTable extends GapTable {
  respondentsHidden: boolean;
  closuresHidden: boolean;
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

function gapTable(key: string, title: string, rows: readonly EndedRow[], audience: Audience, keyOf: (r: EndedRow) => string | null, categories: readonly { key: string; label: string }[], k: number): BuiltTable {
  const cats = [...categories];
  const counts = new Map<string, [number, number]>();
  for (const r of rows) {
    const c = keyOf(r) ?? '_non_renseigne';
    if (!cats.some((x) => x.key === c)) cats.push({ key: c, label: c === '_non_renseigne' ? 'Non renseigné' : c });
    const pair = counts.get(c) ?? [0, 0];
    pair[r.outcome[audience] === 'repondu' ? 0 : 1]++;
    counts.set(c, pair);
  }
  const table = suppressCrossTable(
    cats,
    [
      { key: 'repondants', label: 'Répondants' },
      { key: 'autres', label: 'Sans réponse' },
    ],
    cats.map((c) => counts.get(c.key) ?? [0, 0]),
    k,
  );
  const totalRespondents = rows.filter((r) => r.outcome[audience] === 'repondu').length;
  return {
    key,
    title,
    respondentsHidden: isSuppressed(table.columnTotals[0]!),
    closuresHidden: isSuppressed(table.total),
    rows: cats.map((c, i) => {
      const [answered, others] = counts.get(c.key) ?? [0, 0];
      const closures = table.rowTotals[i]!;
      const respondents = table.cells[i]![0]!;
      const closuresShare: ValueCell = isSuppressed(closures) || isSuppressed(table.total) ? SUPPRESSED : pct(answered + others, rows.length);
      const respondentsShare: ValueCell = isSuppressed(respondents) || isSuppressed(table.columnTotals[0]!) ? SUPPRESSED : pct(answered, totalRespondents);
      const gapPoints: ValueCell =
        typeof closuresShare === 'number' && typeof respondentsShare === 'number' ? Math.round((respondentsShare - closuresShare) * 1000) / 10 : closuresShare === null || respondentsShare === null ? null : SUPPRESSED;
      return { key: c.key, label: c.label, closures, closuresShare, respondents, respondentsShare, gapPoints, flagged: typeof gapPoints === 'number' && Math.abs(gapPoints) > GAP_POINTS };
    }),
  };
}

export interface NonResponseInput {
  k: number;
  lists: Record<ListKind, ListEntry[]>;
  territories: Map<number, string>;
  rows: readonly EndedRow[];
  /**
   * What the department-year's protected source publishes of the same people (endings, endings by closure group,
   * answers per audience): a count it hides is hidden here too, so that this page gives back nothing it hid.
   */
  published?: { closures: CountCell; byGroup: Distribution; respondents: Record<Audience, CountCell> };
}

export function computeNonResponse(f: NonResponseInput): AudienceNonResponse[] {
  const { k } = f;
  const reasonGroup = new Map(f.lists.motif_cloture.map((e) => [e.code, e.group]));
  const group = (r: EndedRow) => (r.closureReason ? (reasonGroup.get(r.closureReason) ?? null) : r.status === 'objectif_atteint' ? 'atteint' : null);
  return (['youth', 'mentor'] as const).map((audience) => {
    const built = [
      gapTable('sexe', 'Sexe du jeune', f.rows, audience, (r) => r.sex, listCategories(f.lists.sexe), k),
      gapTable('tranche_age', 'Âge du jeune à la fin du mentorat', f.rows, audience, (r) => ageGroup(ageOn(r.birthMonth, r.endedOn)), AGE_GROUPS, k),
      gapTable('type_placement', 'Type de placement', f.rows, audience, (r) => r.placementType, listCategories(f.lists.type_placement), k),
      gapTable('territoire', 'Territoire', f.rows, audience, (r) => (r.territoryId === null ? null : String(r.territoryId)), [...f.territories].map(([id, name]) => ({ key: String(id), label: name })), k),
      gapTable('objectif', 'Objectif du mentorat', f.rows, audience, (r) => r.objective, listCategories(f.lists.objectif), k),
      gapTable('categorie', 'Fin du mentorat', f.rows, audience, group, REASON_CATEGORIES, k),
    ];
    const outcomes = suppressDistribution(
      OUTCOMES.map((o) => ({ key: o.key, label: o.label, count: f.rows.filter((r) => r.outcome[audience] === o.key).length })),
      k,
    );
    // The same two numbers (endings, respondents) are margins of every table and of the outcomes: hidden in one
    // place, hidden everywhere, so that no table gives back what another hid.
    const pub = f.published;
    const hideRespondents = isSuppressed(outcomes.items[0]!.count) || built.some((t) => t.respondentsHidden) || (pub !== undefined && isSuppressed(pub.respondents[audience]));
    const hideClosures = isSuppressed(outcomes.total) || built.some((t) => t.closuresHidden) || (pub !== undefined && isSuppressed(pub.closures));
    if (pub) {
      for (const row of built.find((t) => t.key === 'categorie')!.rows) {
        const cell = pub.byGroup.items.find((i) => i.key === row.key)?.count;
        if (cell === undefined || !isSuppressed(cell) || isSuppressed(row.closures)) continue;
        row.closures = cell;
        row.closuresShare = SUPPRESSED;
        if (row.gapPoints !== null) row.gapPoints = SUPPRESSED;
        row.flagged = false;
      }
    }
    for (const t of built)
      for (const row of t.rows) {
        if (hideRespondents && row.respondentsShare !== null) row.respondentsShare = SUPPRESSED;
        if (hideClosures && row.closuresShare !== null) row.closuresShare = SUPPRESSED;
        if ((hideRespondents || hideClosures) && row.gapPoints !== null) {
          row.gapPoints = SUPPRESSED;
          row.flagged = false;
        }
      }
    if (hideRespondents && !isSuppressed(outcomes.items[0]!.count)) outcomes.items[0] = { ...outcomes.items[0]!, count: COMPLEMENT, share: SUPPRESSED };
    if (hideClosures && !isSuppressed(outcomes.total)) outcomes.total = COMPLEMENT;
    const tables: GapTable[] = built.map(({ respondentsHidden: _r, closuresHidden: _c, ...t }) => t);
    return {
      audience,
      closures: outcomes.total,
      respondents: outcomes.items[0]!.count,
      outcomes,
      tables,
    };
  });
}
