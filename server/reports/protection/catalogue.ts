/**
 * What a department-year publishes, declared once: every population a report, a filter or an export counts,
 * with every dimension it is broken down by. Populations must be declared here (not counted table by table in a
 * report), or the same young people could get two verdicts on two screens.
 */
import type { ListKind } from '../../../db/schema/index.ts';
import { STATUS_CATEGORIES, statusOn } from '../dashboard/compute.ts';
import type { IndicatorFact, LinkFact, MentorFact, MentorshipFact } from '../facts.ts';
import { declareAnswers } from './answers.ts';
import { declareNonResponse, nonResponsePopulation, type EndedRow } from '../non-response/compute.ts';
import { activeDuring, activeOn, AGE_GROUPS, ageGroup, ageOn, endedIn, groupCategories, listCategories, perYoungPerson, yearEnd, yearStart } from '../measures.ts';
import type { ListEntry } from '../scope.ts';
import { declareCotech, type CotechPeriod } from './cotech.ts';
import { declarePairs } from '../pairs/compute.ts';
import { Ledger } from './ledger.ts';
import { ProtectedSource } from './source.ts';
import { categoryOf, conflictOf, CONFLICT_KINDS, REASON_CATEGORIES, REASON_ORDER } from '../value-chain/compute.ts';

export interface YearFacts {
  year: number;
  k: number;
  /** Day the report is read (ages are taken on 31 December, or today in the current year). */
  today: string;
  associationIds: readonly number[];
  lists: Record<ListKind, ListEntry[]>;
  territories: Map<number, string>;
  /** Department-wide mentorships touching the year and the year before. */
  mentorships: readonly MentorshipFact[];
  /** Department-wide questionnaire links of the mentorships ended in the year. */
  links: readonly LinkFact[];
  /** Keep each cell's units and log reads (property test). */
  trace?: boolean;
  /** The endings with their questionnaire outcomes (non-response page), every year. */
  endedRows?: readonly EndedRow[];
  /** Questionnaire answers of the department's links (the slices of ANSWER_SLICES), every year. */
  answers?: readonly IndicatorFact[];
  /** Every trained mentor of the department's associations (see loadMentors). */
  mentors?: readonly MentorFact[];
  /** The department's Cotech periods of a year (months or quarters): their tables are populations too. */
  cotechPeriods?: (year: number) => readonly CotechPeriod[];
}

export const ENDED_STATUSES = [
  { key: 'objectif_atteint', label: 'Objectif atteint' },
  { key: 'cloture', label: 'Clôturé' },
  { key: 'abandonne', label: 'Abandonné' },
];
/** Languages of the questionnaire (surveys/languages.ts codes), named for staff, then the links without an answer. */
export const RESPONSE_LANGUAGES = [
  { key: 'fr', label: 'Français' },
  { key: 'falc', label: 'Français facile' },
  { key: 'en', label: 'Anglais' },
  { key: 'ar', label: 'Arabe' },
  { key: 'prs', label: 'Dari' },
  { key: 'ps', label: 'Pachto' },
  { key: 'sans_reponse', label: 'Sans réponse (refus ou en attente)' },
];

export const RESPONSE_STATES = [
  { key: 'answered', label: 'Réponses' },
  { key: 'declined', label: 'Refus' },
  { key: 'pending', label: 'Sans réponse' },
];

/** Answered, declined or still pending (a revoked link is not counted as issued). */
export function responseState(l: LinkFact): 'answered' | 'declined' | 'pending' {
  if (l.responded && !l.declined) return 'answered';
  if (l.state === 'refuse' || (l.responded && l.declined)) return 'declined';
  return 'pending';
}

/** The day ages are read on for a year: 31 December, or today while the year runs. */
export const referenceDayOf = (year: number, today: string) => (yearEnd(year) < today ? yearEnd(year) : today);

/** The first mentorship of each mentor among these (in their order). */
function firstPerMentor(ms: readonly MentorshipFact[]): MentorshipFact[] {
  const seen = new Map<number, MentorshipFact>();
  for (const m of ms) if (m.mentorId !== null && !seen.has(m.mentorId)) seen.set(m.mentorId, m);
  return [...seen.values()];
}

/** Populations and dimensions of a department-year, suppressed on their own (one year read alone, tests). */
export function declareYear(f: YearFacts): ProtectedSource {
  return declareYears({ ...f, years: [f.year] }).get(f.year)!;
}

export interface DepartmentFacts extends Omit<YearFacts, 'year'> {
  /** Every year a report may read: each year's verdicts depend on the others, so they are always sealed together. */
  years: readonly number[];
}

/**
 * The sources of a department's years on one ledger, sealed in one pass: the same mentorships counted in two
 * years are the same cells, and the lines that tie one year to the next (running in 2024 = ended in 2024 +
 * still running in 2025; running in 2025 = already running in 2024 + started in 2025) are suppressed with the
 * rest, so that no difference between two years gives a hidden count away.
 */
export function declareYears(f: DepartmentFacts): Map<number, ProtectedSource> {
  const ledger = new Ledger(f.k, f.trace);
  const sources = new Map(f.years.map((year) => [year, declareInto(new ProtectedSource(f.k, f.associationIds, f.trace, ledger), { ...f, year })]));
  ledger.seal();
  return sources;
}

function declareInto(source: ProtectedSource, f: YearFacts): ProtectedSource {
  const { year } = f;
  const referenceDay = referenceDayOf(year, f.today);
  const referenceDate = (m: MentorshipFact) => (m.endedOn && m.endedOn < referenceDay ? m.endedOn : referenceDay);
  const schoolGroup = new Map(f.lists.niveau_scolaire.map((e) => [e.code, e.group]));
  const reasonGroup = new Map(f.lists.motif_cloture.map((e) => [e.code, e.group]));
  const reasons = listCategories(f.lists.motif_cloture).sort((a, b) => REASON_ORDER.indexOf(reasonGroup.get(a.key) ?? '') - REASON_ORDER.indexOf(reasonGroup.get(b.key) ?? ''));

  const active = f.mentorships.filter((m) => activeDuring(m, year));
  // Statuses as they stood on the reference day (31 December of a past year), not today's.
  const statusOf = (m: MentorshipFact) => statusOn(m, referenceDay);
  const ofYear = f.mentorships.filter((m) => activeDuring(m, year) || (statusOf(m) === 'candidature' && m.appliedOn !== null && m.appliedOn >= yearStart(year) && m.appliedOn <= yearEnd(year)));
  const previousYoung = new Set(f.mentorships.filter((m) => activeDuring(m, year - 1)).map((m) => m.youngPersonId));
  // A young person is counted once, through their first mentorship of the year: the unit is that mentorship, so
  // that "young people" and "mentorships" are one cell whenever each young person has one mentorship.
  const young = perYoungPerson(active);
  const ended = f.mentorships.filter((m) => endedIn(m, year));

  // The department's headline counts are hidden last (a breakdown's cell is hidden before them).
  const headline = { headline: true };
  source.population('mentorats_annee', 'm', ofYear, {
    statut: { keyOf: statusOf, categories: STATUS_CATEGORIES },
    // Mentorships of the year = running ones + applications still waiting: the line that links the two populations.
    actif: { keyOf: (m) => (activeDuring(m, year) ? 'actif' : 'candidature'), categories: [{ key: 'actif', label: 'En cours dans l’année' }, { key: 'candidature', label: 'Candidature' }] },
  }, headline);
  source.population('en_cours_au', 'm', f.mentorships.filter((m) => activeOn(m, referenceDay)), {}, headline);
  source.population('actifs', 'm', active, {
    objectif: { keyOf: (m) => m.objective, categories: listCategories(f.lists.objectif) },
    modalite: { keyOf: (m) => m.modality, categories: listCategories(f.lists.modalite) },
    nouveau_ou_reconduction: { keyOf: (m) => (m.isRenewal ? 'reconduction' : 'nouveau'), categories: [{ key: 'nouveau', label: 'Nouveaux mentorats' }, { key: 'reconduction', label: 'Reconductions' }] },
    // Not shown as such, but written by any reader who sets two years side by side: the cells that link them.
    depuis: { auxiliary: true, keyOf: (m) => (activeDuring(m, year - 1) ? 'poursuivi' : 'demarre'), categories: [{ key: 'poursuivi', label: `Déjà en cours en ${year - 1}` }, { key: 'demarre', label: `Démarrés en ${year}` }] },
    suite: { auxiliary: true, keyOf: (m) => (endedIn(m, year) ? 'termine' : 'poursuit'), categories: [{ key: 'termine', label: `Terminés en ${year}` }, { key: 'poursuit', label: `Poursuivis en ${year + 1}` }] },
  }, headline);
  source.population('jeunes', 'm', young, {
    sexe: { keyOf: (m) => m.sex, categories: listCategories(f.lists.sexe) },
    tranche_age: { keyOf: (m) => ageGroup(ageOn(m.birthMonth, referenceDate(m))), categories: AGE_GROUPS },
    groupe_niveau_scolaire: { keyOf: (m) => (m.schoolLevel ? (schoolGroup.get(m.schoolLevel) ?? m.schoolLevel) : null), categories: groupCategories(f.lists.niveau_scolaire) },
    type_placement: { keyOf: (m) => m.placementType, categories: listCategories(f.lists.type_placement) },
    territoire: { keyOf: (m) => (m.territoryId === null ? null : String(m.territoryId)), categories: [...f.territories].map(([id, name]) => ({ key: String(id), label: name })) },
    nouveau_par_rapport_a_n_1: {
      keyOf: (m) => (previousYoung.has(m.youngPersonId) ? 'deja' : 'nouveau'),
      categories: [{ key: 'nouveau', label: 'Nouveaux jeunes' }, { key: 'deja', label: `Déjà accompagnés en ${year - 1}` }],
    },
  }, headline);
  source.population('termines', 'm', ended, {
    statut: { keyOf: (m) => m.status, categories: ENDED_STATUSES },
    categorie: { keyOf: (m) => categoryOf(m, reasonGroup), categories: REASON_CATEGORIES },
    motif: { keyOf: (m) => m.closureReason, categories: reasons },
  }, headline);
  source.population('clotures', 'm', ended.filter((m) => m.status === 'cloture'), { motif: { keyOf: (m) => m.closureReason, categories: reasons } });
  source.population('abandons', 'm', ended.filter((m) => m.status === 'abandonne'), {
    categorie: { keyOf: (m) => categoryOf(m, reasonGroup), categories: REASON_CATEGORIES },
    motif: { keyOf: (m) => m.closureReason, categories: reasons },
  });
  // The n of the mean duration and of the mean time to a match: populations as well.
  source.population('durees', 'm', ended.filter((m) => m.startedOn && m.endedOn! >= m.startedOn), {});
  source.population('delais', 'm', f.mentorships.filter((m) => m.startedOn?.startsWith(`${year}-`) && m.appliedOn && m.matchedOn && m.matchedOn >= m.appliedOn), {});
  const conflicts = ended.map((m) => ({ m, kind: conflictOf(m, reasonGroup) })).filter((x) => x.kind !== null);
  source.population(
    'conflits',
    'm',
    conflicts.map((x) => ({ id: x.m.id, associationId: x.m.associationId, kind: x.kind })),
    { nature: { keyOf: (x) => x.kind, categories: CONFLICT_KINDS } },
  );
  for (const audience of ['youth', 'mentor'] as const) {
    const issued = f.links.filter((l) => l.audience === audience && l.state !== 'revoque' && l.endedOn?.startsWith(`${year}-`));
    source.population(`liens_${audience}`, 'l', issued, {
      reponse: { keyOf: responseState, categories: RESPONSE_STATES },
      // Answers per questionnaire language (issue 11): same links, so suppressed consistently with `reponse`.
      langue: { keyOf: (l) => (responseState(l) === 'answered' ? (l.language ?? 'fr') : 'sans_reponse'), categories: RESPONSE_LANGUAGES },
    });
  }
  // Mentors: once each, through their first mentorship of the year (as young people), so that a mentor working
  // with two associations is one unit and the associations add up to the department.
  source.population('mentors_mobilises', 'm', firstPerMentor(active), {});
  source.population('mentors_en_binome', 'm', firstPerMentor(active.filter((m) => activeOn(m, referenceDay))), {});
  source.population('mentors_formes', 'mentor', (f.mentors ?? []).filter((t) => t.trainedOn?.startsWith(`${year}-`)), {});
  const linkOf = new Map(f.links.flatMap((l) => (l.responseId == null ? [] : [[l.responseId, l.id] as const])));
  const answersOfYear = (f.answers ?? []).filter((v) => v.year === year);
  declareAnswers(source, answersOfYear, linkOf);
  declarePairs(source, answersOfYear);
  declareNonResponse(source, (f.endedRows ?? []).filter((r) => r.endedOn.startsWith(`${year}-`)), f.lists, f.territories);
  for (const audience of ['youth', 'mentor'] as const) source.sameCount([`liens_${audience}`, 'reponse', 'answered'], [nonResponsePopulation(audience), 'repondant', 'repondants']);
  if (f.cotechPeriods) declareCotech(source, year, f.cotechPeriods(year), f.mentorships, f.lists.type_placement);
  return source;
}
