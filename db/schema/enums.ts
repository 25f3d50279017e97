// Values the code branches on live here as `as const` arrays; lists a department may adapt live in list_values.
export const USER_ROLES = ['admin', 'evaluateur', 'responsable_association'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const MENTORSHIP_STATUSES = ['candidature', 'en_cours', 'objectif_atteint', 'cloture', 'abandonne'] as const;
export type MentorshipStatus = (typeof MENTORSHIP_STATUSES)[number];
/** Statuses that end a mentorship and issue the closure questionnaire links. */
export const CLOSING_STATUSES = ['objectif_atteint', 'cloture', 'abandonne'] as const satisfies readonly MentorshipStatus[];
export type ClosingStatus = (typeof CLOSING_STATUSES)[number];

export const AUDIENCES = ['youth', 'mentor'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const LINK_STATES = ['ouvert', 'repondu', 'refuse', 'revoque'] as const;
export type LinkState = (typeof LINK_STATES)[number];

export const LIST_KINDS = [
  'sexe',
  'niveau_scolaire',
  'type_placement',
  'objectif',
  'modalite',
  'motif_cloture',
] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export const DECLARATION_STATES = ['brouillon', 'soumise'] as const;
export type DeclarationState = (typeof DECLARATION_STATES)[number];
