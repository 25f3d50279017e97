/** Pure computations of the value-chain report: facts in, suppressed figures out; no I/O. */
import { CHAIN_LINK_LABELS, CHAIN_LINKS, indicators, INDICATOR_SOURCE_LABELS, type ChainLink, type IndicatorId, type IndicatorUnit } from '../../../surveys/catalogue.ts';
import type { DeclarationFact, IndicatorFact, LinkFact, MentorFact, MentorshipFact } from '../facts.ts';
import { audienceRate, type AudienceRate } from '../response-rate/compute.ts';
import { reasonStatusMismatch } from '../../mentorships/rules.ts';
import { RELATIONSHIP_BANDS, RELATIONSHIP_SCORE, relationshipBand } from '../../../surveys/blocks/relation.ts';
import type { MentorshipStatus } from '../../../db/schema/index.ts';
import {
  activeDuring,
  activeOn,
  AGE_GROUPS,
  ageGroup,
  ageOn,
  CODE_DIMENSIONS,
  codeOf,
  countMeasure,
  daysBetween,
  distributionBy,
  EMPTY,
  endedIn,
  groupCategories,
  listCategories,
  meanMeasure,
  perYoungPerson,
  plainMeasure,
  select,
  shareMeasure,
  thanksToMentoring,
  valueShare,
  yearEnd,
  type Measure,
} from '../measures.ts';
import { insufficientMessage, type ListEntry } from '../scope.ts';
import { ratio } from '../stats.ts';
import { change, guardValue, hiddenCell, isSmall, isSuppressed, suppressCount, suppressDistribution, SUPPRESSED, type CountCell, type Distribution, type ValueCell } from '../suppression.ts';
import type { ListKind } from '../../../db/schema/index.ts';
import type { ProtectedView } from '../protection/source.ts';
import { answers } from '../protection/answers.ts';
import { protectedRate } from '../response-rate/compute.ts';

export interface Detail {
  key: string;
  label: string;
  unit: IndicatorUnit | 'ratio';
  current: Measure;
  previous: Measure | null;
}

export interface Breakdown {
  key: string;
  title: string;
  current: Distribution;
}

export interface ChainFigure {
  indicatorId: IndicatorId;
  link: ChainLink;
  label: string;
  unit: IndicatorUnit;
  isKey: boolean;
  sources: string[];
  /** False when nothing in the platform's data can feed the indicator (it says why in `note`). */
  available: boolean;
  note: string | null;
  current: Measure;
  previous: Measure | null;
  change: ValueCell;
  details: Detail[];
  breakdowns: Breakdown[];
  /** Names declared by the associations (tools), never anything typed by a young person or a mentor. */
  list: string[];
}

export interface ResultsApart {
  /** Mentorships ended in the year, by closure category of the steering table. */
  byCategory: Distribution;
  /** The reasons themselves, grouped by category, so that "stopped" never reads as "failed". */
  byReason: Distribution;
  /** Stop reasons given in the questionnaires, youth and mentor apart (categories binome / objectif / autre). */
  stopReasonsYouth: Distribution;
  stopReasonsMentor: Distribution;
  /** Objective changed on the way, as said by the young person / the mentor. */
  objectiveChangedYouth: Measure;
  objectiveChangedMentor: Measure;
}

export interface Answers {
  youth: AudienceRate;
  mentor: AudienceRate;
}

export interface DataQuality {
  /** Which of the three "objective reached" counts is the indicator, in plain French. */
  objectiveDefinition: string;
  /** The three readings of "reached" found in the steering table, so the evaluator sees why they differ. */
  objectiveReadings: { key: 'statut' | 'motif' | 'categorie'; label: string; count: CountCell; isIndicator: boolean }[];
  /** Ended mentorships whose status and closure reason disagree, by kind. */
  conflicts: Distribution;
  /** The same conflicts by association (department view), so the department knows whom to ask. */
  conflictsByAssociation: Distribution | null;
  /** Yearly declarations left as drafts (not counted in Ressources / Activités) or not started. */
  declarations: { associationId: number; name: string; state: 'brouillon' | null }[];
  /** Beside each impact share: the answers it rests on against the mentorships ended in the year. */
  coverage: { indicatorId: string; label: string; answers: CountCell; closed: CountCell; share: ValueCell }[];
}

export interface ValueChainFacts {
  year: number;
  compare: boolean;
  k: number;
  today: string;
  lists: Record<ListKind, ListEntry[]>;
  territories: Map<number, string>;
  keyIndicatorIds: readonly string[];
  /** Mentorships touching the years needed (n, n-1 and, with compare, n-2 for "new vs previous year"). */
  mentorships: MentorshipFact[];
  /** Every trained mentor of the scope (not only those of the period's mentorships): see `loadMentors`. */
  mentors: readonly MentorFact[];
  indicatorValues: IndicatorFact[];
  declarations: DeclarationFact[];
  /** Questionnaire links of the mentorships ended in the year (answers and rates, youth and mentor apart). */
  links?: readonly LinkFact[];
  /** Associations in scope and the state of their declaration for the year (null: none started). */
  declarationStates?: readonly { associationId: number; name: string; state: 'brouillon' | 'soumise' | null }[];
  /** Headline figures only (trends over years): skips the breakdowns of the young people. */
  light?: boolean;
  /**
   * The department-year's protected source, read for the association in scope (null: none, e.g. small unit
   * tests): registry counts and questionnaire links are then read from it rather than suppressed here.
   */
  protection?: (year: number) => ProtectedView | null;
}

export type ValueChainComputed =
  | { status: 'insufficient'; year: number; k: number; message: string; mentorshipsClosed: CountCell; answers: Answers }
  | {
      status: 'ok';
      year: number;
      compare: boolean;
      k: number;
      youngPeople: CountCell;
      mentorshipsClosed: CountCell;
      /** Questionnaires of the mentorships ended in the year: young people and mentors never added together. */
      answers: Answers;
      /** False when no row of the steering table touches the year before: its figures read "pas de données", not 0. */
      previousHasData: boolean | null;
      declarationsSubmitted: number;
      dataQuality: DataQuality;
      links: { link: ChainLink; label: string; figures: ChainFigure[] }[];
      resultsApart: ResultsApart;
    };

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
/** A declared "number and list" may be a number or a list; either way it counts. */
const countOrList = (v: unknown): number => (Array.isArray(v) ? v.length : num(v));
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => s.trim()) : []);
const sumDecl = (decls: readonly DeclarationFact[], read: (c: Record<string, unknown>) => number) => decls.reduce((s, d) => s + read(d.content), 0);
const declMeasure = (decls: readonly DeclarationFact[], read: (c: Record<string, unknown>) => number) =>
  decls.length === 0 ? EMPTY : plainMeasure(sumDecl(decls, read), decls.length);

interface Financing {
  sousProjet: string;
  financeur: string;
  montant: number;
}
function financings(c: Record<string, unknown>): Financing[] {
  const list = Array.isArray(c.financements) ? c.financements : [];
  return list
    .filter((f): f is Record<string, unknown> => typeof f === 'object' && f !== null)
    .map((f) => ({ sousProjet: String(f.sousProjet ?? 'autre'), financeur: String(f.financeur ?? 'autre'), montant: num(f.montant) }));
}
const COST_ITEMS = [
  ['locaux', 'Locaux'],
  ['communication', 'Communication'],
  ['transport', 'Transport'],
  ['developpement', 'Développement'],
] as const;
const costs = (c: Record<string, unknown>) => (typeof c.coutsAnnexes === 'object' && c.coutsAnnexes !== null ? (c.coutsAnnexes as Record<string, unknown>) : {});

const SUB_PROJECTS: Record<string, string> = { mentorat: 'Mentorat', parrainage: 'Parrainage' };
const FUNDERS: Record<string, string> = { departement: 'Département', autres: 'Autres partenaires' };

export interface YearFigure {
  main: Measure;
  details: Omit<Detail, 'previous'>[];
  breakdowns: Breakdown[];
  list: string[];
  available: boolean;
  note: string | null;
}

/** Everything the value chain says about one year. */
export function computeYear(
  f: ValueChainFacts,
  year: number,
): { figures: Map<IndicatorId, YearFigure>; youngPeople: number; youngCell: CountCell; resultsApart: ResultsApart; endedTotal: CountCell; ended: MentorshipFact[]; registryHasData: boolean } {
  const { k } = f;
  // Registry populations are read from the protected source when there is one (one verdict per population).
  const pv = f.protection?.(year) ?? null;
  const dist = (population: string, dimension: string, local: () => Distribution): Distribution => (pv ? pv.distribution(population, dimension) : local());
  const tot = (population: string, n: number): CountCell => (pv ? pv.total(population) : suppressCount(n, k));
  const countOf = (population: string, n: number): Measure => {
    const cell = tot(population, n);
    return { value: cell, n: cell, denominator: null };
  };
  // A mean's n is a population (mentorships with both dates, answers) and so are a share's numerator and
  // denominator and a distribution of answers (protection/answers.ts): read from the source, the value computed here.
  const shareOn = (population: string, dimension: string, category: string, local: () => Measure): Measure => {
    if (!pv) return local();
    const s = pv.share(population, dimension, category);
    return { value: s.value, n: s.numerator, denominator: s.denominator };
  };
  const meanOn = (population: string, xs: readonly number[], filledOnly = false): Measure => {
    if (!pv) return meanMeasure(xs, k);
    const n = filledOnly ? (pv.distribution(population, 'renseigne').items.find((i) => i.key === 'oui')?.count ?? 0) : pv.total(population);
    return { value: guardValue(xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length, n, k), n, denominator: null };
  };
  const active = f.mentorships.filter((m) => activeDuring(m, year));
  const ended = f.mentorships.filter((m) => endedIn(m, year));
  const young = perYoungPerson(active);
  const previousYoung = new Set(f.mentorships.filter((m) => activeDuring(m, year - 1)).map((m) => m.youngPersonId));
  const values = f.indicatorValues.filter((v) => v.year === year);
  const decls = f.declarations.filter((d) => d.year === year);
  const referenceDay = yearEnd(year) < f.today ? yearEnd(year) : f.today;
  const schoolGroup = new Map(f.lists.niveau_scolaire.map((e) => [e.code, e.group]));
  const reasonGroup = new Map(f.lists.motif_cloture.map((e) => [e.code, e.group]));

  const figures = new Map<IndicatorId, YearFigure>();
  const put = (id: IndicatorId, fig: Partial<YearFigure> & { main: Measure }) =>
    figures.set(id, { details: [], breakdowns: [], list: [], available: true, note: null, ...fig });

  // Ressources
  const etp = (c: Record<string, unknown>) => num(c.etpSalaries) + num(c.etpBenevoles);
  const totalEtp = sumDecl(decls, etp);
  put('ressources.etp', {
    main: declMeasure(decls, etp),
    details: [
      { key: 'salaries', label: 'ETP salariés', unit: 'etp', current: declMeasure(decls, (c) => num(c.etpSalaries)) },
      { key: 'benevoles', label: 'ETP bénévoles', unit: 'etp', current: declMeasure(decls, (c) => num(c.etpBenevoles)) },
    ],
  });
  const activeCount = tot('actifs', active.length);
  put('ressources.binomes_par_etp', {
    main: { value: decls.length === 0 ? null : guardValue(ratio(active.length, totalEtp), activeCount, k), n: activeCount, denominator: null, declarations: decls.length },
    note: 'Mentorats en cours dans l’année ÷ ETP déclarés (déclarations soumises).',
  });
  const funds = decls.flatMap((d) => financings(d.content));
  const totalFunds = funds.reduce((s, x) => s + x.montant, 0);
  const fundDetails: Omit<Detail, 'previous'>[] = [];
  for (const sp of Object.keys(SUB_PROJECTS)) {
    for (const fu of Object.keys(FUNDERS)) {
      const amount = funds.filter((x) => x.sousProjet === sp && x.financeur === fu).reduce((s, x) => s + x.montant, 0);
      fundDetails.push({ key: `${sp}.${fu}`, label: `${SUB_PROJECTS[sp]} — ${FUNDERS[fu]}`, unit: 'euros', current: decls.length ? plainMeasure(amount, decls.length) : EMPTY });
    }
  }
  fundDetails.push({
    key: 'cout_par_mentorat',
    label: 'Ressources financières par mentorat suivi',
    unit: 'euros',
    current: decls.length === 0 ? EMPTY : { value: guardValue(ratio(totalFunds, active.length), activeCount, k), n: activeCount, denominator: null },
  });
  put('ressources.financement', { main: decls.length ? plainMeasure(totalFunds, decls.length) : EMPTY, details: fundDetails });
  const costTotal = (c: Record<string, unknown>) => COST_ITEMS.reduce((s, [key]) => s + num(costs(c)[key]), 0);
  put('ressources.couts_annexes', {
    main: declMeasure(decls, costTotal),
    details: COST_ITEMS.map(([key, label]) => ({ key, label, unit: 'euros' as const, current: declMeasure(decls, (c) => num(costs(c)[key])) })),
  });
  const tools = [...new Set(decls.flatMap((d) => strings(d.content.outils)))].sort((a, b) => a.localeCompare(b, 'fr'));
  put('ressources.outils', { main: decls.length ? plainMeasure(tools.length, decls.length) : EMPTY, list: tools });

  // Activités
  put('activites.structures_contactees', { main: declMeasure(decls, (c) => countOrList(c.structuresContactees)) });
  put('activites.structures_rencontrees', { main: declMeasure(decls, (c) => countOrList(c.structuresRencontrees)) });
  put('activites.reunions_departement', { main: declMeasure(decls, (c) => countOrList(c.reunionsDepartement)) });
  put('activites.sensibilisation', { main: declMeasure(decls, (c) => countOrList(c.actionsSensibilisation)) });
  put('activites.ateliers', { main: declMeasure(decls, (c) => countOrList(c.ateliersCollectifs)) });
  put('activites.projets_complementaires', { main: declMeasure(decls, (c) => countOrList(c.projetsComplementaires)) });

  // Réalisations
  const referenceDate = (m: MentorshipFact) => (m.endedOn && m.endedOn < referenceDay ? m.endedOn : referenceDay);
  put('realisations.jeunes_accompagnes', {
    main: countOf('jeunes', young.length),
    breakdowns: f.light ? [] : [
      { key: 'sexe', title: 'Par sexe', current: dist('jeunes', 'sexe', () => distributionBy(young, (m) => m.sex, listCategories(f.lists.sexe), k)) },
      { key: 'tranche_age', title: "Par tranche d'âge", current: dist('jeunes', 'tranche_age', () => distributionBy(young, (m) => ageGroup(ageOn(m.birthMonth, referenceDate(m))), AGE_GROUPS, k)) },
      { key: 'groupe_niveau_scolaire', title: 'Par niveau scolaire', current: dist('jeunes', 'groupe_niveau_scolaire', () => distributionBy(young, (m) => (m.schoolLevel ? (schoolGroup.get(m.schoolLevel) ?? m.schoolLevel) : null), groupCategories(f.lists.niveau_scolaire), k)) },
      { key: 'type_placement', title: 'Par type de placement', current: dist('jeunes', 'type_placement', () => distributionBy(young, (m) => m.placementType, listCategories(f.lists.type_placement), k)) },
      {
        key: 'territoire',
        title: 'Par territoire',
        current: dist('jeunes', 'territoire', () => distributionBy(young, (m) => (m.territoryId === null ? null : String(m.territoryId)), [...f.territories].map(([id, name]) => ({ key: String(id), label: name })), k)),
      },
      {
        key: 'nouveau_ou_reconduction',
        title: 'Nouveaux mentorats et reconductions',
        current: dist('actifs', 'nouveau_ou_reconduction', () => distributionBy(active, (m) => (m.isRenewal ? 'reconduction' : 'nouveau'), [{ key: 'nouveau', label: 'Nouveaux mentorats' }, { key: 'reconduction', label: 'Reconductions' }], k)),
      },
      {
        key: 'nouveau_par_rapport_a_n_1',
        title: "Jeunes nouveaux par rapport à l'année précédente",
        current: dist('jeunes', 'nouveau_par_rapport_a_n_1', () => distributionBy(young, (m) => (previousYoung.has(m.youngPersonId) ? 'deja' : 'nouveau'), [{ key: 'nouveau', label: 'Nouveaux jeunes' }, { key: 'deja', label: `Déjà accompagnés en ${year - 1}` }], k)),
      },
    ],
  });
  // Mentors are populations of the protected source too (each once, through their first mentorship of the year).
  put('realisations.mentors_formes', { main: countOf('mentors_formes', mentorsTrainedIn(f.mentors, year)), note: MENTORS_TRAINED_DEFINITION });
  const mobilised = new Set(active.filter((m) => m.mentorId !== null).map((m) => m.mentorId));
  const inPair = new Set(active.filter((m) => m.mentorId !== null && activeOn(m, referenceDay)).map((m) => m.mentorId));
  put('realisations.mentors_mobilises', {
    main: countOf('mentors_mobilises', mobilised.size),
    details: [{ key: 'en_binome', label: `En binôme au ${referenceDay.split('-').reverse().join('/')}`, unit: 'nombre', current: countOf('mentors_en_binome', inPair.size) }],
  });
  put('realisations.structures_mobilisees', {
    main: EMPTY,
    available: false,
    note: "Le tableau de pilotage ne renseigne pas la structure qui oriente le jeune : l'indicateur ne peut pas encore être calculé.",
  });
  put('realisations.objectifs', { main: countOf('actifs', active.length), breakdowns: [{ key: 'objectif', title: 'Par objectif', current: dist('actifs', 'objectif', () => distributionBy(active, (m) => m.objective, listCategories(f.lists.objectif), k)) }] });
  const freqYouth = select(values, 'realisations.frequence', 'frequence', 'youth');
  const freqMentor = select(values, 'realisations.frequence', 'frequence', 'mentor');
  const numbers = (facts: IndicatorFact[]) => facts.filter((v) => v.value !== null).map((v) => v.value!);
  put('realisations.frequence', {
    main: meanOn(answers.frequence('youth'), numbers(freqYouth), true),
    details: [
      { key: 'jeune', label: 'Rencontres par mois, selon les jeunes', unit: 'moyenne', current: meanOn(answers.frequence('youth'), numbers(freqYouth), true) },
      { key: 'mentor', label: 'Rencontres par mois, selon les mentors', unit: 'moyenne', current: meanOn(answers.frequence('mentor'), numbers(freqMentor), true) },
    ],
    breakdowns: [
      { key: 'jeune', title: 'Réponses des jeunes', current: dist(answers.frequence('youth'), 'code', () => distributionBy(freqYouth, codeOf, CODE_DIMENSIONS.frequence!, k)) },
      { key: 'mentor', title: 'Réponses des mentors', current: dist(answers.frequence('mentor'), 'code', () => distributionBy(freqMentor, codeOf, CODE_DIMENSIONS.frequence!, k)) },
    ],
    note: 'Nombre approximatif de rencontres par mois.',
  });
  const startedThisYear = f.mentorships.filter((m) => m.startedOn?.startsWith(`${year}-`) && m.appliedOn && m.matchedOn && m.matchedOn >= m.appliedOn);
  put('realisations.delai_mise_en_relation', { main: meanOn('delais', startedThisYear.map((m) => daysBetween(m.appliedOn!, m.matchedOn!))) });
  put('realisations.assiduite', { main: meanOn(answers.assiduite, numbers(select(values, 'realisations.assiduite', 'assiduite', 'mentor')), true), note: 'Part moyenne des rencontres prévues où le jeune est venu, selon le mentor.' });
  put('realisations.modalite', { main: countOf('actifs', active.length), breakdowns: [{ key: 'modalite', title: 'Par modalité', current: dist('actifs', 'modalite', () => distributionBy(active, (m) => m.modality, listCategories(f.lists.modalite), k)) }] });
  const durations = ended.filter((m) => m.startedOn && m.endedOn! >= m.startedOn).map((m) => daysBetween(m.startedOn!, m.endedOn!));
  put('realisations.duree_moyenne', { main: meanOn('durees', durations) });
  put('realisations.evenements', { main: declMeasure(decls, (c) => countOrList(c.evenements)) });
  const relationYouth = numbers(select(values, RELATIONSHIP_SCORE.indicatorId, RELATIONSHIP_SCORE.dimension, 'youth'));
  const relationMentor = numbers(select(values, RELATIONSHIP_SCORE.indicatorId, RELATIONSHIP_SCORE.dimension, 'mentor'));
  const good = (scores: number[]) => scores.filter((v) => relationshipBand(v) === 'bonne').length;
  put('realisations.qualite_relation', {
    main: meanOn(answers.relation('youth'), relationYouth),
    details: [
      { key: 'jeune', label: 'Score moyen selon les jeunes (0 à 100)', unit: 'score', current: meanOn(answers.relation('youth'), relationYouth) },
      { key: 'mentor', label: 'Score moyen selon les mentors (0 à 100)', unit: 'score', current: meanOn(answers.relation('mentor'), relationMentor) },
      { key: 'bonne_jeune', label: 'Bonne relation (75 et plus), selon les jeunes', unit: 'part', current: shareOn(answers.relation('youth'), 'niveau', 'bonne', () => shareMeasure(good(relationYouth), relationYouth.length, k)) },
      { key: 'bonne_mentor', label: 'Bonne relation (75 et plus), selon les mentors', unit: 'part', current: shareOn(answers.relation('mentor'), 'niveau', 'bonne', () => shareMeasure(good(relationMentor), relationMentor.length, k)) },
    ],
    breakdowns: [
      { key: 'jeune', title: 'Niveau de relation, selon les jeunes', current: dist(answers.relation('youth'), 'niveau', () => distributionBy(relationYouth, relationshipBand, RELATIONSHIP_BANDS, k)) },
      { key: 'mentor', title: 'Niveau de relation, selon les mentors', current: dist(answers.relation('mentor'), 'niveau', () => distributionBy(relationMentor, relationshipBand, RELATIONSHIP_BANDS, k)) },
    ],
    note: 'Score de 0 à 100 : moyenne des quatre réponses (écoute, parler de ce qui compte, aide pour avancer, confiance) ramenée de 1–4 à 0–100, pour les répondants qui ont répondu aux quatre.',
  });

  // Résultats
  const reached = ended.filter((m) => m.status === 'objectif_atteint').length;
  const closed = ended.filter((m) => m.status === 'cloture');
  const abandoned = ended.filter((m) => m.status === 'abandonne');
  // Reached + closed + abandoned = ended: the three are one line, suppressed together, or "ended − reached −
  // closed" would give a hidden number of abandons away.
  const split = dist('termines', 'statut', () => suppressDistribution(
    [
      { key: 'objectif_atteint', label: 'Objectif atteint', count: reached },
      { key: 'cloture', label: 'Clôturé', count: closed.length },
      { key: 'abandonne', label: 'Abandonné', count: abandoned.length },
    ],
    k,
  ));
  const [reachedCell, closedCell, abandonedCell] = ['objectif_atteint', 'cloture', 'abandonne'].map((key) => split.items.find((i) => i.key === key)?.count ?? 0) as [CountCell, CountCell, CountCell];
  const reachedShare = shareMeasure(reached, ended.length, k);
  const reachedMeasure: Measure =
    isSuppressed(reachedCell) || isSuppressed(split.total) ? { value: ended.length === 0 ? null : SUPPRESSED, n: reachedCell, denominator: split.total } : reachedShare;
  const fromSplit = (cell: CountCell): Measure => ({ value: cell, n: cell, denominator: null });
  const youthReached = valueShare(select(values, 'resultats.objectif_atteint', 'atteint', 'youth'), 1);
  const mentorReached = valueShare(select(values, 'resultats.objectif_atteint', 'atteint', 'mentor'), 1);
  const youthChanged = valueShare(select(values, 'resultats.objectif_atteint', 'objectif_change', 'youth'), 1);
  const mentorChanged = valueShare(select(values, 'resultats.objectif_atteint', 'objectif_change', 'mentor'), 1);
  const youthChangedMeasure = shareOn(answers.objectifChange('youth'), 'valeur', 'oui', () => shareMeasure(youthChanged.numerator, youthChanged.denominator, k));
  const mentorChangedMeasure = shareOn(answers.objectifChange('mentor'), 'valeur', 'oui', () => shareMeasure(mentorChanged.numerator, mentorChanged.denominator, k));
  put('resultats.objectif_atteint', {
    main: ended.length === 0 ? reachedShare : reachedMeasure,
    details: [
      { key: 'jeune', label: 'Objectif atteint, selon les jeunes (réponse « oui »)', unit: 'part', current: shareOn(answers.atteintValeur('youth'), 'valeur', 'oui', () => shareMeasure(youthReached.numerator, youthReached.denominator, k)) },
      { key: 'mentor', label: 'Objectif atteint, selon les mentors (réponse « oui »)', unit: 'part', current: shareOn(answers.atteintValeur('mentor'), 'valeur', 'oui', () => shareMeasure(mentorReached.numerator, mentorReached.denominator, k)) },
      { key: 'change_jeune', label: 'Objectif qui a changé en route, selon les jeunes', unit: 'part', current: youthChangedMeasure },
      { key: 'change_mentor', label: 'Objectif qui a changé en route, selon les mentors', unit: 'part', current: mentorChangedMeasure },
    ],
    breakdowns: [
      { key: 'jeune', title: 'Réponses des jeunes', current: dist(answers.atteint('youth'), 'code', () => distributionBy(select(values, 'resultats.objectif_atteint', 'atteint', 'youth'), codeOf, CODE_DIMENSIONS.atteint!, k)) },
      { key: 'mentor', title: 'Réponses des mentors', current: dist(answers.atteint('mentor'), 'code', () => distributionBy(select(values, 'resultats.objectif_atteint', 'atteint', 'mentor'), codeOf, CODE_DIMENSIONS.atteint!, k)) },
    ],
    note: 'Part des mentorats terminés dans l’année avec le statut « objectif atteint ». Ne pas atteindre l’objectif n’est pas forcément un échec.',
  });
  const reasons = listCategories(f.lists.motif_cloture);
  put('resultats.clotures', { main: fromSplit(closedCell), breakdowns: [{ key: 'motif', title: 'Par motif', current: dist('clotures', 'motif', () => distributionBy(closed, (m) => m.closureReason, reasons, k)) }] });
  put('resultats.abandons', {
    main: fromSplit(abandonedCell),
    breakdowns: [
      { key: 'categorie', title: 'Par catégorie de motif', current: dist('abandons', 'categorie', () => distributionBy(abandoned, (m) => categoryOf(m, reasonGroup), REASON_CATEGORIES, k)) },
      { key: 'motif', title: 'Par motif', current: dist('abandons', 'motif', () => distributionBy(abandoned, (m) => m.closureReason, reasons, k)) },
    ],
  });

  // Impact
  for (const id of ['impact.confiance', 'impact.notes'] as const) {
    const t = thanksToMentoring(values, id);
    // The means of "before" and "now" rest on the same young people as the change (those who answered both),
    // so that now − before reads exactly as the mean change.
    const paired = new Set(select(values, id, 'evolution', 'youth').filter((v) => v.value !== null).map((v) => v.responseId));
    const before = numbers(select(values, id, 'avant', 'youth').filter((v) => paired.has(v.responseId)));
    const now = numbers(select(values, id, 'aujourdhui', 'youth').filter((v) => paired.has(v.responseId)));
    put(id, {
      main: shareOn(answers.progres(id), 'progres', 'oui', () => shareMeasure(t.numerator, t.denominator, k)),
      details: [
        { key: 'avant', label: 'Moyenne « avant le mentorat » (1 à 5), jeunes ayant répondu aux deux questions', unit: 'score', current: meanOn(answers.progres(id), before) },
        { key: 'aujourdhui', label: 'Moyenne « aujourd’hui » (1 à 5), mêmes jeunes', unit: 'score', current: meanOn(answers.progres(id), now) },
        { key: 'evolution', label: 'Évolution moyenne (aujourd’hui − avant)', unit: 'score', current: meanOn(answers.progres(id), t.evolutions) },
      ],
      note: 'Part des jeunes qui vont mieux qu’avant le mentorat et disent que c’est grâce au mentorat, parmi ceux qui ont répondu aux deux questions avant / aujourd’hui.',
    });
  }
  const stage = valueShare(select(values, 'impact.stage', 'trouve', 'youth'), 1);
  put('impact.stage', { main: shareOn(answers.stage, 'valeur', 'oui', () => shareMeasure(stage.numerator, stage.denominator, k)) });
  const facets = [
    ['prise_de_parole', 'Confiance pour prendre la parole'],
    ['personne_ressource', 'Une personne sur qui compter'],
    ['liens', 'Créer des liens'],
    ['decouverte', 'Découverte de soi ou du monde'],
  ] as const;
  const facetShares = facets.map(([facet, label]) => {
    const t = thanksToMentoring(values, 'impact.competences_psychosociales', facet);
    return { key: facet, label, unit: 'part' as const, current: shareOn(answers.facet(facet), 'progres', 'oui', () => shareMeasure(t.numerator, t.denominator, k)), t };
  });
  // The headline counts young people who progressed on at least one facet, thanks to the mentoring.
  const anyFacet = new Set<number>();
  const answeredFacet = new Set<number>();
  for (const [facet] of facets) {
    for (const v of select(values, 'impact.competences_psychosociales', `${facet}.evolution`, 'youth')) answeredFacet.add(v.responseId);
  }
  for (const [facet] of facets) {
    const thanks = new Set(select(values, 'impact.competences_psychosociales', `${facet}.grace_au_mentorat`, 'youth').filter((v) => v.value === 1).map((v) => v.responseId));
    for (const v of select(values, 'impact.competences_psychosociales', `${facet}.evolution`, 'youth')) if ((v.value ?? 0) > 0 && thanks.has(v.responseId)) anyFacet.add(v.responseId);
  }
  put('impact.competences_psychosociales', {
    main: shareOn(answers.anyFacet, 'progres', 'oui', () => shareMeasure(anyFacet.size, answeredFacet.size, k)),
    details: facetShares.map(({ t: _t, ...d }) => d),
    note: 'Part des jeunes ayant progressé grâce au mentorat sur au moins une compétence.',
  });

  const resultsApart: ResultsApart = {
    byCategory: dist('termines', 'categorie', () => distributionBy(ended, (m) => categoryOf(m, reasonGroup), REASON_CATEGORIES, k)),
    byReason: dist('termines', 'motif', () => distributionBy(
      [...ended].sort((a, b) => REASON_ORDER.indexOf(categoryOf(a, reasonGroup) ?? '') - REASON_ORDER.indexOf(categoryOf(b, reasonGroup) ?? '')),
      (m) => m.closureReason,
      [...reasons].sort((a, b) => REASON_ORDER.indexOf(reasonGroup.get(a.key) ?? '') - REASON_ORDER.indexOf(reasonGroup.get(b.key) ?? '')),
      k,
    )),
    stopReasonsYouth: dist(answers.motifArret('youth'), 'code', () => distributionBy(select(values, 'resultats.objectif_atteint', 'motif_arret_categorie', 'youth'), codeOf, CODE_DIMENSIONS.motif_arret_categorie!, k)),
    stopReasonsMentor: dist(answers.motifArret('mentor'), 'code', () => distributionBy(select(values, 'resultats.objectif_atteint', 'motif_arret_categorie', 'mentor'), codeOf, CODE_DIMENSIONS.motif_arret_categorie!, k)),
    objectiveChangedYouth: youthChangedMeasure,
    objectiveChangedMentor: mentorChangedMeasure,
  };
  const registryHasData = f.mentorships.some((m) => touchesYear(m, year));
  if (!registryHasData) {
    // No row of the steering table touches the year (before the platform, or before the association joined):
    // its registry figures are unknown, not zero.
    for (const id of REGISTRY_FIGURES) {
      const fig = figures.get(id)!;
      figures.set(id, { ...fig, main: EMPTY, details: fig.details.map((d) => ({ ...d, current: EMPTY })), breakdowns: [] });
    }
  }
  return { figures, youngPeople: young.length, youngCell: tot('jeunes', young.length), resultsApart, endedTotal: split.total, ended, registryHasData };
}

/** Figures read only from the steering table's rows (mentors trained come from the mentors' own records). */
const REGISTRY_FIGURES: readonly IndicatorId[] = [
  'ressources.binomes_par_etp',
  'realisations.jeunes_accompagnes',
  'realisations.mentors_mobilises',
  'realisations.objectifs',
  'realisations.delai_mise_en_relation',
  'realisations.modalite',
  'realisations.duree_moyenne',
  'resultats.objectif_atteint',
  'resultats.clotures',
  'resultats.abandons',
];

/** Any trace of the row in the year: applied, running or ended. */
export function touchesYear(m: MentorshipFact, year: number): boolean {
  return activeDuring(m, year) || endedIn(m, year) || m.appliedOn?.startsWith(`${year}-`) === true;
}

export const MENTORS_TRAINED_DEFINITION =
  'Mentors enregistrés par l’association (page Mentors ou import) dont la date de formation tombe dans l’année, qu’ils soient déjà en binôme ou non. Même définition sur chaque page, pour chaque année.';

/** The one definition of "mentors trained in a year", for the year shown and the year before alike. */
export function mentorsTrainedIn(mentors: readonly MentorFact[], year: number): number {
  return mentors.filter((t) => t.trainedOn?.startsWith(`${year}-`)).length;
}

export const REASON_CATEGORIES = [
  { key: 'atteint', label: 'Objectif atteint ou fin prévue' },
  { key: 'binome', label: 'Arrêt lié au binôme (disponibilité, déménagement, contact perdu…)' },
  { key: 'objectif', label: 'Objectif non atteint ou qui a changé' },
];
export const REASON_ORDER = ['atteint', 'binome', 'objectif', ''];

/** Category of a closure: from the reason's list group; a mentorship closed "objective reached" without reason counts as reached. */
export function categoryOf(m: MentorshipFact, reasonGroup: ReadonlyMap<string, string | null>): string | null {
  const group = m.closureReason ? reasonGroup.get(m.closureReason) : undefined;
  if (group) return group;
  return m.status === 'objectif_atteint' ? 'atteint' : null;
}

/** Answers and rates of the year, young people and mentors apart (same definition as the response-rate page). */
export function answersOf(links: readonly LinkFact[], year: number, k: number): Answers {
  const ofYear = links.filter((l) => l.endedOn?.startsWith(`${year}-`));
  return { youth: audienceRate(ofYear, 'youth', k), mentor: audienceRate(ofYear, 'mentor', k) };
}

export function computeValueChain(f: ValueChainFacts): ValueChainComputed {
  const view = f.protection?.(f.year) ?? null;
  if (view) {
    // Too few young people: the explanation, the closures and the answers only; nothing else is read (or published).
    const young = view.total('jeunes');
    if (isSuppressed(young) && !young.complement) {
      return { status: 'insufficient', year: f.year, k: f.k, message: insufficientMessage(f.k), mentorshipsClosed: view.total('termines'), answers: { youth: protectedRate(view, 'youth'), mentor: protectedRate(view, 'mentor') } };
    }
  }
  const current = computeYear(f, f.year);
  const mentorshipsClosed = current.endedTotal;
  const pv = f.protection?.(f.year) ?? null;
  const answers = pv ? { youth: protectedRate(pv, 'youth'), mentor: protectedRate(pv, 'mentor') } : answersOf(f.links ?? [], f.year, f.k);
  if (current.youngPeople > 0 && current.youngPeople < f.k) {
    return { status: 'insufficient', year: f.year, k: f.k, message: insufficientMessage(f.k), mentorshipsClosed, answers };
  }
  const previous = f.compare ? computeYear(f, f.year - 1) : null;
  const keys = new Set(f.keyIndicatorIds);
  const ordered = [...indicators].sort((a, b) => CHAIN_LINKS.indexOf(a.link) - CHAIN_LINKS.indexOf(b.link) || Number(keys.has(b.id)) - Number(keys.has(a.id)));
  const links = CHAIN_LINKS.map((link) => ({
    link,
    label: CHAIN_LINK_LABELS[link],
    figures: ordered
      .filter((ind) => ind.link === link)
      .map((ind): ChainFigure => {
        const cur = current.figures.get(ind.id)!;
        const prev = previous?.figures.get(ind.id) ?? null;
        return {
          indicatorId: ind.id,
          link,
          label: ind.label,
          unit: ind.unit,
          isKey: keys.has(ind.id),
          sources: ind.sources.map((s) => INDICATOR_SOURCE_LABELS[s]),
          available: cur.available,
          note: cur.note,
          current: cur.main,
          previous: prev ? prev.main : null,
          change: prev ? change(cur.main.value, prev.main.value) : null,
          details: cur.details.map((d) => ({ ...d, previous: prev?.details.find((p) => p.key === d.key)?.current ?? null })),
          breakdowns: cur.breakdowns,
          list: cur.list,
        };
      }),
  }));
  return {
    status: 'ok',
    year: f.year,
    compare: f.compare,
    k: f.k,
    youngPeople: current.youngCell,
    mentorshipsClosed,
    answers,
    previousHasData: previous ? previous.registryHasData : null,
    declarationsSubmitted: f.declarations.filter((d) => d.year === f.year).length,
    links,
    resultsApart: current.resultsApart,
    dataQuality: dataQuality(f, current),
  };
}

export const OBJECTIVE_DEFINITION =
  'L’indicateur « objectif atteint » est le statut du tableau de pilotage : mentorats terminés dans l’année au statut « Objectif atteint », sur tous les mentorats terminés dans l’année. Le motif de fin et la catégorie « objectif atteint ou fin prévue » ne sont que des lectures complémentaires.';

export const CONFLICT_KINDS = [
  { key: 'atteint_sans_motif_atteint', label: 'Statut « Objectif atteint » avec un motif d’arrêt ou d’objectif non atteint' },
  { key: 'abandon_motif_atteint', label: 'Statut « Abandonné » avec un motif « objectif atteint ou fin prévue »' },
  { key: 'cloture_motif_objectif_atteint', label: 'Statut « Clôturé » avec le motif « Objectif atteint » (non compté comme objectif atteint)' },
  { key: 'sans_motif', label: 'Clôturé ou abandonné sans motif de fin' },
] as const;

/** Why a row's status and closure reason disagree, or null when they agree (the registry's own rule, plus the softer cases). */
export function conflictOf(m: MentorshipFact, reasonGroup: ReadonlyMap<string, string | null>): (typeof CONFLICT_KINDS)[number]['key'] | null {
  if (m.closureReason === null) return m.status === 'cloture' || m.status === 'abandonne' ? 'sans_motif' : null;
  const group = reasonGroup.get(m.closureReason) ?? null;
  if (reasonStatusMismatch(m.status as MentorshipStatus, group)) return m.status === 'objectif_atteint' ? 'atteint_sans_motif_atteint' : 'abandon_motif_atteint';
  if (m.status === 'cloture' && m.closureReason === 'objectif_atteint') return 'cloture_motif_objectif_atteint';
  return null;
}

/** Per-association totals of a population as a distribution (the department view), from the protected source. */
function byAssociationOf(pv: ProtectedView, population: string, associations: readonly { associationId: number; name: string }[]): Distribution {
  const total = pv.source.total(population, null);
  return {
    items: associations.map((a) => {
      const count = pv.source.total(population, a.associationId);
      return { key: String(a.associationId), label: a.name, count, share: total === 0 ? null : isSuppressed(count) || isSuppressed(total) ? SUPPRESSED : count / total };
    }),
    total,
  };
}

function dataQuality(f: ValueChainFacts, current: ReturnType<typeof computeYear>): DataQuality {
  const pv = f.protection?.(f.year) ?? null;
  // A reading is hidden when the source hides that population, or when its gap to another reading is small.
  const fromSource = (cell: CountCell, dimension: string, category: string): CountCell => {
    if (!pv) return cell;
    const item = pv.distribution('termines', dimension).items.find((i) => i.key === category);
    return item && isSuppressed(item.count) ? item.count : cell;
  };
  const { k } = f;
  const reasonGroup = new Map(f.lists.motif_cloture.map((e) => [e.code, e.group]));
  const ended = current.ended;
  const withConflict = ended.map((m) => ({ m, kind: conflictOf(m, reasonGroup) })).filter((x) => x.kind !== null);
  const associations = f.declarationStates ?? [];
  const reached = current.figures.get('resultats.objectif_atteint')!.main;
  const closed = current.endedTotal;
  const coverage = (['impact.confiance', 'impact.notes', 'impact.stage', 'impact.competences_psychosociales'] as const).map((id) => {
    const answers = current.figures.get(id)!.main.denominator ?? 0;
    const share = typeof answers === 'number' && typeof closed === 'number' ? ratio(answers, closed) : answers === 0 ? null : SUPPRESSED;
    return { indicatorId: id, label: indicators.find((i) => i.id === id)!.label, answers, closed, share };
  });
  const byStatus = ended.filter((m) => m.status === 'objectif_atteint').length;
  const byReason = ended.filter((m) => m.closureReason === 'objectif_atteint').length;
  const byCategory = ended.filter((m) => categoryOf(m, reasonGroup) === 'atteint').length;
  // The readings overlap: one whose gap to another is a small count would give that small group away by difference.
  const reading = (count: number, others: number[]) =>
    isSuppressed(reached.n) || others.some((o) => isSmall(Math.abs(count - o), k)) ? hiddenCell(count, k) : suppressCount(count, k);
  return {
    objectiveDefinition: OBJECTIVE_DEFINITION,
    objectiveReadings: [
      { key: 'statut', label: 'Statut « Objectif atteint » (l’indicateur)', count: reached.n ?? 0, isIndicator: true },
      { key: 'motif', label: 'Motif de fin « Objectif atteint »', count: fromSource(reading(byReason, [byStatus, byCategory]), 'motif', 'objectif_atteint'), isIndicator: false },
      { key: 'categorie', label: 'Catégorie « objectif atteint ou fin prévue » (motifs de ce groupe, ou statut atteint sans motif)', count: fromSource(reading(byCategory, [byStatus, byReason]), 'categorie', 'atteint'), isIndicator: false },
    ],
    conflicts: pv ? pv.distribution('conflits', 'nature') : distributionBy(withConflict, (x) => x.kind, CONFLICT_KINDS, k),
    conflictsByAssociation:
      associations.length > 1
        ? pv
          ? byAssociationOf(pv, 'conflits', associations)
          : distributionBy(withConflict, (x) => String(x.m.associationId), associations.map((a) => ({ key: String(a.associationId), label: a.name })), k)
        : null,
    declarations: associations.filter((a) => a.state !== 'soumise').map((a) => ({ associationId: a.associationId, name: a.name, state: a.state === 'brouillon' ? 'brouillon' : null })),
    coverage,
  };
}
