// French labels the staff client and the server must spell alike: the server's messages quote a field by its label
// (« Date de fin » ne peut pas précéder…), so the form shows that very label above the field. Dependency-free, like
// enums.ts, so that the client bundle imports it without drizzle.
import type { MentorshipStatus } from './enums.ts';

/** One label per field of a steering-table row: the staff form, the server's messages and the import preview. */
export const MENTORSHIP_FIELD_LABELS = {
  reference: 'Référence',
  sex: 'Sexe',
  birthMonth: 'Mois de naissance',
  schoolLevel: 'Niveau scolaire',
  placementType: 'Type de placement',
  territoryId: 'Territoire',
  mentorReference: 'Référence mentor',
  appliedOn: 'Date de candidature',
  matchedOn: 'Date de mise en relation',
  startedOn: 'Date de début',
  endedOn: 'Date de fin',
  status: 'Statut',
  objective: 'Objectif',
  modality: 'Modalité',
  isRenewal: 'Renouvellement',
  closureReason: 'Motif de clôture',
} as const;

export const MENTORSHIP_STATUS_LABELS: Readonly<Record<MentorshipStatus, string>> = {
  candidature: 'Candidature',
  en_cours: 'En cours',
  objectif_atteint: 'Objectif atteint',
  cloture: 'Clôturé',
  abandonne: 'Abandonné',
};
