import { z } from 'zod';

export const CHAIN_LINKS = ['ressources', 'activites', 'realisations', 'resultats', 'impact'] as const;
export type ChainLink = (typeof CHAIN_LINKS)[number];

export const CHAIN_LINK_LABELS: Readonly<Record<ChainLink, string>> = {
  ressources: 'Ressources',
  activites: 'Activités',
  realisations: 'Réalisations',
  resultats: 'Résultats',
  impact: 'Impact',
};

export const INDICATOR_SOURCES = ['registre', 'declaration', 'questionnaire_jeune', 'questionnaire_mentor'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

export const INDICATOR_SOURCE_LABELS: Readonly<Record<IndicatorSource, string>> = {
  registre: 'Tableau de pilotage',
  declaration: 'Déclaration annuelle',
  questionnaire_jeune: 'Questionnaire jeune',
  questionnaire_mentor: 'Questionnaire mentor',
};

export const INDICATOR_UNITS = ['nombre', 'part', 'moyenne', 'duree_jours', 'euros', 'etp', 'liste', 'score'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

// Ids are part of stored data (indicator values, questionnaire versions): never rename one, add a new id.
export const INDICATOR_IDS = [
  'ressources.etp',
  'ressources.binomes_par_etp',
  'ressources.financement',
  'ressources.couts_annexes',
  'ressources.outils',
  'activites.structures_contactees',
  'activites.structures_rencontrees',
  'activites.reunions_departement',
  'activites.sensibilisation',
  'activites.ateliers',
  'activites.projets_complementaires',
  'realisations.jeunes_accompagnes',
  'realisations.mentors_formes',
  'realisations.mentors_mobilises',
  'realisations.structures_mobilisees',
  'realisations.objectifs',
  'realisations.frequence',
  'realisations.delai_mise_en_relation',
  'realisations.assiduite',
  'realisations.modalite',
  'realisations.duree_moyenne',
  'realisations.evenements',
  'realisations.qualite_relation',
  'resultats.objectif_atteint',
  'resultats.clotures',
  'resultats.abandons',
  'impact.confiance',
  'impact.notes',
  'impact.stage',
  'impact.competences_psychosociales',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export interface Indicator {
  id: IndicatorId;
  link: ChainLink;
  label: string;
  definition: string;
  sources: readonly IndicatorSource[];
  unit: IndicatorUnit;
  disaggregations: readonly string[];
  computation: string;
  /**
   * What a department that has not chosen yet starts with, from the seed's "principaux indicateurs à suivre":
   * `cle` for the 4–5 key indicators (headline figures), `suivi` for the other principal ones (selected, their
   * questions asked, but not key), `non` for the rest of the catalogue.
   */
  defaultSelection: DefaultSelection;
}

export const DEFAULT_SELECTIONS = ['cle', 'suivi', 'non'] as const;
export type DefaultSelection = (typeof DEFAULT_SELECTIONS)[number];

const indicatorSchema = z
  .object({
    id: z.enum(INDICATOR_IDS),
    link: z.enum(CHAIN_LINKS),
    label: z.string().min(3),
    definition: z.string().min(10),
    sources: z.array(z.enum(INDICATOR_SOURCES)).min(1),
    unit: z.enum(INDICATOR_UNITS),
    disaggregations: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)),
    computation: z.string().min(10),
    defaultSelection: z.enum(DEFAULT_SELECTIONS),
  })
  .strict()
  .superRefine((indicator, ctx) => {
    if (indicator.id.split('.')[0] !== indicator.link) {
      ctx.addIssue({ code: 'custom', message: `${indicator.id}: id prefix must equal link ${indicator.link}` });
    }
    if (new Set(indicator.sources).size !== indicator.sources.length) {
      ctx.addIssue({ code: 'custom', message: `${indicator.id}: duplicate source` });
    }
  });

const catalogueSchema = z.array(indicatorSchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  for (const indicator of list) {
    if (seen.has(indicator.id)) ctx.addIssue({ code: 'custom', message: `duplicate indicator id ${indicator.id}` });
    seen.add(indicator.id);
  }
  for (const id of INDICATOR_IDS) {
    if (!seen.has(id)) ctx.addIssue({ code: 'custom', message: `indicator ${id} is missing from the catalogue` });
  }
  // The seed asks a department to follow 4 to 5 key indicators: a new department starts with that many.
  const keys = list.filter((indicator) => indicator.defaultSelection === 'cle').length;
  if (keys < 4 || keys > 5) ctx.addIssue({ code: 'custom', message: `the default selection must have 4 to 5 key indicators (${keys})` });
  // Reports walk the catalogue in order, so it must follow the value chain.
  const ranks = list.map((indicator) => CHAIN_LINKS.indexOf(indicator.link));
  if (ranks.some((rank, i) => i > 0 && rank < ranks[i - 1]!)) {
    ctx.addIssue({ code: 'custom', message: 'indicators must be listed in value-chain order' });
  }
});

const definitions: Indicator[] = [
  // Ressources
  {
    id: 'ressources.etp',
    link: 'ressources',
    label: "Équivalents temps plein (ETP) de l'association",
    definition: "Nombre d'équivalents temps plein consacrés au mentorat, salariés et bénévoles.",
    sources: ['declaration'],
    unit: 'etp',
    disaggregations: ['salaries_benevoles'],
    computation: "Somme des ETP salariés et des ETP bénévoles saisis dans la déclaration annuelle de l'association.",
    defaultSelection: 'non',
  },
  {
    id: 'ressources.binomes_par_etp',
    link: 'ressources',
    label: 'Binômes suivis par ETP',
    definition: 'Nombre moyen de binômes suivis par un équivalent temps plein.',
    sources: ['declaration', 'registre'],
    unit: 'moyenne',
    disaggregations: [],
    computation:
      "Nombre de mentorats en cours au moins un jour de l'année (tableau de pilotage) divisé par le total des ETP déclarés ; non calculé quand aucun ETP n'est déclaré.",
    defaultSelection: 'non',
  },
  {
    id: 'ressources.financement',
    link: 'ressources',
    label: 'Ressources financières',
    definition:
      "Ressources financières de l'association pour le mentorat ; subventions ventilées par sous-projet (mentorat, parrainage) et par financeur (le département, les autres partenaires).",
    sources: ['declaration'],
    unit: 'euros',
    disaggregations: ['sous_projet', 'financeur'],
    computation: 'Somme des montants déclarés, ventilée par sous-projet et par financeur.',
    defaultSelection: 'non',
  },
  {
    id: 'ressources.couts_annexes',
    link: 'ressources',
    label: 'Coûts annexes',
    definition: "Coûts annexes de l'association : locaux, communication, transport, développement…",
    sources: ['declaration'],
    unit: 'euros',
    disaggregations: ['poste_de_cout'],
    computation: 'Somme des montants déclarés, par poste de coût.',
    defaultSelection: 'non',
  },
  {
    id: 'ressources.outils',
    link: 'ressources',
    label: 'Outils techniques utilisés',
    definition: "Outils techniques utilisés par l'association (par exemple un CRM).",
    sources: ['declaration'],
    unit: 'liste',
    disaggregations: [],
    computation: "Liste des outils saisis dans la déclaration annuelle de l'association.",
    defaultSelection: 'non',
  },
  // Activités
  {
    id: 'activites.structures_contactees',
    link: 'activites',
    label: 'Structures ASE contactées',
    definition: "Nombre et liste des structures de l'ASE contactées par l'association dans l'année.",
    sources: ['declaration'],
    unit: 'nombre',
    disaggregations: ['type_structure'],
    computation: 'Nombre de structures distinctes de la liste déclarée ; la liste est consultable.',
    defaultSelection: 'non',
  },
  {
    id: 'activites.structures_rencontrees',
    link: 'activites',
    label: 'Structures ASE rencontrées',
    definition: "Nombre et liste des structures de l'ASE rencontrées par l'association dans l'année.",
    sources: ['declaration'],
    unit: 'nombre',
    disaggregations: ['type_structure'],
    computation: 'Nombre de structures distinctes de la liste déclarée ; la liste est consultable.',
    defaultSelection: 'non',
  },
  {
    id: 'activites.reunions_departement',
    link: 'activites',
    label: "Participation aux réunions d'information du département",
    definition: "Réunions d'information organisées par le département auxquelles l'association a participé.",
    sources: ['declaration'],
    unit: 'nombre',
    disaggregations: [],
    computation: 'Nombre de réunions déclarées.',
    defaultSelection: 'non',
  },
  {
    id: 'activites.sensibilisation',
    link: 'activites',
    label: 'Autres actions de sensibilisation',
    definition: "Autres actions de sensibilisation menées (par exemple des campagnes d'information).",
    sources: ['declaration'],
    unit: 'nombre',
    disaggregations: ['type_action'],
    computation: "Nombre d'actions déclarées, par type.",
    defaultSelection: 'non',
  },
  {
    id: 'activites.ateliers',
    link: 'activites',
    label: 'Ateliers collectifs',
    definition: "Ateliers collectifs organisés par l'association.",
    sources: ['declaration'],
    unit: 'nombre',
    disaggregations: [],
    computation: "Nombre d'ateliers déclarés.",
    defaultSelection: 'non',
  },
  {
    id: 'activites.projets_complementaires',
    link: 'activites',
    label: 'Projets complémentaires',
    definition: "Projets menés par l'association en complément du mentorat.",
    sources: ['declaration'],
    unit: 'liste',
    disaggregations: [],
    computation: 'Liste des projets déclarés.',
    defaultSelection: 'non',
  },
  // Réalisations
  {
    id: 'realisations.jeunes_accompagnes',
    link: 'realisations',
    label: 'Jeunes accompagnés',
    definition:
      "Jeunes accompagnés dans l'année, par âge, niveau scolaire, sexe, type de mesure ASE ou de placement et territoire ; nouveaux mentorats et reconductions ; nouveaux jeunes par rapport à l'année n-1.",
    sources: ['registre'],
    unit: 'nombre',
    disaggregations: [
      'tranche_age',
      'niveau_scolaire',
      'groupe_niveau_scolaire',
      'sexe',
      'type_placement',
      'territoire',
      'nouveau_ou_reconduction',
      'nouveau_par_rapport_a_n_1',
    ],
    computation:
      "Nombre de références de jeunes distinctes ayant un mentorat en cours au moins un jour de l'année (tableau de pilotage) ; un jeune est « nouveau » si sa référence n'a aucun mentorat l'année n-1.",
    defaultSelection: 'cle',
  },
  {
    id: 'realisations.mentors_formes',
    link: 'realisations',
    label: 'Mentors formés',
    definition: "Mentors ayant suivi la formation de l'association dans l'année.",
    sources: ['registre', 'declaration'],
    unit: 'nombre',
    disaggregations: [],
    computation:
      "Nombre de mentors distincts marqués formés dans le tableau de pilotage ; à défaut, nombre saisi dans la déclaration annuelle.",
    defaultSelection: 'suivi',
  },
  {
    id: 'realisations.mentors_mobilises',
    link: 'realisations',
    label: 'Mentors mobilisés et mentors en binôme',
    definition: "Mentors mobilisés par l'association, dont mentors engagés dans un binôme.",
    sources: ['registre'],
    unit: 'nombre',
    disaggregations: ['en_binome'],
    computation:
      "Nombre de mentors distincts du tableau de pilotage, et parmi eux ceux qui ont un mentorat en cours au moins un jour de l'année.",
    defaultSelection: 'suivi',
  },
  {
    id: 'realisations.structures_mobilisees',
    link: 'realisations',
    label: 'Structures mobilisées',
    definition: "Structures de l'ASE mobilisées, c'est-à-dire ayant orienté au moins un jeune vers un mentorat.",
    sources: ['registre'],
    unit: 'nombre',
    disaggregations: ['type_placement'],
    computation: "Nombre de structures distinctes citées dans les mentorats de l'année (tableau de pilotage).",
    defaultSelection: 'suivi',
  },
  {
    id: 'realisations.objectifs',
    link: 'realisations',
    label: 'Mentorats par objectif',
    definition:
      'Mentorats par objectif : soutien scolaire, orientation académique, insertion professionnelle, soutien socio-affectif ou ouverture socio-culturelle.',
    sources: ['registre'],
    unit: 'nombre',
    disaggregations: ['objectif'],
    computation: "Nombre de mentorats en cours au moins un jour de l'année, par objectif (tableau de pilotage).",
    defaultSelection: 'non',
  },
  {
    id: 'realisations.frequence',
    link: 'realisations',
    label: 'Fréquence de rencontre des binômes',
    definition: 'À quelle fréquence le jeune et son mentor se rencontrent.',
    sources: ['questionnaire_jeune', 'questionnaire_mentor'],
    unit: 'moyenne',
    disaggregations: ['repondant', 'frequence'],
    computation:
      "Moyenne du nombre approximatif de rencontres par mois (dimension frequence ; valeurs : plusieurs_par_semaine = 8, chaque_semaine = 4, deux_par_mois = 2, une_par_mois = 1, moins = 0,5), calculée à part pour le jeune (question frequence) et pour le mentor (question mentor_frequence), avec la répartition par réponse.",
    defaultSelection: 'non',
  },
  {
    id: 'realisations.delai_mise_en_relation',
    link: 'realisations',
    label: 'Délai moyen de mise en relation',
    definition: 'Délai moyen entre la candidature du jeune et sa mise en relation avec un mentor.',
    sources: ['registre'],
    unit: 'duree_jours',
    disaggregations: [],
    computation:
      "Moyenne, sur les mentorats commencés dans l'année, du nombre de jours entre la date de candidature et la date de mise en relation (tableau de pilotage).",
    defaultSelection: 'non',
  },
  {
    id: 'realisations.assiduite',
    link: 'realisations',
    label: 'Assiduité des jeunes aux séances',
    definition: 'Présence du jeune aux rencontres prévues avec son mentor, selon le mentor.',
    sources: ['questionnaire_mentor'],
    unit: 'part',
    disaggregations: ['assiduite'],
    computation:
      'Moyenne de la part approximative des rencontres prévues où le jeune est venu (dimension assiduite, question mentor_assiduite ; valeurs : toujours = 1, souvent = 0,75, une_fois_sur_deux = 0,5, rarement = 0,25), avec la répartition par réponse.',
    defaultSelection: 'non',
  },
  {
    id: 'realisations.modalite',
    link: 'realisations',
    label: 'Mentorats en présentiel et à distance',
    definition: 'Mentorats menés en présentiel, à distance ou sous les deux formes.',
    sources: ['registre', 'questionnaire_jeune', 'questionnaire_mentor'],
    unit: 'nombre',
    disaggregations: ['modalite'],
    computation:
      'Nombre de mentorats par modalité renseignée dans le tableau de pilotage ; les questionnaires donnent la modalité vécue (dimension modalite, questions modalite pour le jeune et mentor_modalite pour le mentor ; codes presentiel, distance, les_deux).',
    defaultSelection: 'suivi',
  },
  {
    id: 'realisations.duree_moyenne',
    link: 'realisations',
    label: 'Durée moyenne des mentorats',
    definition: 'Durée moyenne des mentorats terminés.',
    sources: ['registre'],
    unit: 'duree_jours',
    disaggregations: ['statut'],
    computation:
      "Moyenne, sur les mentorats clôturés dans l'année, du nombre de jours entre la date de début et la date de fin (tableau de pilotage).",
    defaultSelection: 'suivi',
  },
  {
    id: 'realisations.evenements',
    link: 'realisations',
    label: 'Événements organisés',
    definition: "Événements organisés par l'association pour les binômes (activités, sorties…).",
    sources: ['declaration'],
    unit: 'nombre',
    disaggregations: ['type_evenement'],
    computation: "Nombre d'événements déclarés, par type.",
    defaultSelection: 'non',
  },
  {
    id: 'realisations.qualite_relation',
    link: 'realisations',
    label: 'Qualité de la relation jeune – mentor',
    definition:
      "Qualité de la relation vécue par le jeune et par le mentor : se sentir écouté, pouvoir parler de ce qui compte, être aidé à avancer, se faire confiance. L'évaluation nationale de « 1 jeune, 1 mentor » (INJEP, 2025) montre que ce que change le mentorat dépend beaucoup de la qualité de la relation.",
    sources: ['questionnaire_jeune', 'questionnaire_mentor'],
    unit: 'score',
    disaggregations: ['repondant', 'niveau_relation'],
    computation:
      "Quatre questions sur une échelle de 1 à 4 : dimension ecoute (questions relation_ecoute et mentor_relation_ecoute), parler (relation_parler, mentor_relation_parler), avancer (relation_avancer, mentor_relation_avancer), confiance (relation_confiance, mentor_relation_confiance). Score = (moyenne des quatre réponses − 1) ÷ 3 × 100, de 0 à 100, calculé seulement quand les quatre questions ont une réponse (dimension score). Niveaux : faible en dessous de 50, moyenne de 50 à moins de 75, bonne à partir de 75. L'indicateur est la moyenne du score des jeunes ; celle des mentors est donnée à part, jamais additionnée.",
    defaultSelection: 'non',
  },
  // Résultats
  {
    id: 'resultats.objectif_atteint',
    link: 'resultats',
    label: 'Mentorats ayant atteint leur objectif',
    definition:
      "Mentorats ayant atteint leur objectif (emploi ou formation trouvés, progrès scolaires…). Ne pas atteindre l'objectif n'est pas forcément un échec : l'objectif a pu être secondaire, mal posé ou changer en route.",
    sources: ['questionnaire_jeune', 'questionnaire_mentor', 'registre'],
    unit: 'nombre',
    disaggregations: ['repondant', 'objectif', 'objectif_change', 'motif_arret_categorie'],
    computation:
      "Nombre de mentorats clôturés avec le statut « objectif atteint » (tableau de pilotage), complété par le point de vue du jeune et du mentor : dimension atteint (questions objectif_atteint et mentor_objectif_atteint ; oui = 1, en_partie = 0,5, non = 0, ne_sait_pas sans valeur) ; dimension objectif_change = 1 si l'objectif a changé en route (questions objectif_change et mentor_objectif_change) ; dimension arret_anticipe = 1 si le mentorat s'est arrêté plus tôt que prévu (questions arret_anticipe et mentor_arret_anticipe) ; dimension motif_arret (questions motif_arret et mentor_motif_arret) avec motif_arret_categorie = binome (disponibilité, déménagement, changement de lieu de vie, perte de contact, relation), objectif (objectif non atteint) ou autre. Les arrêts liés au binôme ne sont jamais comptés comme des objectifs manqués.",
    defaultSelection: 'cle',
  },
  {
    id: 'resultats.clotures',
    link: 'resultats',
    label: 'Mentorats clôturés et raison',
    definition: "Mentorats clôturés dans l'année, et leur raison.",
    sources: ['registre'],
    unit: 'nombre',
    disaggregations: ['motif_cloture'],
    computation: "Nombre de mentorats passés au statut « clôturé » dans l'année, par motif (tableau de pilotage).",
    defaultSelection: 'suivi',
  },
  {
    id: 'resultats.abandons',
    link: 'resultats',
    label: 'Mentorats abandonnés et raison',
    definition:
      "Mentorats abandonnés dans l'année, et leur raison, en séparant les arrêts liés au binôme (par exemple la disponibilité du mentor) des objectifs non atteints.",
    sources: ['registre'],
    unit: 'nombre',
    disaggregations: ['motif_abandon', 'categorie_motif'],
    computation:
      "Nombre de mentorats passés au statut « abandonné » dans l'année, par motif et par catégorie de motif (binôme ou objectif) (tableau de pilotage).",
    defaultSelection: 'cle',
  },
  // Impact
  {
    id: 'impact.confiance',
    link: 'impact',
    label: 'Jeunes ayant repris confiance en eux grâce au mentorat',
    definition: "Jeunes qui disent avoir plus confiance en eux qu'avant le mentorat, et grâce au mentorat.",
    sources: ['questionnaire_jeune'],
    unit: 'nombre',
    disaggregations: [],
    computation:
      "Nombre de jeunes dont la dimension evolution (réponse à confiance_aujourdhui moins réponse à confiance_avant, même échelle de 1 à 5) est positive et dont la dimension grace_au_mentorat vaut 1 (question confiance_grace). Dénominateur : jeunes ayant répondu aux deux questions confiance_avant et confiance_aujourdhui.",
    defaultSelection: 'cle',
  },
  {
    id: 'impact.notes',
    link: 'impact',
    label: 'Jeunes ayant obtenu de meilleures notes grâce au mentorat',
    definition: "Jeunes qui disent avoir de meilleures notes qu'avant le mentorat, et grâce au mentorat.",
    sources: ['questionnaire_jeune'],
    unit: 'nombre',
    disaggregations: [],
    computation:
      "Nombre de jeunes dont la dimension evolution (réponse à notes_aujourdhui moins réponse à notes_avant, même échelle de 1 à 5) est positive et dont la dimension grace_au_mentorat vaut 1 (question notes_grace). Dénominateur : jeunes ayant répondu aux deux questions notes_avant et notes_aujourdhui.",
    defaultSelection: 'cle',
  },
  {
    id: 'impact.stage',
    link: 'impact',
    label: 'Jeunes ayant trouvé un stage grâce au mentorat',
    definition: 'Jeunes qui ont trouvé un stage, un apprentissage, un emploi ou une formation grâce au mentorat.',
    sources: ['questionnaire_jeune'],
    unit: 'nombre',
    disaggregations: ['type'],
    computation:
      "Nombre de jeunes dont la dimension trouve vaut 1 (question stage_trouve), avec le détail de la dimension type (question stage_type : stage, apprentissage, emploi, formation). Dénominateur : jeunes ayant répondu oui ou non ; la réponse pas_cherche n'a pas de valeur et sort du dénominateur.",
    defaultSelection: 'non',
  },
  {
    id: 'impact.competences_psychosociales',
    link: 'impact',
    label: 'Compétences psychosociales développées grâce au mentorat',
    definition:
      "Jeunes ayant développé grâce au mentorat une compétence psychosociale : confiance à l'oral, rencontre d'une personne sur qui compter, création de liens, découverte de soi ou du monde (la confiance en soi est suivie par l'indicateur des jeunes ayant repris confiance en eux).",
    sources: ['questionnaire_jeune'],
    unit: 'nombre',
    disaggregations: ['facette'],
    computation:
      "Pour chaque facette, nombre de jeunes dont la dimension <facette>.evolution (aujourd'hui moins avant, échelle de 1 à 5) est positive et dont la dimension <facette>.grace_au_mentorat vaut 1. Facettes : prise_de_parole (questions parole_avant, parole_aujourdhui, parole_grace), personne_ressource (questions soutien_avant, soutien_aujourdhui, soutien_grace), liens (questions liens_avant, liens_aujourdhui, liens_grace), decouverte (questions decouverte_avant, decouverte_aujourdhui, decouverte_grace). La confiance en soi vient des questions de impact.confiance, pour ne pas la demander deux fois.",
    defaultSelection: 'non',
  },
];

/** Throws (zod error) unless the list is a complete, well-formed catalogue. */
export function parseCatalogue(list: unknown): Indicator[] {
  return catalogueSchema.parse(list) as Indicator[];
}

// Parsing at load time turns a typo in the catalogue into a startup failure rather than a wrong report.
parseCatalogue(definitions);

export const indicators: readonly Indicator[] = Object.freeze(definitions.map((indicator) => Object.freeze(indicator)));

const byId = new Map<string, Indicator>(indicators.map((indicator) => [indicator.id, indicator]));

export function getIndicator(id: string): Indicator | undefined {
  return byId.get(id);
}

export function isIndicatorId(id: string): id is IndicatorId {
  return byId.has(id);
}

/** The seed's 4–5 key indicators a new department (and the demo) starts with. */
export const DEFAULT_KEY_INDICATOR_IDS: readonly IndicatorId[] = Object.freeze(
  indicators.filter((indicator) => indicator.defaultSelection === 'cle').map((indicator) => indicator.id),
);

/** The seed's other principal indicators: selected by default (their questions are asked) but not key. */
export const DEFAULT_OPTIONAL_INDICATOR_IDS: readonly IndicatorId[] = Object.freeze(
  indicators.filter((indicator) => indicator.defaultSelection === 'suivi').map((indicator) => indicator.id),
);

/** Position of an indicator in the value chain, used to order anything derived from indicators. */
export function indicatorRank(id: IndicatorId): number {
  return INDICATOR_IDS.indexOf(id);
}
