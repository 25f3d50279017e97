import type { ListKind, MentorshipStatus } from '../../db/schema/index.ts';
import type { DepartmentLists } from '../settings/lists.ts';
import { isRealIsoDate, STATUS_LABELS } from '../mentorships/rules.ts';
import { fold } from './normalize.ts';
import type { Cell } from './workbook.ts';

/** A cell parsed for a field: a value, or a French reason why it is not one. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/** The cell as the user sees it, for error messages. */
export function shown(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : isoFromDate(cell).split('-').reverse().join('/');
  if (typeof cell === 'object') return cell.error;
  const text = String(cell);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const isoFromDate = (d: Date) => d.toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');

/** Excel day numbers (1900 system) from 1 (01/01/1900) to 2958465 (31/12/9999); 25569 is 01/01/1970. */
function fromSerial(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  return isoFromDate(new Date(Math.round((Math.floor(serial) - 25_569) * 86_400_000)));
}

/**
 * A date as a real Excel date, an Excel serial number, or text dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy,
 * dd.mm.yyyy) or yyyy-mm-dd. Two-digit years are refused: 01/02/08 could be 1908 or 2008.
 */
export function parseDate(cell: Cell): Parsed<string | null> {
  if (cell === null) return ok(null);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? fail('n’est pas une date valide') : ok(isoFromDate(cell));
  if (typeof cell === 'number') {
    const iso = fromSerial(cell);
    return iso ? ok(iso) : fail('n’est pas une date valide');
  }
  if (typeof cell === 'boolean') return fail('n’est pas une date valide');
  if (typeof cell === 'object') return fail(`contient une erreur Excel (${cell.error})`);
  const text = cell.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) {
    const iso = `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
    return isRealIsoDate(iso) ? ok(iso) : fail('n’est pas une date valide');
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (m) {
    const iso = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
    return isRealIsoDate(iso) ? ok(iso) : fail('n’est pas une date valide');
  }
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/.test(text)) return fail('a une année sur deux chiffres : écrivez l’année en entier (jj/mm/aaaa)');
  if (/^\d+(\.\d+)?$/.test(text)) {
    const iso = fromSerial(Number(text));
    if (iso) return ok(iso);
  }
  return fail('n’est pas une date valide (attendu : jj/mm/aaaa)');
}

/**
 * The birth month from a full birth date or a month (mm/yyyy, yyyy-mm). Only the month is kept: the day is
 * dropped here, before anything is stored.
 */
export function parseMonth(cell: Cell): Parsed<string | null> {
  if (typeof cell === 'string') {
    const text = cell.trim();
    let m = /^(\d{1,2})[/.-](\d{4})$/.exec(text);
    if (m) return Number(m[1]) >= 1 && Number(m[1]) <= 12 ? ok(`${m[2]}-${pad(Number(m[1]))}`) : fail('n’est pas un mois valide');
    m = /^(\d{4})-(\d{1,2})$/.exec(text);
    if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? ok(`${m[1]}-${pad(Number(m[2]))}`) : fail('n’est pas un mois valide');
  }
  const date = parseDate(cell);
  return date.ok ? ok(date.value === null ? null : date.value.slice(0, 7)) : date;
}

/** Free text (references): numbers keep their digits, a leading apostrophe added against formula injection goes. */
export function parseText(cell: Cell): Parsed<string | null> {
  if (cell === null) return ok(null);
  if (cell instanceof Date) return fail('est une date, pas une référence');
  if (typeof cell === 'object') return fail(`contient une erreur Excel (${cell.error})`);
  let text = String(cell).replace(/\s+/g, ' ').trim();
  if (/^'[=+\-@]/.test(text)) text = text.slice(1);
  if (text === '') return ok(null);
  if (text.length > 50) return fail('dépasse 50 caractères');
  return ok(text);
}

const YES = new Set(['oui', 'o', 'x', 'vrai', 'true', '1', 'yes', 'renouvellement', 'renouvele', 'renouvelee']);
const NO = new Set(['non', 'n', 'faux', 'false', '0', 'no', 'nouveau', 'nouvelle', 'premier', 'premiere']);
export function parseBoolean(cell: Cell): Parsed<boolean> {
  if (cell === null) return ok(false);
  if (typeof cell === 'boolean') return ok(cell);
  if (typeof cell === 'number') return cell === 1 ? ok(true) : cell === 0 ? ok(false) : fail('attendu : Oui ou Non');
  if (typeof cell !== 'string') return fail('attendu : Oui ou Non');
  const key = fold(cell);
  if (YES.has(key)) return ok(true);
  if (NO.has(key)) return ok(false);
  return fail('attendu : Oui ou Non');
}

/**
 * Usual spellings of the default list values, keyed by their default code. A department that renamed or removed
 * a code simply loses that synonym; its own labels and codes always match.
 */
const SYNONYMS: Partial<Record<ListKind, Record<string, string[]>>> = {
  sexe: {
    F: ['f', 'femme', 'feminin', 'feminine', 'fille', 'fem', 'mme', 'madame'],
    H: ['h', 'm', 'homme', 'masculin', 'garcon', 'masc', 'mr', 'monsieur'],
    NP: ['np', 'non precise', 'nc', 'non renseigne', 'inconnu', 'ne se prononce pas'],
  },
  niveau_scolaire: {
    '6E': ['6e', '6eme', '6eme annee', 'sixieme'],
    '5E': ['5e', '5eme', 'cinquieme'],
    '4E': ['4e', '4eme', 'quatrieme'],
    '3E': ['3e', '3eme', 'troisieme'],
    '2NDE': ['2nde', '2de', 'seconde', '2nd'],
    '1RE': ['1re', '1ere', 'premiere'],
    TLE: ['tle', 'tale', 'term', 'terminale'],
    CAP: ['cap', 'bep', 'cap bep', 'bep cap'],
    POSTBAC: ['post bac', 'postbac', 'superieur', 'etudes superieures', 'bts', 'licence', 'universite'],
    DESCO: ['descolarise', 'descolarisee', 'non scolarise', 'non scolarisee', 'hors scolarite'],
  },
  type_placement: {
    MECS_ASSO: ['mecs', 'mecs associative', 'mecs associatives'],
    SAF_REGIE: ['saf regie', 'saf en regie'],
    SAF_ASSO: ['saf associatif', 'saf associative', 'saf asso'],
    MNA: ['mna', 'mineur non accompagne', 'mineurs non accompagnes'],
    STRUCT_BS: ['structures bs', 'structure bs', 'bs'],
    MILIEU_OUVERT: ['milieu ouvert', 'aemo', 'amo'],
  },
  modalite: {
    presentiel: ['presentiel', 'en presentiel', 'physique'],
    distanciel: ['distanciel', 'a distance', 'en ligne', 'visio', 'distance'],
    mixte: ['mixte', 'hybride'],
  },
};

const STATUS_SYNONYMS: Record<MentorshipStatus, string[]> = {
  candidature: ['candidature', 'en attente', 'a apparier', 'demande', 'en recherche', 'en recherche de mentor'],
  en_cours: ['en cours', 'actif', 'active', 'en accompagnement', 'encours'],
  objectif_atteint: ['objectif atteint', 'atteint', 'reussi', 'termine objectif atteint'],
  cloture: ['cloture', 'cloturee', 'clos', 'close', 'termine', 'terminee', 'fini', 'finie', 'fin'],
  abandonne: ['abandonne', 'abandonnee', 'abandon', 'arrete', 'arretee', 'arret'],
};

/** Lookup tables from a folded text to a code, built once per import. */
export interface Matchers {
  lists: Record<ListKind, { map: Map<string, string>; labels: string[] }>;
  territories: { map: Map<string, number>; labels: string[] };
  status: Map<string, MentorshipStatus>;
}

export function buildMatchers(lists: DepartmentLists): Matchers {
  const out = {} as Matchers['lists'];
  for (const [kind, values] of Object.entries(lists.lists) as [ListKind, DepartmentLists['lists'][ListKind]][]) {
    const map = new Map<string, string>();
    // Codes and labels win over synonyms; retired values still match so that old rows re-import unchanged.
    for (const v of values) for (const s of SYNONYMS[kind]?.[v.code] ?? []) map.set(s, v.code);
    for (const v of values) {
      map.set(fold(v.code), v.code);
      map.set(fold(v.label), v.code);
    }
    out[kind] = { map, labels: values.filter((v) => !v.retired).map((v) => v.label) };
  }
  const territoryMap = new Map<string, number>();
  const suffixes = new Map<string, number[]>();
  for (const t of lists.territories) {
    const key = fold(t.name);
    territoryMap.set(key, t.id);
    const last = key.split(' ').slice(1).join(' ');
    if (last) suffixes.set(last, [...(suffixes.get(last) ?? []), t.id]);
  }
  // « Nord » for « Territoire Nord », when it designates a single territory.
  for (const [suffix, ids] of suffixes) if (ids.length === 1 && !territoryMap.has(suffix)) territoryMap.set(suffix, ids[0]!);
  const status = new Map<string, MentorshipStatus>();
  for (const [code, synonyms] of Object.entries(STATUS_SYNONYMS) as [MentorshipStatus, string[]][]) {
    status.set(fold(code), code);
    status.set(fold(STATUS_LABELS[code]), code);
    for (const s of synonyms) status.set(s, code);
  }
  return { lists: out, territories: { map: territoryMap, labels: lists.territories.filter((t) => !t.retired).map((t) => t.name) }, status };
}

const listText = (labels: string[]) => (labels.length > 12 ? `${labels.slice(0, 12).join(', ')}…` : labels.join(', '));

function cellKey(cell: Cell): string | null {
  if (cell === null) return null;
  if (cell instanceof Date || typeof cell === 'object') return '';
  return fold(String(cell));
}

export function parseListValue(cell: Cell, matcher: Matchers['lists'][ListKind], listName: string): Parsed<string | null> {
  const key = cellKey(cell);
  if (key === null) return ok(null);
  const code = matcher.map.get(key);
  return code ? ok(code) : fail(`ne correspond à aucune valeur de la liste « ${listName} » du département (valeurs possibles : ${listText(matcher.labels)})`);
}

export function parseTerritory(cell: Cell, matchers: Matchers): Parsed<number | null> {
  const key = cellKey(cell);
  if (key === null) return ok(null);
  const id = matchers.territories.map.get(key);
  return id !== undefined ? ok(id) : fail(`ne correspond à aucun territoire du département (territoires : ${listText(matchers.territories.labels)})`);
}

export function parseStatus(cell: Cell, matchers: Matchers): Parsed<MentorshipStatus | null> {
  const key = cellKey(cell);
  if (key === null) return ok(null);
  const status = matchers.status.get(key);
  return status ? ok(status) : fail(`n’est pas un statut connu (statuts : ${Object.values(STATUS_LABELS).join(', ')})`);
}
