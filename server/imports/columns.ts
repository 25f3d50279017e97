import { foldKey } from './normalize.ts';

/** What a column of the association's file can hold. */
export const IMPORT_FIELDS = [
  'reference',
  'sex',
  'birthMonth',
  'schoolLevel',
  'placementType',
  'territory',
  'status',
  'mentorReference',
  'mentorTrainedOn',
  'appliedOn',
  'matchedOn',
  'startedOn',
  'endedOn',
  'objective',
  'modality',
  'isRenewal',
  'closureReason',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Columns recognised but never stored: names (privacy), values the platform recomputes, the department's own column. */
export const IGNORED_KINDS = ['name', 'age', 'schoolGroup', 'association'] as const;
export type IgnoredKind = (typeof IGNORED_KINDS)[number];
export type ColumnTarget = ImportField | IgnoredKind;

/** The header written by the export for each field: an exported file re-imports without any mapping. */
export const EXPORT_HEADERS: Record<ImportField, string> = {
  reference: 'Référence',
  sex: 'Sexe',
  birthMonth: 'Mois de naissance',
  schoolLevel: 'Niveau scolaire',
  placementType: 'Type de placement',
  territory: 'Territoire',
  status: 'Statut',
  mentorReference: 'Référence mentor',
  mentorTrainedOn: 'Date de formation du mentor',
  appliedOn: 'Date de candidature',
  matchedOn: 'Date de mise en relation',
  startedOn: 'Date de début',
  endedOn: 'Date de fin',
  objective: 'Objectif',
  modality: 'Modalité',
  isRenewal: 'Renouvellement',
  closureReason: 'Motif de clôture',
};
export const IGNORED_HEADERS: Record<IgnoredKind, string> = {
  name: 'Nom ou prénom',
  age: 'Âge',
  schoolGroup: 'Groupe niveau scolaire',
  association: 'Association',
};

/**
 * Accepted header variants, compared after `foldKey` (accents, case, punctuation, spacing and French articles
 * ignored). This list goes in the closing note of the issue: keep it readable.
 */
export const HEADER_VARIANTS: Record<ColumnTarget, string[]> = {
  reference: ['Référence', 'Réf', 'Ref.', 'Référence jeune', 'Référence du jeune', 'Référence bénéficiaire', 'Référence mentorat', 'Référence binôme', 'N° dossier', 'Numéro de dossier', 'N° de dossier', 'Dossier', 'Identifiant', 'Identifiant jeune', 'ID', 'Id jeune', 'Code jeune', 'N° jeune', 'Numéro jeune', 'Code bénéficiaire', 'Matricule'],
  sex: ['Sexe', 'Genre', 'Sexe du bénéficiaire', 'Sexe du jeune', 'F/H', 'H/F', 'Fille/Garçon'],
  birthMonth: ['Date de naissance', 'Né(e) le', 'Née le', 'Né le', 'Naissance', 'Date naissance', 'DDN', 'Mois de naissance', 'Mois et année de naissance', 'Date de naissance du bénéficiaire', 'Date de naissance du jeune'],
  schoolLevel: ['Niveau scolaire', 'Niveau', 'Classe', "Niveau d'études", 'Niveau d’étude', 'Scolarité', 'Niveau de scolarité'],
  placementType: ['Type de placement', 'Placement', 'Type de mesure', 'Mesure', 'Mesure ASE', 'Type de mesure ASE', 'Type de mesure / placement', 'Mode de placement', 'Lieu de placement', 'Type d’accueil'],
  territory: ['Territoire', "Territoire d'action sociale", 'Territoire ASE', 'Secteur', 'Zone', 'Circonscription', 'Antenne'],
  status: ['Statut', 'Statut du mentorat', 'Statut mentorat', 'État', 'État du mentorat', 'Situation'],
  mentorReference: ['Référence mentor', 'Référence du mentor', 'Mentor', 'N° mentor', 'Numéro mentor', 'Identifiant mentor', 'Code mentor', 'ID mentor'],
  mentorTrainedOn: ['Date de formation du mentor', 'Date formation mentor', 'Formation du mentor', 'Formation mentor', 'Mentor formé le', 'Date de formation'],
  appliedOn: ['Date de candidature', 'Candidature', 'Date de demande', "Date d'inscription", 'Date d’orientation', 'Date de la demande', 'Date de saisine'],
  matchedOn: ['Date de mise en relation', 'Mise en relation', 'Date de matching', 'Date du matching', 'Date de jumelage', 'Date de formation du binôme', 'Date du binôme', 'Date d’appariement'],
  startedOn: ['Date de début', 'Début', 'Date début', 'Date de début du mentorat', 'Début du mentorat', 'Date de démarrage', 'Démarrage'],
  endedOn: ['Date de fin', 'Fin', 'Date de fin du mentorat', 'Fin du mentorat', 'Date de clôture', 'Clôture', "Date d'arrêt", 'Date de sortie'],
  objective: ['Objectif', 'Objectif du mentorat', 'Objectif principal', 'Objectifs'],
  modality: ['Modalité', 'Modalités', 'Modalité du mentorat', 'Présentiel / distanciel', 'Format'],
  isRenewal: ['Renouvellement', 'Nouveau / renouvellement', 'Renouvelé', 'Mentorat renouvelé'],
  closureReason: ['Motif de clôture', 'Motif', 'Motif de fin', "Motif d'arrêt", 'Motif d’abandon', 'Raison de fin', 'Raison de la fin', 'Motif de sortie'],
  name: ['Nom', 'Prénom', 'Nom du bénéficiaire', 'Prénom du bénéficiaire', 'Nom du jeune', 'Prénom du jeune', 'Nom de famille', 'Nom et prénom', 'Prénom et nom', 'Nom prénom', 'Nom du mentor', 'Prénom du mentor', 'Mentor (nom)'],
  age: ['Âge', 'Age', "Tranche d'âge", 'Tranche âge', "Classe d'âge", "Groupe d'âge", 'Âge au début', 'Âge à l’entrée'],
  schoolGroup: ['Groupe niveau scolaire', 'Groupe de niveau scolaire', 'Groupe niveau', 'Cycle', 'Groupe scolaire'],
  association: ['Association', 'Nom de l’association', 'Structure de mentorat'],
};

const EXACT = new Map<string, ColumnTarget>();
for (const [target, variants] of Object.entries(HEADER_VARIANTS) as [ColumnTarget, string[]][]) {
  for (const variant of variants) if (!EXACT.has(foldKey(variant))) EXACT.set(foldKey(variant), target);
}

/**
 * Recognises a header: an exact variant first, then key words, so that « Date de début du binôme (jj/mm/aaaa) »
 * or « Sexe (F/H) » still find their field. Returns null when nothing fits; the page then asks the user.
 */
export function matchHeader(header: string): ColumnTarget | null {
  const key = foldKey(header);
  if (!key) return null;
  const exact = EXACT.get(key);
  if (exact) return exact;
  // Hints in brackets (« (jj/mm/aaaa) », « [liste] ») are not part of the name.
  const bare = foldKey(header.replace(/[([].*?[)\]]/g, ' '));
  if (bare && EXACT.has(bare)) return EXACT.get(bare)!;
  const words = new Set(bare.split(' '));
  const has = (...w: string[]) => w.some((x) => words.has(x));
  const mentor = has('mentor', 'mentors', 'benevole');
  if (has('nom', 'prenom', 'prenoms', 'noms')) return 'name';
  if (mentor && has('formation', 'forme')) return 'mentorTrainedOn';
  if (mentor && has('ref', 'reference', 'id', 'identifiant', 'code', 'n', 'numero', 'no')) return 'mentorReference';
  if (has('naissance', 'ddn')) return 'birthMonth';
  if (has('age', 'ages')) return 'age';
  if (has('motif', 'raison')) return 'closureReason';
  if (has('candidature', 'demande', 'inscription')) return 'appliedOn';
  if (has('relation', 'matching', 'jumelage', 'appariement')) return 'matchedOn';
  if (has('debut', 'demarrage')) return 'startedOn';
  if (has('fin', 'cloture', 'arret', 'sortie')) return 'endedOn';
  if (has('groupe', 'cycle') && has('niveau', 'scolaire')) return 'schoolGroup';
  if (has('niveau', 'classe', 'scolarite')) return 'schoolLevel';
  if (has('placement', 'mesure', 'accueil')) return 'placementType';
  if (has('territoire', 'secteur')) return 'territory';
  if (has('statut', 'etat')) return 'status';
  if (has('objectif', 'objectifs')) return 'objective';
  if (has('modalite', 'modalites', 'presentiel', 'distanciel')) return 'modality';
  if (has('renouvellement', 'renouvele')) return 'isRenewal';
  if (has('sexe', 'genre')) return 'sex';
  if (has('reference', 'ref', 'dossier', 'identifiant', 'matricule')) return 'reference';
  return null;
}

export const isImportField = (t: ColumnTarget | null): t is ImportField => t !== null && (IMPORT_FIELDS as readonly string[]).includes(t);
