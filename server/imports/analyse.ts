import type { MentorshipStatus } from '../../db/schema/index.ts';
import { checkRow, EARLIEST_DATE, FIELD_LABELS, LIST_FIELDS, referenceKey, STATUS_LABELS, type ListIndex, type RegistryRow, type RowField } from '../mentorships/rules.ts';
import { CLOSING_STATUSES } from '../../db/schema/index.ts';
import { EXPORT_HEADERS, IGNORED_KINDS, IMPORT_FIELDS, isImportField, matchHeader, type ColumnTarget, type IgnoredKind, type ImportField } from './columns.ts';
import { parseBoolean, parseDate, parseListValue, parseMonth, parseStatus, parseTerritory, parseText, shown, type Matchers, type Parsed } from './cells.ts';
import type { Cell, Grid } from './workbook.ts';
import { fold } from './normalize.ts';

export interface ColumnInfo {
  /** 1-based column number in the sheet. */
  index: number;
  header: string;
  target: ColumnTarget | null;
  source: 'auto' | 'manuel';
  note: string | null;
}

export interface ImportRow extends RegistryRow {
  line: number;
  mentorTrainedOn: string | null;
}

export interface ImportError {
  line: number | null;
  column: string | null;
  message: string;
}

/** What the platform holds for one reference of the association (the map of them is keyed by `referenceKey`). */
export interface StoredRow extends RegistryRow {
  mentorshipId: number;
}

export interface Analysis {
  columns: ColumnInfo[];
  rows: ImportRow[];
  errors: ImportError[];
  /** Every error found, including those cut from `errors` past `maxErrors`. */
  errorTotal: number;
  /** A reason the whole file cannot be imported (no reference column…), shown before the row errors. */
  blocking: string | null;
  counts: { rows: number; created: number; updated: number; unchanged: number; skipped: number };
  /** References of rows that change (created or updated), for the summary and the write. */
  changes: { created: ImportRow[]; updated: (ImportRow & { mentorshipId: number; changed: RowField[]; before: RegistryRow })[] };
  /** Values an empty cell of a column present in the file would erase, so the preview can warn before. */
  erased: { line: number; reference: string; field: RowField; before: RegistryRow[RowField] }[];
  mentorDates: Map<string, string>;
}

/** A user's choice for a column, by 1-based column number: a field, or « ignore ». */
export type MappingOverride = Record<string, ImportField | 'ignorer'>;

const IGNORED_NOTES: Record<IgnoredKind, string> = {
  name: 'Noms et prénoms : jamais enregistrés (la ligne est identifiée par sa référence).',
  age: 'Âge : recalculé à partir du mois de naissance, la valeur du fichier n’est pas reprise.',
  schoolGroup: 'Groupe de niveau scolaire : déduit du niveau scolaire par la liste du département.',
  association: 'Association : chaque ligne est rattachée à votre association.',
};

/** Recognised columns, with the user's manual choices applied; a names column can only ever be ignored. */
export function resolveColumns(headers: string[], override: MappingOverride = {}): ColumnInfo[] {
  const seen = new Set<ColumnTarget>();
  return headers.map((header, i) => {
    const index = i + 1;
    const auto = header ? matchHeader(header) : null;
    const manual = override[String(index)];
    let target: ColumnTarget | null = auto;
    let source: ColumnInfo['source'] = 'auto';
    let note: string | null = null;
    if (manual !== undefined && auto !== 'name') {
      target = manual === 'ignorer' ? null : manual;
      source = 'manuel';
    }
    if (target && (IGNORED_KINDS as readonly string[]).includes(target)) note = IGNORED_NOTES[target as IgnoredKind];
    else if (target && seen.has(target)) {
      note = `Colonne en double pour « ${EXPORT_HEADERS[target as ImportField]} » : seule la première est lue.`;
      target = null;
    } else if (!target) note = header ? (source === 'manuel' ? 'Ignorée à votre demande.' : 'Colonne non reconnue : choisissez le champ correspondant ou ignorez-la.') : null;
    if (target) seen.add(target);
    return { index, header, target, source, note };
  });
}

const isClosing = (s: MentorshipStatus) => (CLOSING_STATUSES as readonly string[]).includes(s);
const isHintRow = (cells: Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && /^\s*\[.*\]\s*$/.test(c)));

/** Field of a row → import field (the only difference: the territory is an id in the row). */
const importFieldOf = (field: RowField): ImportField => (field === 'territoryId' ? 'territory' : field);

const SAME_FIELDS: RowField[] = ['reference', 'sex', 'birthMonth', 'schoolLevel', 'placementType', 'territoryId', 'mentorReference', 'appliedOn', 'matchedOn', 'startedOn', 'endedOn', 'status', 'objective', 'modality', 'isRenewal', 'closureReason'];
export const sameRow = (a: RegistryRow, b: RegistryRow) => SAME_FIELDS.every((f) => a[f] === b[f]);
/** The fields an update changes, in the table's order. */
export const changedFields = (before: RegistryRow, after: RegistryRow) => SAME_FIELDS.filter((f) => before[f] !== after[f]);

/**
 * Reads every row of the grid against the department's lists and the association's stored rows: parsed values,
 * one French error per row and column, and what an import would change. Pure: the same call runs at preview
 * and again inside the confirming transaction.
 */
export function analyse(input: {
  grid: Grid;
  columns: ColumnInfo[];
  matchers: Matchers;
  lists: ListIndex;
  stored: Map<string, StoredRow>;
  mentorDates: Map<string, string | null>;
  today: string;
  /** The importing association: a consolidated department file names each row's association. */
  associationName?: string;
  maxErrors?: number;
}): Analysis {
  const { grid, columns, matchers, lists, stored, today } = input;
  const maxErrors = input.maxErrors ?? 500;
  const errors: ImportError[] = [];
  let errorCount = 0;
  const pushError = (e: ImportError) => {
    errorCount++;
    if (errors.length < maxErrors) errors.push(e);
  };
  const byField = new Map<ImportField, ColumnInfo>();
  for (const c of columns) if (isImportField(c.target)) byField.set(c.target, c);
  const columnName = (field: ImportField) => byField.get(field)?.header ?? EXPORT_HEADERS[field];

  const empty = (): Analysis => ({ columns, rows: [], errors, errorTotal: 0, blocking, counts: { rows: 0, created: 0, updated: 0, unchanged: 0, skipped: 0 }, changes: { created: [], updated: [] }, erased: [], mentorDates: new Map() });
  let blocking: string | null = null;
  if (!byField.has('reference')) {
    const names = columns.some((c) => c.target === 'name');
    blocking = names
      ? 'Le fichier n’a pas de colonne « Référence » (ou « N° dossier », « Identifiant »…). Les noms et prénoms ne servent jamais à identifier une ligne : ajoutez à votre fichier une colonne avec la référence interne de chaque jeune, ou désignez-la ci-dessous.'
      : 'Le fichier n’a pas de colonne « Référence » (ou « N° dossier », « Identifiant »…) : désignez la colonne qui identifie chaque ligne, ou ajoutez-la au fichier.';
    return empty();
  }

  const rows: ImportRow[] = [];
  const firstLine = new Map<string, { line: number; reference: string }>();
  const mentorDates = new Map<string, string>();
  const mentorDateLine = new Map<string, number>();
  let skipped = 0;
  const created: ImportRow[] = [];
  const updated: Analysis['changes']['updated'] = [];
  const erased: Analysis['erased'] = [];
  let unchanged = 0;

  for (const { line, cells } of grid.rows) {
    if (isHintRow(cells)) {
      skipped++;
      continue;
    }
    const cellOf = (field: ImportField): Cell => {
      const column = byField.get(field);
      return column ? (cells[column.index - 1] ?? null) : null;
    };
    // A line with nothing in the read columns (only names, or a stray total) is not a row of the table.
    if (IMPORT_FIELDS.every((f) => cellOf(f) === null)) {
      skipped++;
      continue;
    }
    const rowErrors: ImportError[] = [];
    const read = <T>(field: ImportField, parsed: Parsed<T>, fallback: T): T => {
      if (parsed.ok) return parsed.value;
      rowErrors.push({ line, column: columnName(field), message: `Ligne ${line}, colonne « ${columnName(field)} » : « ${shown(cellOf(field))} » ${parsed.reason}.` });
      return fallback;
    };
    const list = (field: keyof typeof LIST_FIELDS, importField: ImportField) =>
      read(importField, parseListValue(cellOf(importField), matchers.lists[LIST_FIELDS[field]], FIELD_LABELS[field]), null);

    const reference = read('reference', parseText(cellOf('reference')), null);
    // « ab-12 » in the file is the stored row « AB-12 »: it is updated, and keeps its stored spelling.
    const previous = reference ? stored.get(referenceKey(reference)) : undefined;
    const present = (field: ImportField) => byField.has(field);
    // A column absent from the file keeps what the platform holds; a present but empty cell clears the value.
    const keep = <K extends RowField>(field: ImportField, key: K, value: RegistryRow[K]): RegistryRow[K] => (present(field) || !previous ? value : previous[key]);

    const row: ImportRow = {
      line,
      reference: previous?.reference ?? reference ?? '',
      sex: keep('sex', 'sex', list('sex', 'sex')),
      birthMonth: keep('birthMonth', 'birthMonth', read('birthMonth', parseMonth(cellOf('birthMonth')), null)),
      schoolLevel: keep('schoolLevel', 'schoolLevel', list('schoolLevel', 'schoolLevel')),
      placementType: keep('placementType', 'placementType', list('placementType', 'placementType')),
      territoryId: keep('territory', 'territoryId', read('territory', parseTerritory(cellOf('territory'), matchers), null)),
      mentorReference: keep('mentorReference', 'mentorReference', read('mentorReference', parseText(cellOf('mentorReference')), null)),
      mentorTrainedOn: read('mentorTrainedOn', parseDate(cellOf('mentorTrainedOn')), null),
      appliedOn: keep('appliedOn', 'appliedOn', read('appliedOn', parseDate(cellOf('appliedOn')), null)),
      matchedOn: keep('matchedOn', 'matchedOn', read('matchedOn', parseDate(cellOf('matchedOn')), null)),
      startedOn: keep('startedOn', 'startedOn', read('startedOn', parseDate(cellOf('startedOn')), null)),
      endedOn: keep('endedOn', 'endedOn', read('endedOn', parseDate(cellOf('endedOn')), null)),
      status: 'candidature',
      objective: keep('objective', 'objective', list('objective', 'objective')),
      modality: keep('modality', 'modality', list('modality', 'modality')),
      isRenewal: keep('isRenewal', 'isRenewal', read('isRenewal', parseBoolean(cellOf('isRenewal')), false)),
      closureReason: keep('closureReason', 'closureReason', list('closureReason', 'closureReason')),
    };
    const status = read('status', parseStatus(cellOf('status'), matchers), null);
    // Without a status, the dates say where the mentorship stands.
    row.status = status ?? (present('status') || !previous ? (row.endedOn ? 'cloture' : row.startedOn ? 'en_cours' : 'candidature') : previous.status);

    if (reference === null && rowErrors.every((e) => e.column !== columnName('reference'))) {
      rowErrors.push({ line, column: columnName('reference'), message: `Ligne ${line}, colonne « ${columnName('reference')} » : la référence est vide ; chaque ligne doit avoir la référence interne de l’association.` });
    }
    if (reference !== null) {
      const earlier = firstLine.get(referenceKey(reference));
      if (earlier !== undefined) {
        const caseOnly = earlier.reference !== reference ? ` (« ${earlier.reference} » : les majuscules et minuscules ne distinguent pas deux références)` : '';
        rowErrors.push({ line, column: columnName('reference'), message: `Ligne ${line}, colonne « ${columnName('reference')} » : la référence « ${reference} » figure déjà ligne ${earlier.line}${caseOnly}.` });
      } else firstLine.set(referenceKey(reference), { line, reference });
    }
    const associationColumn = columns.find((c) => c.target === 'association');
    const associationCell = associationColumn ? cells[associationColumn.index - 1] : null;
    if (input.associationName && typeof associationCell === 'string' && fold(associationCell.replace(/^'/, '')) !== fold(input.associationName)) {
      rowErrors.push({ line, column: associationColumn!.header, message: `Ligne ${line}, colonne « ${associationColumn!.header} » : cette ligne appartient à « ${shown(associationCell)} », pas à votre association ; retirez-la du fichier.` });
    }
    if (previous && isClosing(previous.status) && row.status !== previous.status) {
      rowErrors.push({ line, column: columnName('status'), message: `Ligne ${line}, colonne « ${columnName('status')} » : ce mentorat est terminé sur la plateforme (« ${STATUS_LABELS[previous.status]} ») ; son statut ne peut plus changer.` });
    }
    if (row.mentorTrainedOn !== null) {
      if (row.mentorReference === null) {
        rowErrors.push({ line, column: columnName('mentorTrainedOn'), message: `Ligne ${line}, colonne « ${columnName('mentorTrainedOn')} » : une date de formation est donnée sans référence de mentor.` });
      } else if (row.mentorTrainedOn > today || row.mentorTrainedOn < EARLIEST_DATE) {
        rowErrors.push({ line, column: columnName('mentorTrainedOn'), message: `Ligne ${line}, colonne « ${columnName('mentorTrainedOn')} » : la date de formation doit être comprise entre le 01/01/2000 et aujourd’hui.` });
      } else {
        const known = mentorDates.get(row.mentorReference);
        if (known !== undefined && known !== row.mentorTrainedOn) {
          rowErrors.push({ line, column: columnName('mentorTrainedOn'), message: `Ligne ${line}, colonne « ${columnName('mentorTrainedOn')} » : le mentor « ${row.mentorReference} » a une autre date de formation ligne ${mentorDateLine.get(row.mentorReference)}.` });
        } else if (known === undefined) {
          mentorDates.set(row.mentorReference, row.mentorTrainedOn);
          mentorDateLine.set(row.mentorReference, line);
        }
      }
    }
    if (rowErrors.length === 0) {
      for (const issue of checkRow(row, lists, today, previous ?? null)) {
        const field = importFieldOf(issue.field);
        const name = columnName(field);
        const absent = present(field) ? '' : ' (colonne absente du fichier)';
        rowErrors.push({ line, column: name, message: `Ligne ${line}, colonne « ${name} »${absent} : ${issue.message}` });
      }
    }
    if (rowErrors.length) {
      rowErrors.forEach(pushError);
      continue;
    }
    rows.push(row);
    if (!previous) created.push(row);
    else if (sameRow(previous, row)) unchanged++;
    else {
      const changed = changedFields(previous, row);
      updated.push({ ...row, mentorshipId: previous.mentorshipId, changed, before: previous });
      for (const field of changed) {
        if (row[field] === null && present(importFieldOf(field))) erased.push({ line, reference: row.reference, field, before: previous[field] });
      }
    }
  }
  if (errorCount > errors.length) {
    errors.push({ line: null, column: null, message: `… et ${errorCount - errors.length} autres erreurs. Corrigez les premières puis relancez l’aperçu.` });
  }
  if (rows.length === 0 && errorCount === 0) blocking = 'Le fichier ne contient aucune ligne de données sous la ligne d’en-têtes.';
  // Mentors whose training date the file changes (or sets) count as changes even when no row changes.
  const mentorChanges = new Map([...mentorDates].filter(([ref, date]) => input.mentorDates.get(ref) !== date));
  return {
    columns,
    rows,
    errors,
    errorTotal: errorCount,
    blocking,
    counts: { rows: grid.rows.length - skipped, created: created.length, updated: updated.length, unchanged, skipped },
    changes: { created, updated },
    erased,
    mentorDates: mentorChanges,
  };
}
