/** Pure computations of the dashboard (the Excel "Tableau de bord"): facts in, suppressed counts out. */
import type { ListKind } from '../../../db/schema/index.ts';
import { MENTORSHIP_STATUSES, type MentorshipStatus } from '../../../db/schema/enums.ts';
import type { MentorshipFact } from '../facts.ts';
import { activeDuring, activeOn, AGE_GROUPS, ageGroup, ageOn, distributionBy, groupCategories, listCategories, perYoungPerson, yearEnd, yearStart } from '../measures.ts';
import { insufficientMessage, type ListEntry } from '../scope.ts';
import { suppressCount, suppressCrossTable, type CountCell, type CrossTable, type Distribution } from '../suppression.ts';

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
  mentorships: MentorshipFact[];
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
  const statusOf = (m: MentorshipFact) => statusOn(m, f.date);
  const ofYear = f.mentorships.filter(
    (m) => activeDuring(m, year) || (statusOf(m) === 'candidature' && m.appliedOn !== null && m.appliedOn >= yearStart(year) && m.appliedOn <= yearEnd(year)),
  );
  const running = ofYear.filter((m) => activeDuring(m, year));
  const young = perYoungPerson(running);
  const everyYoung = perYoungPerson(ofYear).length;
  if (everyYoung > 0 && everyYoung < k) return { status: 'insufficient', year, date: f.date, k, message: insufficientMessage(k) };
  const schoolGroup = new Map(f.lists.niveau_scolaire.map((e) => [e.code, e.group]));
  const dist: Record<DashboardChart, Distribution> = {
    statut: distributionBy(ofYear, statusOf, STATUS_CATEGORIES, k),
    territoire: distributionBy(young, (m) => (m.territoryId === null ? null : String(m.territoryId)), [...f.territories].map(([id, name]) => ({ key: String(id), label: name })), k),
    tranche_age: distributionBy(young, (m) => ageGroup(ageOn(m.birthMonth, f.date)), AGE_GROUPS, k),
    sexe: distributionBy(young, (m) => m.sex, listCategories(f.lists.sexe), k),
    type_placement: distributionBy(young, (m) => m.placementType, listCategories(f.lists.type_placement), k),
    groupe_niveau_scolaire: distributionBy(young, (m) => (m.schoolLevel ? (schoolGroup.get(m.schoolLevel) ?? m.schoolLevel) : null), groupCategories(f.lists.niveau_scolaire), k),
    objectif: distributionBy(running, (m) => m.objective, listCategories(f.lists.objectif), k),
  };
  let byAssociation: CrossTable | null = null;
  if (f.byAssociation) {
    const rows = f.associations.map((a) => ({ key: String(a.id), label: a.name }));
    const counts = f.associations.map((a) => STATUS_CATEGORIES.map((s) => ofYear.filter((m) => m.associationId === a.id && statusOf(m) === s.key).length));
    byAssociation = suppressCrossTable(rows, STATUS_CATEGORIES, counts, k);
  }
  return {
    status: 'ok',
    year,
    date: f.date,
    k,
    inProgressAt: suppressCount(f.mentorships.filter((m) => activeOn(m, f.date)).length, k),
    mentorshipsOfYear: suppressCount(ofYear.length, k),
    youngPeople: suppressCount(young.length, k),
    charts: DASHBOARD_CHARTS.map((key) => ({ key, title: key === 'statut' ? `${CHART_TITLES.statut} au ${f.date.split('-').reverse().join('/')}` : CHART_TITLES[key], distribution: dist[key] })),
    byAssociation,
  };
}
