import { CLOSING_STATUSES, LIST_FIELDS as ROW_LIST_FIELDS, type ListKind, type MentorshipStatus } from '../../db/schema/index.ts';
import type { DepartmentLists, ListValue, Territory } from '../settings/lists.ts';
import { MENTORSHIP_FIELD_LABELS, MENTORSHIP_STATUS_LABELS } from '../../db/schema/labels.ts';

/** One row of the steering table as stored: list values are the department's codes, never free text. */
export interface RegistryRow {
  reference: string;
  sex: string | null;
  /** YYYY-MM: the birth month is enough for age groups; no full birth date is ever kept. */
  birthMonth: string | null;
  schoolLevel: string | null;
  placementType: string | null;
  territoryId: number | null;
  mentorReference: string | null;
  appliedOn: string | null;
  matchedOn: string | null;
  startedOn: string | null;
  endedOn: string | null;
  status: MentorshipStatus;
  objective: string | null;
  modality: string | null;
  isRenewal: boolean;
  closureReason: string | null;
}
export type RowField = keyof RegistryRow;

export interface FieldIssue {
  field: RowField;
  message: string;
}

export const FIELD_LABELS: Readonly<Record<RowField, string>> = MENTORSHIP_FIELD_LABELS;

export const STATUS_LABELS = MENTORSHIP_STATUS_LABELS;

/** Row fields that hold a code of one of the department's lists (declared with the enums: the staff forms use them). */
export const LIST_FIELDS = ROW_LIST_FIELDS satisfies Partial<Record<RowField, ListKind>>;

/** The department's lists indexed for lookups by code and by id. */
export interface ListIndex {
  byCode: Record<ListKind, Map<string, ListValue>>;
  territories: Map<number, Territory>;
}

export function indexLists(lists: DepartmentLists): ListIndex {
  const byCode = {} as Record<ListKind, Map<string, ListValue>>;
  for (const [kind, values] of Object.entries(lists.lists) as [ListKind, ListValue[]][]) byCode[kind] = new Map(values.map((v) => [v.code, v]));
  return { byCode, territories: new Map(lists.territories.map((t) => [t.id, t])) };
}

/**
 * Two references that differ only by letter case name the same young person (« ab-12 » and « AB-12 »): rows,
 * duplicates and imports compare them by this key. Only A–Z are folded, exactly like SQLite's lower(), so the
 * key computed here and `lower(reference)` in a query always agree.
 */
export const referenceKey = (reference: string) => reference.trim().replace(/[A-Z]/g, (c) => c.toLowerCase());

export const EARLIEST_DATE = '2000-01-01';
export const EARLIEST_BIRTH_MONTH = '1980-01';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isRealIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const isClosing = (s: MentorshipStatus) => (CLOSING_STATUSES as readonly string[]).includes(s);
const fmt = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * Checks a row against the department's lists and the dates' logic, with one French message per field.
 * `previous` is the stored row when editing: a retired list value stays valid for a row that already had it.
 */
export function checkRow(row: RegistryRow, lists: ListIndex, today: string, previous?: RegistryRow | null): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (field: RowField, message: string) => {
    if (!issues.some((i) => i.field === field)) issues.push({ field, message });
  };

  const reference = row.reference.trim();
  if (!reference) add('reference', 'La référence est obligatoire (la référence interne de l’association, jamais un nom).');
  else if (reference.length > 50) add('reference', 'La référence fait au plus 50 caractères.');
  if (row.mentorReference !== null && row.mentorReference.length > 50) add('mentorReference', 'La référence du mentor fait au plus 50 caractères.');

  for (const [field, kind] of Object.entries(LIST_FIELDS) as [keyof typeof LIST_FIELDS, ListKind][]) {
    const code = row[field];
    if (code === null) continue;
    const value = lists.byCode[kind].get(code);
    if (!value) add(field, `« ${code} » ne fait pas partie de la liste « ${FIELD_LABELS[field]} » du département.`);
    else if (value.retired && previous?.[field] !== code) add(field, `« ${value.label} » a été retirée de la liste « ${FIELD_LABELS[field]} » : choisissez une valeur en vigueur.`);
  }
  if (row.territoryId !== null) {
    const territory = lists.territories.get(row.territoryId);
    if (!territory) add('territoryId', 'Ce territoire n’existe pas dans le département.');
    else if (territory.retired && previous?.territoryId !== row.territoryId) add('territoryId', `Le territoire « ${territory.name} » a été retiré : choisissez un territoire en vigueur.`);
  }

  const thisMonth = today.slice(0, 7);
  if (row.birthMonth !== null) {
    if (!MONTH.test(row.birthMonth)) add('birthMonth', 'Le mois de naissance est attendu au format AAAA-MM.');
    else if (row.birthMonth < EARLIEST_BIRTH_MONTH || row.birthMonth > thisMonth)
      add('birthMonth', `Le mois de naissance doit être compris entre ${EARLIEST_BIRTH_MONTH.slice(5)}/${EARLIEST_BIRTH_MONTH.slice(0, 4)} et aujourd’hui.`);
  }

  const dateFields = ['appliedOn', 'matchedOn', 'startedOn', 'endedOn'] as const;
  const validDates: Partial<Record<(typeof dateFields)[number], string>> = {};
  for (const field of dateFields) {
    const value = row[field];
    if (value === null) continue;
    if (!isRealIsoDate(value)) add(field, 'Date invalide (attendue au format AAAA-MM-JJ).');
    else if (value < EARLIEST_DATE) add(field, `La date doit être postérieure au ${fmt(EARLIEST_DATE)}.`);
    else if (value > today) add(field, 'La date ne peut pas être dans le futur.');
    else validDates[field] = value;
  }
  const { appliedOn, matchedOn, startedOn, endedOn } = validDates;
  if (appliedOn && matchedOn && matchedOn < appliedOn) add('matchedOn', `La mise en relation (${fmt(matchedOn)}) ne peut pas précéder la candidature (${fmt(appliedOn)}).`);
  if (startedOn && matchedOn && startedOn < matchedOn) add('startedOn', `Le début (${fmt(startedOn)}) ne peut pas précéder la mise en relation (${fmt(matchedOn)}).`);
  else if (startedOn && appliedOn && startedOn < appliedOn) add('startedOn', `Le début (${fmt(startedOn)}) ne peut pas précéder la candidature (${fmt(appliedOn)}).`);
  const lastBeforeEnd = startedOn ?? matchedOn ?? appliedOn;
  if (endedOn && lastBeforeEnd && endedOn < lastBeforeEnd) add('endedOn', `La fin (${fmt(endedOn)}) ne peut pas précéder le début ou la mise en relation (${fmt(lastBeforeEnd)}).`);
  if (row.birthMonth && MONTH.test(row.birthMonth) && startedOn && startedOn.slice(0, 7) < row.birthMonth) add('birthMonth', 'Le mois de naissance est postérieur au début du mentorat.');

  switch (row.status) {
    case 'candidature':
      if (row.startedOn !== null) add('status', 'Un mentorat au statut « Candidature » n’a pas encore de date de début : passez-le « En cours ».');
      if (row.endedOn !== null) add('endedOn', 'Une candidature n’a pas de date de fin : choisissez un statut de fin (clôturé, abandonné…).');
      break;
    case 'en_cours':
      if (row.startedOn === null) add('startedOn', 'La date de début est obligatoire pour un mentorat en cours.');
      if (row.endedOn !== null) add('endedOn', 'Un mentorat en cours n’a pas de date de fin : choisissez un statut de fin (clôturé, abandonné…).');
      break;
    default:
      if (row.endedOn === null) add('endedOn', `La date de fin est obligatoire pour un mentorat « ${STATUS_LABELS[row.status]} ».`);
      if (row.status !== 'abandonne' && row.startedOn === null) add('startedOn', `La date de début est obligatoire pour un mentorat « ${STATUS_LABELS[row.status]} ».`);
  }
  if (row.closureReason !== null) {
    const reason = lists.byCode.motif_cloture.get(row.closureReason);
    if (!isClosing(row.status)) add('closureReason', 'Un motif de clôture ne s’indique que pour un mentorat terminé (objectif atteint, clôturé ou abandonné).');
    else if (reason) {
      const message = reasonStatusMismatch(row.status, reason.groupLabel);
      if (message) add('closureReason', message);
    }
  }
  return issues;
}

/**
 * The seed separates a stop caused by the pair from an objective not reached, and both from success:
 * a reason must agree with the status it explains.
 */
export function reasonStatusMismatch(status: MentorshipStatus, group: string | null): string | null {
  if (status === 'objectif_atteint' && group !== 'atteint') return 'Pour un mentorat « Objectif atteint », choisissez un motif du groupe « Objectif atteint ou fin prévue ».';
  if (status === 'abandonne' && group === 'atteint') return 'Un abandon ne peut pas avoir pour motif un objectif atteint ou une fin prévue.';
  return null;
}
