/** Pure computations of the dashboard (the Excel "Tableau de bord"): facts in, suppressed counts out. */
import type { ListKind } from '../../../db/schema/index.ts';
import { MENTORSHIP_STATUSES, type MentorshipStatus } from '../../../db/schema/enums.ts';
import type { MentorshipFact } from '../facts.ts';
import { insufficientMessage, type ListEntry } from '../scope.ts';
import { isSuppressed, type CountCell, type CrossTable, type Distribution } from '../suppression.ts';
import { declareYear, referenceDayOf } from '../protection/catalogue.ts';
import type { ProtectedSource } from '../protection/source.ts';

export const STATUS_LABELS: Record<(typeof MENTORSHIP_STATUSES)[number], string> = {
  candidature: 'Candidature',
  en_cours: 'En cours',
  objectif_atteint: 'Objectif atteint',
  cloture: 'Clôturé',
  abandonne: 'Abandonné',
};
export const STATUS_CATEGORIES = MENTORSHIP_STATUSES.map((key) => ({ key, label: STATUS_LABELS[key] }));

export interface DashboardFacts {
  year: number;
  /** Day of the "in progress" snapshot (inside the year). */
  date: string;
  k: number;
  lists: Record<ListKind, ListEntry[]>;
  territories: Map<number, string>;
  associations: { id: number; name: string }[];
  /** Whether to show the association × status table (department view over every association). */
  byAssociation: boolean;
  /** Department-wide mentorships (every association): the protected source is built from them when not given. */
  mentorships: MentorshipFact[];
  /** The association read (null: the department). */
  associationId?: number | null;
  /** Today (statuses and ages are read on 31 December of a past year, today in the current year). */
  today?: string;
  /** The department-year's protected source, when the caller already holds it. */
  source?: ProtectedSource;
}

export const DASHBOARD_CHARTS = ['statut', 'territoire', 'tranche_age', 'sexe', 'type_placement', 'groupe_niveau_scolaire', 'objectif'] as const;
export type DashboardChart = (typeof DASHBOARD_CHARTS)[number];
export const CHART_TITLES: Record<DashboardChart, string> = {
  statut: 'Mentorats par statut',
  territoire: 'Jeunes accompagnés par territoire',
  tranche_age: "Jeunes accompagnés par tranche d'âge",
  sexe: 'Jeunes accompagnés par sexe',
  type_placement: 'Jeunes accompagnés par type de placement',
  groupe_niveau_scolaire: 'Jeunes accompagnés par niveau scolaire',
  objectif: 'Mentorats par objectif',
};

export type DashboardComputed =
  | { status: 'insufficient'; year: number; date: string; k: number; message: string }
  | {
      status: 'ok';
      year: number;
      date: string;
      k: number;
      inProgressAt: CountCell;
      mentorshipsOfYear: CountCell;
      youngPeople: CountCell;
      charts: { key: DashboardChart; title: string; distribution: Distribution }[];
      byAssociation: CrossTable | null;
    };

/**
 * The status a row had on a day, from its dates: a past year is read as it stood then, not with today's status
 * (a mentorship running on 31 December 2025 and closed in 2026 was « en cours » in 2025).
 */
export function statusOn(m: MentorshipFact, date: string): MentorshipStatus {
  if (m.endedOn !== null && m.endedOn <= date && m.status !== 'en_cours' && m.status !== 'candidature') return m.status as MentorshipStatus;
  if (m.startedOn !== null && m.startedOn <= date && m.status !== 'candidature') return 'en_cours';
  return 'candidature';
}

/**
 * Population: mentorships of the year = running at least one day of the year, plus applications of the year
 * still waiting; people breakdowns count each young person once.
 */
export function computeDashboard(f: DashboardFacts): DashboardComputed {
  const { k, year } = f;
  const source =
    f.source ??
    declareYear({ year, k, today: f.today ?? f.date, associationIds: f.associations.map((a) => a.id), lists: f.lists, territories: f.territories, mentorships: f.mentorships, links: [] });
  const view = source.view(f.associationId ?? null);
  // "In progress" and statuses are read on the year's reference day (31 December, or today in the current
  // year), whatever day was asked: a count on any chosen day would be a population of its own, and two days
  // apart give away who started or ended in between (the property test found it with "all − in progress").
  const date = referenceDayOf(year, f.today ?? f.date);
  // Every count below comes from the department-year's protected source; the young people counted once.
  const everyYoung = view.total('mentorats_annee');
  if (typeof everyYoung === 'number' ? everyYoung > 0 && everyYoung < k : isSuppressed(everyYoung) && !everyYoung.complement) {
    return { status: 'insufficient', year, date, k, message: insufficientMessage(k) };
  }
  const dist: Record<DashboardChart, Distribution> = {
    statut: view.distribution('mentorats_annee', 'statut'),
    territoire: view.distribution('jeunes', 'territoire'),
    tranche_age: view.distribution('jeunes', 'tranche_age'),
    sexe: view.distribution('jeunes', 'sexe'),
    type_placement: view.distribution('jeunes', 'type_placement'),
    groupe_niveau_scolaire: view.distribution('jeunes', 'groupe_niveau_scolaire'),
    objectif: view.distribution('actifs', 'objectif'),
  };
  return {
    status: 'ok',
    year,
    date,
    k,
    inProgressAt: view.total('en_cours_au'),
    mentorshipsOfYear: view.total('mentorats_annee'),
    youngPeople: view.total('jeunes'),
    charts: DASHBOARD_CHARTS.map((key) => ({ key, title: key === 'statut' ? `${CHART_TITLES.statut} au ${date.split('-').reverse().join('/')}` : CHART_TITLES[key], distribution: dist[key] })),
    byAssociation: f.byAssociation ? source.crossTable('mentorats_annee', 'statut', f.associations) : null,
  };
}
