// Values the code branches on live here as `as const` arrays; lists a department may adapt live in list_values.
export const USER_ROLES = ['admin', 'evaluateur', 'responsable_association'] as const;
export type UserRole = (typeof USER_ROLES)[number];
/** Why a one-time password link was issued: a new account, or a reset by the department's administrator. */
export const PASSWORD_LINK_REASONS = ['creation', 'reinitialisation'] as const;
export type PasswordLinkReason = (typeof PASSWORD_LINK_REASONS)[number];

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
/** Mentorship row fields that hold a code of one of the department's lists (server rules, import, staff forms). */
export const LIST_FIELDS = {
  sex: 'sexe',
  schoolLevel: 'niveau_scolaire',
  placementType: 'type_placement',
  objective: 'objectif',
  modality: 'modalite',
  closureReason: 'motif_cloture',
} as const satisfies Record<string, ListKind>;

export const DECLARATION_STATES = ['brouillon', 'soumise'] as const;
export type DeclarationState = (typeof DECLARATION_STATES)[number];

/** Audit trail actions (issue 6). Other features call `audit(ctx, { action, target })` with one of these. */
export const AUDIT_ACTIONS = [
  'connexion.reussie',
  'connexion.echouee',
  'connexion.bloquee',
  'deconnexion',
  'session.changement_departement',
  'acces.refuse',
  'compte.cree',
  'compte.desactive',
  'compte.reactive',
  'compte.role_modifie',
  'compte.mot_de_passe_reinitialise',
  'compte.mot_de_passe_choisi',
  'import',
  'export',
  'mentorat.supprime',
  'mentorat.exporte',
  'mentorat.efface',
  'commentaires.consultes',
  'parametres.modifies',
  'indicateurs.modifies',
  'lien.reemis',
  'purge',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Reporting rhythm of a department: a deadline each month, or each quarter. */
export const REPORTING_RHYTHMS = ['mensuel', 'trimestriel'] as const;
export type ReportingRhythm = (typeof REPORTING_RHYTHMS)[number];
/** How a reminder reached (or did not reach) the association: e-mail through SMTP, or listed on the page. */
export const REMINDER_CHANNELS = ['email', 'liste'] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];
/** `envoi` = claimed, send in progress (stays so if the process died mid-send: never re-sent, see reminders.ts). */
export const REMINDER_STATES = ['envoi', 'envoye', 'enregistre', 'echec'] as const;
export type ReminderState = (typeof REMINDER_STATES)[number];
